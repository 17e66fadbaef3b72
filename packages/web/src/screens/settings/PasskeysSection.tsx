import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { failureMessage, isApiError } from '../../api/api-error.ts';
import { addPasskey, listPasskeys, type Passkey, reauthenticate, removePasskey } from '../../api/passkeys.ts';
import { queryKeys } from '../../api/queries.ts';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { passkeyStrings as t } from './passkey-strings.ts';

const PASSKEYS_KEY = ['passkeys'] as const;

/** What the person asked for and is waiting on: adding one, or removing one. */
type Action = { type: 'add' } | { type: 'remove'; passkey: Passkey };

/**
 * Settings → Passkeys: add one (the password is asked for first when it was not entered in the last five
 * minutes), name it, see when each was last used, remove one.
 */
export function PasskeysSection({ timeZone, locale }: { timeZone: string; locale: string }) {
  const queryClient = useQueryClient();
  const passkeys = useQuery({ queryKey: PASSKEYS_KEY, queryFn: listPasskeys });
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<Action>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [awaitingPassword, setAwaitingPassword] = useState<Action>();
  const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const format = (iso: string) => formatter.format(new Date(iso));

  const run = async (action: Action) => {
    if (busy !== undefined) return;
    setBusy(action);
    setStatus(undefined);
    setError(undefined);
    try {
      if (action.type === 'add') {
        const added = await addPasskey(name);
        setName('');
        setStatus(t.added(added.name));
      } else {
        await removePasskey(action.passkey.id);
        setStatus(t.removed(action.passkey.name));
      }
      setAwaitingPassword(undefined);
      void queryClient.invalidateQueries({ queryKey: PASSKEYS_KEY });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity });
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'reauthentication-required') setAwaitingPassword(action);
      else setError(failureMessage(caught));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className="card" aria-labelledby="settings-passkeys">
      <h2 id="settings-passkeys">{t.heading}</h2>
      <p className="muted">{t.lead}</p>
      {passkeys.isPending ? <p role="status">{t.loading}</p> : null}
      {passkeys.isError ? <FormAlert message={passkeys.error.message} /> : null}
      {passkeys.data?.length === 0 ? <p>{t.none}</p> : null}
      <ul className="list-plain" aria-label={t.heading}>
        {(passkeys.data ?? []).map((passkey) => (
          <PasskeyItem
            key={passkey.id}
            passkey={passkey}
            format={format}
            isRemoving={busy?.type === 'remove' && busy.passkey.id === passkey.id}
            onRemove={() => void run({ type: 'remove', passkey })}
          />
        ))}
      </ul>
      {awaitingPassword === undefined ? (
        <form
          className="form"
          noValidate
          aria-label={t.add}
          onSubmit={(event) => {
            event.preventDefault();
            void run({ type: 'add' });
          }}
        >
          <TextInput
            label={t.nameLabel}
            name="passkey-name"
            value={name}
            onChange={setName}
            hint={t.nameHint}
          />
          <div className="button-row">
            <Button type="submit" className="button button--primary">
              {busy?.type === 'add' ? t.adding : t.add}
            </Button>
          </div>
        </form>
      ) : (
        <PasswordStep
          onCancel={() => setAwaitingPassword(undefined)}
          onConfirmed={() => void run(awaitingPassword)}
        />
      )}
      <FormAlert message={error} />
      <StatusMessage message={status} />
    </section>
  );
}

function PasskeyItem({
  passkey,
  format,
  isRemoving,
  onRemove,
}: {
  passkey: Passkey;
  format: (iso: string) => string;
  isRemoving: boolean;
  onRemove: () => void;
}) {
  const id = useId();
  return (
    <li className="session">
      <div>
        <p className="session__name" id={`${id}-name`}>
          {passkey.name}
        </p>
        <p className="session__detail" id={`${id}-detail`}>
          {t.addedOn(format(passkey.createdAt))},{' '}
          {passkey.lastUsedAt === null ? t.neverUsed : t.lastUsed(format(passkey.lastUsedAt))}.
        </p>
      </div>
      <Button className="button" onPress={onRemove} aria-describedby={`${id}-name ${id}-detail`}>
        {isRemoving ? t.removing : t.remove}
      </Button>
    </li>
  );
}

/** Asks for the password once, then lets the waiting action go ahead. */
function PasswordStep({ onCancel, onConfirmed }: { onCancel: () => void; onConfirmed: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (password === '') {
      setError(t.passwordNeeded);
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await reauthenticate(password);
      onConfirmed();
    } catch (caught) {
      setError(
        isApiError(caught) ? (caught.fieldMessage('password') ?? caught.message) : failureMessage(caught),
      );
      inputRef.current?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form" noValidate aria-label={t.confirm} onSubmit={(event) => void submit(event)}>
      <p>{t.passwordNeeded}</p>
      <PasswordInput
        label={t.passwordLabel}
        name="passkey-password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={error}
        inputRef={inputRef}
      />
      <div className="button-row">
        <Button type="submit" className="button button--primary">
          {pending ? t.confirming : t.confirm}
        </Button>
        <Button className="button" onPress={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
