import { PasswordResetInputSchema } from '@sunlog/core/records/account';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { getAuthOptions, requestPasswordReset, resetPassword } from '../../api/accounts.ts';
import { failureMessage } from '../../api/api-error.ts';
import { queryKeys } from '../../api/queries.ts';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { Page } from '../../components/Page.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useCheckedForm } from '../../forms/use-checked-form.ts';
import { useFragmentToken } from '../../fragment-token.ts';
import { Link, navigate } from '../../router.ts';
import { resetPasswordStrings as t } from './strings.ts';

/**
 * Sets a new password with a one-time link (made by `sunlog reset-password`). Without a link it says
 * how to get one. On success every session has ended, so it opens sign-in with a notice.
 */
export function ResetPasswordScreen() {
  const token = useFragmentToken();
  if (token === undefined) return <NoLink />;
  return <NewPasswordForm token={token} />;
}

function NoLink() {
  const options = useQuery({ queryKey: ['auth-options'], queryFn: getAuthOptions, staleTime: 60_000 });
  return (
    <Page title={t.noLinkTitle} className="auth">
      {options.data?.mail === true ? (
        <LinkByMail />
      ) : (
        <>
          <p className="lead">{t.noLink}</p>
          <p>
            {t.noLinkOperator} <code>sunlog reset-password --email &lt;address&gt;</code>.
          </p>
        </>
      )}
      <p className="auth__switch">
        <Link to="/sign-in" className="text-link">
          {t.backToSignIn}
        </Link>
      </p>
    </Page>
  );
}

function NewPasswordForm({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState<string>();
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const { errors, formError, isPending, submit } = useCheckedForm({
    schema: PasswordResetInputSchema,
    messages: { newPassword: t.passwordMissing },
    fields: ['newPassword'],
    refs: { newPassword: passwordRef },
    send: resetPassword,
    onSuccess: () => {
      // Every session ended on the server: forget this one here too, and drop the token from the address.
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
      navigate('/sign-in', { replace: true, state: { notice: t.done } });
    },
  });

  return (
    <Page title={t.title} className="auth">
      <p className="lead">{t.lead}</p>
      <form
        className="form"
        noValidate
        aria-label={t.title}
        onSubmit={(event) => {
          if (newPassword !== '' && confirmation !== newPassword) {
            event.preventDefault();
            setMismatch(t.mismatch);
            confirmRef.current?.focus();
            return;
          }
          setMismatch(undefined);
          submit(event, { token, newPassword });
        }}
      >
        <PasswordInput
          label={t.newPasswordLabel}
          name="newPassword"
          autoComplete="new-password"
          hint={t.newPasswordHint}
          value={newPassword}
          onChange={setNewPassword}
          error={errors.newPassword}
          inputRef={passwordRef}
        />
        <PasswordInput
          label={t.confirmLabel}
          name="confirmation"
          autoComplete="new-password"
          value={confirmation}
          onChange={(value) => {
            setConfirmation(value);
            setMismatch(undefined);
          }}
          error={mismatch}
          inputRef={confirmRef}
        />
        <FormAlert message={formError} />
        <Button type="submit" className="button button--primary button--block">
          {isPending ? t.submitting : t.submit}
        </Button>
      </form>
      <p className="auth__switch">
        <Link to="/sign-in" className="text-link">
          {t.backToSignIn}
        </Link>
      </p>
    </Page>
  );
}

/** When the server sends mail: the person asks for a link by mail themselves. */
function LinkByMail() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string>();
  const [error, setError] = useState<string>();
  const [isPending, setPending] = useState(false);
  const send = async () => {
    if (isPending) return;
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setError(t.emailMissing);
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      setSent((await requestPasswordReset({ email: email.trim() })).message);
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <p className="lead">{t.byMailLead}</p>
      <form
        className="form"
        noValidate
        aria-label={t.byMailTitle}
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <TextInput
          label={t.emailLabel}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(value) => {
            setEmail(value);
            setError(undefined);
          }}
          error={error}
          isRequired
        />
        <Button type="submit" className="button button--primary button--block">
          {isPending ? t.sending : t.sendLink}
        </Button>
      </form>
      <StatusMessage message={sent} />
    </>
  );
}
