import { SignInInputSchema } from '@sunlog/core/records/account';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { signIn } from '../../api/accounts.ts';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { Page } from '../../components/Page.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useCheckedForm } from '../../forms/use-checked-form.ts';
import { Link, useLocation } from '../../router.ts';
import { startSession } from '../../session.ts';
import { PasskeySignIn } from './PasskeySignIn.tsx';
import { signInStrings as t } from './strings.ts';

/** Signs in with an email and a password; a notice handed over by the previous screen shows first. */
export function SignInScreen() {
  const queryClient = useQueryClient();
  const { state } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { errors, formError, isPending, submit } = useCheckedForm({
    schema: SignInInputSchema,
    messages: { email: t.emailMissing, password: t.passwordMissing },
    fields: ['email', 'password'],
    refs: { email: emailRef, password: passwordRef },
    send: signIn,
    onSuccess: (me) => startSession(queryClient, me),
    readError: (error) =>
      error.code === 'invalid-credentials'
        ? { form: error.message === '' ? t.wrongCredentials : error.message }
        : undefined,
  });

  return (
    <Page title={t.title} className="auth">
      <StatusMessage message={state.notice} />
      <p className="lead">{t.lead}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => submit(event, { email, password })}
        aria-label={t.title}
      >
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
        <FormAlert message={formError} />
        <Button type="submit" className="button button--primary button--block">
          {isPending ? t.submitting : t.submit}
        </Button>
      </form>
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
