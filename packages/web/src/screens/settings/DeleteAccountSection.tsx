import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { isApiError } from '../../api/api-error.ts';
import { deleteAccount } from '../../api/data.ts';
import { queryKeys } from '../../api/queries.ts';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { navigate } from '../../router.ts';
import { dataStrings as t } from './data-strings.ts';
import './data.css';

/**
 * The danger zone: deleting the account and everything in it. Asks for the password again and the
 * email typed out, says plainly what goes and that it cannot be undone, then opens sign-in saying so.
 */
export function DeleteAccountSection({ email }: { email: string }) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const [formError, setFormError] = useState<string>();
  const [isPending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isPending) return;
    setFormError(undefined);
    const found: { password?: string; confirmation?: string } = {};
    if (password === '') found.password = t.deletePasswordMissing;
    // The same rule as the server: the email exactly, letter case aside.
    if (confirmation.trim().toLowerCase() !== email.toLowerCase()) found.confirmation = t.deleteEmailMismatch;
    setErrors(found);
    if (found.password !== undefined) return passwordRef.current?.focus();
    if (found.confirmation !== undefined) return confirmationRef.current?.focus();

    setPending(true);
    try {
      await deleteAccount({ password, confirmation: confirmation.trim() });
    } catch (caught) {
      setPending(false);
      if (isApiError(caught) && caught.code === 'invalid-credentials') {
        setErrors({ password: caught.fieldMessage('password') ?? caught.message });
        passwordRef.current?.focus();
      } else if (isApiError(caught) && caught.code === 'confirmation-mismatch') {
        setErrors({ confirmation: caught.fieldMessage('confirmation') ?? caught.message });
        confirmationRef.current?.focus();
      } else {
        setFormError(isApiError(caught) ? caught.message : String(caught));
      }
      return;
    }
    // Nothing of the person may stay on screen or in the cache: forget everything, then open sign-in.
    queryClient.clear();
    queryClient.setQueryData(queryKeys.me, null);
    navigate('/sign-in', { replace: true, state: { notice: t.deletedNotice } });
  };

  return (
    <section className="card danger-zone" aria-labelledby="settings-delete">
      <h2 id="settings-delete">{t.deleteHeading}</h2>
      <p>
        <strong>{t.deleteLead}</strong>
      </p>
      <p>{t.deleteWhat}</p>
      <p className="muted">{t.deleteDownloadFirst}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-labelledby="settings-delete"
      >
        <PasswordInput
          label={t.deletePasswordLabel}
          name="deletePassword"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          inputRef={passwordRef}
        />
        <TextInput
          label={t.deleteEmailLabel}
          name="deleteConfirmation"
          type="email"
          autoComplete="off"
          hint={t.deleteEmailHint(email)}
          value={confirmation}
          onChange={setConfirmation}
          error={errors.confirmation}
          isRequired
          inputRef={confirmationRef}
        />
        <FormAlert message={formError} />
        {isPending ? <p role="status">{t.deleting}</p> : null}
        <div className="button-row">
          <Button type="submit" className="button button--danger">
            {isPending ? t.deleting : t.deleteButton}
          </Button>
        </div>
      </form>
    </section>
  );
}
