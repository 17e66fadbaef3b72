import { useState } from 'react';
import { Button } from 'react-aria-components';
import { failureMessage } from '../../api/api-error.ts';
import { sendTestNotification } from '../../api/push.ts';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { pushStrings as t } from './push-strings.ts';
import type { DevicePush } from './use-device-push.ts';

/**
 * Whether reminders can arrive on this device, said plainly (on / off / blocked with how to fix /
 * not possible here), with "Send a test notification". `anyReminderOn` is the saved preferences.
 */
export function DeviceNotifications({ push, anyReminderOn }: { push: DevicePush; anyReminderOn: boolean }) {
  const [testStatus, setTestStatus] = useState<string>();
  const [testError, setTestError] = useState<string>();
  const [isSending, setSending] = useState(false);

  const sendTest = async () => {
    if (isSending || push.isBusy) return;
    setTestStatus(undefined);
    setTestError(undefined);
    setSending(true);
    try {
      // The test may be the first thing that needs permission: asking here is the person's own choice.
      const state = push.state === 'on' ? 'on' : await push.turnOn();
      if (state === 'blocked') setTestError(t.testBlocked);
      else if (state === 'unsupported') setTestError(t.testUnsupported);
      else if (state === 'on') {
        const sent = await sendTestNotification();
        if (sent === 0) setTestError(t.testNotDelivered);
        else setTestStatus(t.testSent(sent));
      }
    } catch (caught) {
      setTestError(failureMessage(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="reminders__device" aria-labelledby="settings-device-notifications">
      <h3 id="settings-device-notifications">{t.heading}</h3>
      <StateText state={push.state} isBusy={push.isBusy} />
      {push.state === 'off' && anyReminderOn && !push.isBusy ? (
        <div className="button-row">
          <Button className="button button--primary" onPress={() => void push.turnOn()}>
            {t.offAsk}
          </Button>
        </div>
      ) : null}
      <FormAlert message={push.error} />
      {push.state === 'unsupported' ? null : (
        <div className="button-row">
          <Button className="button" onPress={() => void sendTest()}>
            {isSending ? t.testSending : t.test}
          </Button>
        </div>
      )}
      <FormAlert message={testError} />
      <StatusMessage message={testStatus} />
    </section>
  );
}

function StateText({ state, isBusy }: { state: DevicePush['state']; isBusy: boolean }) {
  if (isBusy) return <p>{t.working}</p>;
  switch (state) {
    case undefined:
      return <p className="muted">{t.checking}</p>;
    case 'on':
      return <p className="reminders__device-state reminders__device-state--on">{t.on}</p>;
    case 'off':
      return <p className="reminders__device-state">{t.off}</p>;
    case 'blocked':
      return (
        <>
          <p className="reminders__device-state reminders__device-state--blocked">{t.blocked}</p>
          <p>{t.blockedFix}</p>
        </>
      );
    case 'unsupported':
      return <p className="reminders__device-state">{t.unsupported}</p>;
    default: {
      const unknown: never = state;
      return unknown;
    }
  }
}
