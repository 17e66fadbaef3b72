import { SignInInputSchema } from '@sunlog/core/records/account';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { signIn } from '../../api/accounts.ts';
import { CodeInput } from '../../components/CodeInput.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { Page } from '../../components/Page.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useCheckedForm } from '../../forms/use-checked-form.ts';
import { Link, useLocation } from '../../router.ts';
import { startSession } from '../../session.ts';
import { PasskeySignIn } from './PasskeySignIn.tsx';
import { signInStrings as t } from './strings.ts';

/** Which step of signing in shows: the password, or (two-step sign-in on) the code or a recovery code. */
type Step = 'password' | 'code' | 'recovery';

/**
 * Signs in with an email and a password; a notice handed over by the previous screen shows first. When
 * the account has two-step sign-in on, the server answers 'second-factor-required' and the screen asks
 * for the app's code (or a recovery code), then sends the email and password again with it: the server
 * keeps no half-signed-in state (see docs/decisions.md).
 */
export function SignInScreen() {
  const queryClient = useQueryClient();
  const { state } = useLocation();
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);
  const recoveryRef = useRef<HTMLInputElement>(null);
  const { errors, formError, isPending, submit } = useCheckedForm({
    schema: SignInInputSchema,
    messages: { email: t.emailMissing, password: t.passwordMissing },
    fields: ['email', 'password', 'totpCode', 'recoveryCode'],
    refs: { email: emailRef, password: passwordRef, totpCode: totpRef, recoveryCode: recoveryRef },
    send: signIn,
    onSuccess: (me) => startSession(queryClient, me),
    readError: (error) => {
      if (error.code === 'second-factor-required') {
        setStep((current) => (current === 'password' ? 'code' : current));
        return step === 'password' ? { fields: {} } : { fields: { totpCode: t.codeMissing } };
      }
      if (error.code === 'invalid-credentials' && error.fieldMessage('totpCode') !== undefined)
        return { fields: { totpCode: error.fieldMessage('totpCode') ?? error.message } };
      if (error.code === 'invalid-credentials' && error.fieldMessage('recoveryCode') !== undefined)
        return { fields: { recoveryCode: error.fieldMessage('recoveryCode') ?? error.message } };
      return error.code === 'invalid-credentials'
        ? { form: error.message === '' ? t.wrongCredentials : error.message }
        : undefined;
    },
  });

  // The code field takes focus as its step opens, so the person can type straight away.
  useEffect(() => {
    if (step === 'code') totpRef.current?.focus();
    if (step === 'recovery') recoveryRef.current?.focus();
  }, [step]);

  const values = () => {
    if (step === 'code') return { email, password, totpCode };
    if (step === 'recovery') return { email, password, recoveryCode };
    return { email, password };
  };

  const startOver = () => {
    setStep('password');
    setPassword('');
    setTotpCode('');
    setRecoveryCode('');
  };

  const title = step === 'password' ? t.title : t.codeTitle;
  return (
    <Page title={title} className="auth">
      <StatusMessage message={state.notice} />
      <p className="lead">{step === 'password' ? t.lead : step === 'code' ? t.codeLead : t.recoveryLead}</p>
      <form className="form" noValidate onSubmit={(event) => submit(event, values())} aria-label={title}>
        {step === 'password' ? (
          <>
            <TextInput
              label={t.emailLabel}
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              error={errors.email}
              isRequired
              inputRef={emailRef}
            />
            <PasswordInput
              label={t.passwordLabel}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={errors.password}
              inputRef={passwordRef}
            />
          </>
        ) : step === 'code' ? (
          <CodeInput
            label={t.codeLabel}
            name="totpCode"
            kind="numeric"
            hint={t.codeHint}
            value={totpCode}
            onChange={setTotpCode}
            error={errors.totpCode}
            inputRef={totpRef}
          />
        ) : (
          <CodeInput
            label={t.recoveryLabel}
            name="recoveryCode"
            kind="text"
            hint={t.recoveryHint}
            value={recoveryCode}
            onChange={setRecoveryCode}
            error={errors.recoveryCode}
            inputRef={recoveryRef}
          />
        )}
        <FormAlert message={formError} />
        <Button type="submit" className="button button--primary button--block">
          {isPending ? t.submitting : t.submit}
        </Button>
      </form>
      {step === 'password' ? null : (
        <div className="button-row auth__second-factor">
          <Button className="button" onPress={() => setStep(step === 'code' ? 'recovery' : 'code')}>
            {step === 'code' ? t.useRecovery : t.useApp}
          </Button>
          <Button className="button" onPress={startOver}>
            {t.startOver}
          </Button>
        </div>
      )}
      <PasskeySignIn />
      <p className="auth__switch">
        <Link to="/reset-password" className="text-link">
          {t.forgotPassword}
        </Link>
      </p>
      <p className="auth__switch">
        {t.noAccount}{' '}
        <Link to="/register" className="text-link">
          {t.register}
        </Link>
      </p>
    </Page>
  );
}
