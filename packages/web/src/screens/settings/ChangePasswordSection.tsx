import { PASSWORD_MIN_LENGTH } from '@sunlog/core/records/account';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { isApiError } from '../../api/api-error.ts';
import { queryKeys } from '../../api/queries.ts';
import { changePassword } from '../../api/sessions.ts';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { passwordStrings as t } from './password-strings.ts';
import './change-password.css';

interface Errors {
  currentPassword?: string;
  newPassword?: string;
}

/**
 * Settings → "Change password": the current password and a new one. The server checks the new one's
 * strength and says why it refuses; on success every other device is signed out and this one stays.
 */
export function ChangePasswordSection() {
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [isPending, setPending] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isPending) return;
    setFormError(undefined);
    setDone(undefined);
    const found: Errors = {};
    if (currentPassword === '') found.currentPassword = t.currentMissing;
    if (newPassword.length < PASSWORD_MIN_LENGTH) found.newPassword = t.newTooShort;
    setErrors(found);
    if (found.currentPassword !== undefined) return currentRef.current?.focus();
    if (found.newPassword !== undefined) return newRef.current?.focus();

    setPending(true);
    try {
      await changePassword({ currentPassword, newPassword });
    } catch (caught) {
      setPending(false);
      if (isApiError(caught) && caught.code === 'invalid-credentials') {
        setErrors({ currentPassword: caught.fieldMessage('currentPassword') ?? caught.message });
        currentRef.current?.focus();
      } else if (isApiError(caught) && caught.fieldMessage('newPassword') !== undefined) {
        setErrors({ newPassword: caught.fieldMessage('newPassword') ?? caught.message });
        newRef.current?.focus();
      } else {
        setFormError(isApiError(caught) ? caught.message : String(caught));
      }
      return;
    }
    setPending(false);
    setCurrentPassword('');
    setNewPassword('');
    setErrors({});
    setDone(t.changed);
    // The other sessions are gone and the trail has a new event.
    void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    void queryClient.invalidateQueries({ queryKey: queryKeys.activity });
  };

  return (
    <section className="card" aria-labelledby="settings-password">
      <h2 id="settings-password">{t.heading}</h2>
      <p>{t.lead}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-labelledby="settings-password"
      >
        <PasswordInput
          label={t.currentLabel}
          name="currentPassword"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={errors.currentPassword}
          inputRef={currentRef}
        />
        <PasswordInput
          label={t.newLabel}
          name="newPassword"
          autoComplete="new-password"
          hint={t.newHint}
          value={newPassword}
          onChange={setNewPassword}
          error={errors.newPassword}
          inputRef={newRef}
        />
        <FormAlert message={formError} />
        {isPending ? <p role="status">{t.changing}</p> : null}
        <div className="button-row">
          <Button type="submit" className="button button--primary">
            {isPending ? t.changing : t.button}
          </Button>
        </div>
      </form>
      <div className="change-password__done">
        <StatusMessage message={done} />
      </div>
    </section>
  );
}
