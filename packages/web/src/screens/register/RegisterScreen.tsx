import { RegisterInputSchema } from '@sunlog/core/records/account';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { register } from '../../api/accounts.ts';
import { ApiError } from '../../api/api-error.ts';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { Page } from '../../components/Page.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import {
  type FieldErrors,
  fieldErrorsFromApi,
  fieldErrorsFromIssues,
  focusFirstInvalid,
  messagesOutside,
} from '../../forms/field-errors.ts';
import { Link } from '../../router.ts';
import { startSession } from '../../session.ts';
import { deviceTimeZone } from '../../time-zones.ts';
import { registerStrings as t } from './strings.ts';

export function RegisterScreen() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    focusFirstInvalid(next, [
      ['email', emailRef.current],
      ['password', passwordRef.current],
    ]);
  };

  const mutation = useMutation({
    mutationFn: register,
    onSuccess: (me) => startSession(queryClient, me),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'email-taken') {
        showErrors({ email: error.message });
      } else if (error instanceof ApiError && error.code === 'invalid-input' && error.fields.length > 0) {
        const fieldErrors = fieldErrorsFromApi(error);
        showErrors(fieldErrors);
        setFormError(messagesOutside(fieldErrors, ['email', 'password']));
      } else {
        setFormError(error.message);
      }
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    setFormError(undefined);
    const timeZone = deviceTimeZone();
    const parsed = RegisterInputSchema.safeParse({
      email,
      password,
      ...(timeZone === undefined ? {} : { timeZone }),
    });
    if (!parsed.success) {
      showErrors(fieldErrorsFromIssues(parsed.error.issues, { email: t.emailInvalid }));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  };

  return (
    <Page title={t.title} className="auth">
      <p className="lead">{t.lead}</p>
      <form className="form" noValidate onSubmit={submit} aria-label={t.title}>
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
          {mutation.isPending ? t.submitting : t.submit}
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
