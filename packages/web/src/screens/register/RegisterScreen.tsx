import { RegisterInputSchema } from '@sunlog/core/records/account';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { register } from '../../api/accounts.ts';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { Page } from '../../components/Page.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useCheckedForm } from '../../forms/use-checked-form.ts';
import { Link } from '../../router.ts';
import { startSession } from '../../session.ts';
import { deviceTimeZone } from '../../time-zones.ts';
import { registerStrings as t } from './strings.ts';

/** Creates an account with an email and a password, and signs in on this device. */
export function RegisterScreen() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mailSent, setMailSent] = useState<string>();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { errors, formError, isPending, submit } = useCheckedForm({
    schema: RegisterInputSchema,
    messages: { email: t.emailInvalid },
    fields: ['email', 'password'],
    refs: { email: emailRef, password: passwordRef },
    send: register,
    onSuccess: (answer) => {
      if ('status' in answer) setMailSent(answer.message);
      else startSession(queryClient, answer);
    },
    readError: (error) => (error.code === 'email-taken' ? { fields: { email: error.message } } : undefined),
  });

  const create = (event: FormEvent<HTMLFormElement>) => {
    const timeZone = deviceTimeZone();
    submit(event, { email, password, ...(timeZone === undefined ? {} : { timeZone }) });
  };

  if (mailSent !== undefined) {
    return (
      <Page title={t.checkMailTitle} className="auth">
        <StatusMessage message={mailSent} />
        <p>{t.checkMailNext}</p>
        <p className="auth__switch">
          <Link to="/sign-in" className="text-link">
            {t.signIn}
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t.title} className="auth">
      <p className="lead">{t.lead}</p>
      <form className="form" noValidate onSubmit={create} aria-label={t.title}>
        <TextInput
          label={t.emailLabel}
          name="email"
          type="email"
          autoComplete="email"
          hint={t.emailHint}
          value={email}
          onChange={setEmail}
          error={errors.email}
          isRequired
          inputRef={emailRef}
        />
        <PasswordInput
          label={t.passwordLabel}
          name="password"
          autoComplete="new-password"
          hint={t.passwordHint}
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
      <p className="auth__switch">
        {t.haveAccount}{' '}
        <Link to="/sign-in" className="text-link">
          {t.signIn}
        </Link>
      </p>
    </Page>
  );
}
