import { useCallback, useEffect, useState } from 'react';
import { failureMessage } from '../../api/api-error.ts';
import {
  type DevicePushState,
  devicePushState,
  PushServiceUnreachable,
  turnOffDevicePush,
  turnOnDevicePush,
} from '../../api/push.ts';
import { pushStrings as t } from './push-strings.ts';

export interface DevicePush {
  /** Undefined until the browser has been asked (without prompting) what it does now. */
  state: DevicePushState | undefined;
  isBusy: boolean;
  error: string | undefined;
  /** Turns notifications on; may show the browser's permission prompt, so call it from a press. */
  turnOn: () => Promise<DevicePushState>;
  turnOff: () => Promise<void>;
}

/** Notifications on this device, as Settings → Reminders shows and changes them. */
export function useDevicePush(): DevicePush {
  const [state, setState] = useState<DevicePushState>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let isCurrent = true;
    devicePushState()
      .then((next) => {
        if (isCurrent) setState(next);
      })
      .catch(() => {
        if (isCurrent) setState('off');
      });
    return () => {
      isCurrent = false;
    };
  }, []);

  const turnOn = useCallback(async (): Promise<DevicePushState> => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await turnOnDevicePush();
      setState(next);
      return next;
    } catch (caught) {
      setError(caught instanceof PushServiceUnreachable ? t.unreachable : t.failed(failureMessage(caught)));
      const now = await devicePushState().catch(() => 'off' as const);
      setState(now);
      return now;
    } finally {
      setBusy(false);
    }
  }, []);

  const turnOff = useCallback(async () => {
    setBusy(true);
    setError(undefined);
    try {
      setState(await turnOffDevicePush());
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setBusy(false);
    }
  }, []);

  return { state, isBusy, error, turnOn, turnOff };
}
