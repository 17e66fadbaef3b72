import type { TotpEnrolment } from '@sunlog/core/records/second-factor';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { isApiError } from '../../api/api-error.ts';
import { queryKeys } from '../../api/queries.ts';
import { confirmTotp, getSecondFactor, startTotp, turnOffSecondFactor } from '../../api/second-factor.ts';
import { CodeInput } from '../../components/CodeInput.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { twoStepStrings as t } from './two-step-strings.ts';
import './two-step.css';

/** Where setting up stands: nothing under way, the password asked first, the QR code, or the new codes. */
type SetUp =
  | { step: 'idle' }
  | { step: 'password' }
  | { step: 'scan'; enrolment: TotpEnrolment }
  | { step: 'codes'; codes: string[] };

const SECOND_FACTOR_KEY = ['me', 'second-factor'] as const;
/** Below this many unused recovery codes, Settings suggests making new ones. */
const FEW_RECOVERY_CODES = 3;

/**
 * Settings → "Two-step sign-in": turning it on (the password again if the last proof is older than 5
 * minutes, then a QR code with the key as text, a code from the app to confirm, then the ten recovery
 * codes shown once to copy or download) and turning it off (with the password).
 */
export function TwoStepSection() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: SECOND_FACTOR_KEY, queryFn: getSecondFactor });
  const [setUp, setSetUp] = useState<SetUp>({ step: 'idle' });
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ password?: string; code?: string }>({});
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [isPending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: SECOND_FACTOR_KEY });
    void queryClient.invalidateQueries({ queryKey: queryKeys.activity });
  };

  const reset = () => {
    setSetUp({ step: 'idle' });
    setPassword('');
    setCode('');
    setError({});
    setFormError(undefined);
  };

  /** Asks the server for a new secret; asks for the password first when the server wants it. */
  const start = async (withPassword?: string) => {
    if (isPending) return;
    setFormError(undefined);
    setNotice(undefined);
    setPending(true);
    try {
      const enrolment = await startTotp(withPassword);
      setPassword('');
      setError({});
      setSetUp({ step: 'scan', enrolment });
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'reauthentication-required') {
        setSetUp({ step: 'password' });
        requestAnimationFrame(() => passwordRef.current?.focus());
      } else if (isApiError(caught) && caught.code === 'invalid-credentials') {
        setError({ password: caught.fieldMessage('password') ?? caught.message });
        passwordRef.current?.focus();
      } else {
        setFormError(isApiError(caught) ? caught.message : String(caught));
      }
    } finally {
      setPending(false);
    }
  };

  const submitPassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password === '') {
      setError({ password: t.passwordMissing });
      passwordRef.current?.focus();
      return;
    }
    void start(password);
  };

  const submitCode = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isPending) return;
    setFormError(undefined);
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setError({ code: t.codeMissing });
      codeRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      const { recoveryCodes } = await confirmTotp(code);
      setCode('');
      setError({});
      setSetUp({ step: 'codes', codes: recoveryCodes });
      refresh();
    } catch (caught) {
      if (isApiError(caught) && caught.fieldMessage('code') !== undefined) {
        setError({ code: caught.fieldMessage('code') ?? caught.message });
        codeRef.current?.focus();
      } else {
        setFormError(isApiError(caught) ? caught.message : String(caught));
      }
    } finally {
      setPending(false);
    }
  };

  const submitTurnOff = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isPending) return;
    setFormError(undefined);
    if (password === '') {
      setError({ password: t.passwordMissing });
      passwordRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      await turnOffSecondFactor(password);
      reset();
      setNotice(t.turnedOff);
      refresh();
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'invalid-credentials') {
        setError({ password: caught.fieldMessage('password') ?? caught.message });
        passwordRef.current?.focus();
      } else {
        setFormError(isApiError(caught) ? caught.message : String(caught));
      }
    } finally {
      setPending(false);
    }
  };

  const isOn = status.data?.totp === true;

  return (
    <section className="card two-step" aria-labelledby="settings-two-step">
      <h2 id="settings-two-step">{t.heading}</h2>
      {status.isPending ? <p role="status">{t.loading}</p> : null}
      {status.isError ? <FormAlert message={status.error.message} /> : null}

      {setUp.step === 'codes' ? (
        <RecoveryCodesShown
          codes={setUp.codes}
          onDone={() => {
            reset();
            setNotice(t.turnedOn);
          }}
        />
      ) : status.isSuccess && isOn ? (
        <>
          <p>{t.leadOn}</p>
          <p className="muted">
            {t.recoveryLeft(status.data.recoveryCodesLeft)}{' '}
            {status.data.recoveryCodesLeft < FEW_RECOVERY_CODES ? t.recoveryLow : null}
          </p>
          <h3 id="settings-two-step-off">{t.turnOffHeading}</h3>
          <p className="muted">{t.turnOffLead}</p>
          <form
            className="form"
            noValidate
            onSubmit={(event) => void submitTurnOff(event)}
            aria-labelledby="settings-two-step-off"
          >
            <PasswordInput
              label={t.passwordLabel}
              name="twoStepOffPassword"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={error.password}
              inputRef={passwordRef}
            />
            <div className="button-row">
              <Button type="submit" className="button button--danger">
                {isPending ? t.turningOff : t.turnOff}
              </Button>
            </div>
          </form>
        </>
      ) : status.isSuccess && setUp.step === 'idle' ? (
        <>
          <p>{t.leadOff}</p>
          <div className="button-row">
            <Button className="button button--primary" onPress={() => void start()}>
              {isPending ? t.starting : t.turnOn}
            </Button>
          </div>
        </>
      ) : setUp.step === 'password' ? (
        <form className="form" noValidate onSubmit={submitPassword} aria-labelledby="settings-two-step">
          <p>{t.passwordFirst}</p>
          <PasswordInput
            label={t.passwordLabel}
            name="twoStepPassword"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={error.password}
            inputRef={passwordRef}
          />
          <div className="button-row">
            <Button type="submit" className="button button--primary">
              {isPending ? t.starting : t.continue}
            </Button>
            <Button className="button" onPress={reset}>
              {t.cancel}
            </Button>
          </div>
        </form>
      ) : setUp.step === 'scan' ? (
        <>
          <h3>{t.scanHeading}</h3>
          <p>{t.scanLead}</p>
          <img
            className="two-step__qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setUp.enrolment.qrSvg)}`}
            alt={t.qrAlt}
            width={240}
            height={240}
          />
          <p className="muted">{t.manualLead}</p>
          <p>
            <code className="two-step__secret" data-testid="totp-secret">
              {groupsOfFour(setUp.enrolment.secret)}
            </code>
          </p>
          <h3 id="settings-two-step-code">{t.codeHeading}</h3>
          <form
            className="form"
            noValidate
            onSubmit={(event) => void submitCode(event)}
            aria-labelledby="settings-two-step-code"
          >
            <CodeInput
              label={t.codeLabel}
              name="twoStepCode"
              kind="numeric"
              hint={t.codeHint}
              value={code}
              onChange={setCode}
              error={error.code}
              inputRef={codeRef}
            />
            <div className="button-row">
              <Button type="submit" className="button button--primary">
                {isPending ? t.confirming : t.confirm}
              </Button>
              <Button className="button" onPress={reset}>
                {t.cancel}
              </Button>
            </div>
          </form>
        </>
      ) : null}
      <FormAlert message={formError} />
      <StatusMessage message={notice} />
    </section>
  );
}

/** The ten recovery codes, shown once, with copy and download. */
function RecoveryCodesShown({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copyNotice, setCopyNotice] = useState<string>();
  const text = `${t.codesFileIntro}\n\n${codes.join('\n')}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopyNotice(t.copied);
    } catch {
      setCopyNotice(t.copyFailed);
    }
  };
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <>
      <h3 id="settings-two-step-codes">{t.codesHeading}</h3>
      <p>{t.codesLead}</p>
      <ol className="two-step__codes" aria-labelledby="settings-two-step-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Button className="button" onPress={() => void copy()}>
          {t.copy}
        </Button>
        <a className="button" href={href} download={t.codesFileName}>
          {t.download}
        </a>
        <Button className="button button--primary" onPress={onDone}>
          {t.done}
        </Button>
      </div>
      <StatusMessage message={copyNotice} />
    </>
  );
}

/** "ABCDEFGH…" as "ABCD EFGH …", easier to type and to check. */
function groupsOfFour(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}
