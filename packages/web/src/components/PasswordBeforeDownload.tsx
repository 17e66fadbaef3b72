import { type FormEvent, type MouseEvent, type ReactNode, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { isApiError } from '../api/api-error.ts';
import { isRecentlyAuthenticated, reauthenticate } from '../api/second-factor.ts';
import { FormAlert } from './LiveMessages.tsx';
import { PasswordInput } from './PasswordInput.tsx';

const strings = {
  lead: 'For your safety, enter your password before downloading. Sunlog asks when you last signed in or gave your password more than 5 minutes ago.',
  label: 'Your password',
  missing: 'Enter your password',
  submit: 'Continue to download',
  checking: 'Checking…',
  cancel: 'Cancel',
} as const;

/**
 * Downloads of the person's data (the export, CSV files, the report) are plain links, so the browser's
 * own download does the work. The server refuses them unless the session signed in or gave the password
 * within 5 minutes; this asks first whether that holds and, if not, for the password, then follows the
 * link. `onDownload(href)` goes on each link's click; `prompt` is placed where the password form shows.
 */
export function usePasswordBeforeDownload(): {
  onDownload: (href: string) => (event: MouseEvent<HTMLAnchorElement>) => void;
  prompt: ReactNode;
} {
  const [pendingHref, setPendingHref] = useState<string>();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [isPending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const follow = (href: string) => window.location.assign(href);

  const onDownload = (href: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setFormError(undefined);
    isRecentlyAuthenticated()
      .then((recent) => {
        if (recent) {
          setPendingHref(undefined);
          follow(href);
          return;
        }
        setPendingHref(href);
        requestAnimationFrame(() => passwordRef.current?.focus());
      })
      .catch((caught: unknown) => setFormError(isApiError(caught) ? caught.message : String(caught)));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isPending || pendingHref === undefined) return;
    if (password === '') {
      setError(strings.missing);
      passwordRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      await reauthenticate(password);
      const href = pendingHref;
      setPendingHref(undefined);
      setPassword('');
      setError(undefined);
      follow(href);
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'invalid-credentials') {
        setError(caught.fieldMessage('password') ?? caught.message);
        passwordRef.current?.focus();
      } else {
        setFormError(isApiError(caught) ? caught.message : String(caught));
      }
    } finally {
      setPending(false);
    }
  };

  const prompt = (
    <>
      {pendingHref === undefined ? null : (
        <form
          className="form download-password"
          noValidate
          onSubmit={(event) => void submit(event)}
          aria-label={strings.submit}
        >
          <p>{strings.lead}</p>
          <PasswordInput
            label={strings.label}
            name="downloadPassword"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={error}
            inputRef={passwordRef}
          />
          <div className="button-row">
            <Button type="submit" className="button button--primary">
              {isPending ? strings.checking : strings.submit}
            </Button>
            <Button
              className="button"
              onPress={() => {
                setPendingHref(undefined);
                setPassword('');
                setError(undefined);
              }}
            >
              {strings.cancel}
            </Button>
          </div>
        </form>
      )}
      <FormAlert message={formError} />
    </>
  );
  return { onDownload, prompt };
}
