import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { type BundleView, readBundle } from '../../shl/bundle-view.ts';
import { type LinkReading, needsPasscode, readShlink, type ShlPayload } from '../../shl/link.ts';
import { openShareLink } from '../../shl/manifest.ts';
import { SharedRecords } from './SharedRecords.tsx';
import './view.css';

type Stage =
  | { kind: 'ask'; error?: string }
  | { kind: 'opening' }
  | { kind: 'open'; view: BundleView; bundleJson: string }
  | { kind: 'gone' };

/**
 * The clinician's viewer for a SMART Health Link: no account and no session. It reads the link from
 * the address's fragment (which the browser never sends anywhere), asks who is looking (the person
 * sees it in their account activity) and the passcode when the link has one, fetches the encrypted
 * file and decrypts it in this page. A link that expired, was stopped or is unknown shows only a plain
 * sentence saying so.
 */
export function ViewScreen() {
  // Read once: the fragment does not change while the page is open.
  const [reading] = useState<LinkReading>(() => readShlink(window.location.hash, Date.now()));
  const [stage, setStage] = useState<Stage>({ kind: 'ask' });

  useEffect(() => {
    document.title = stage.kind === 'open' ? 'Shared records – Sunlog' : 'Open shared records – Sunlog';
  }, [stage.kind]);

  if (reading.kind !== 'ok' || stage.kind === 'gone')
    return <LinkGone invalid={reading.kind === 'invalid'} />;
  if (stage.kind === 'open') {
    return <SharedRecords view={stage.view} bundleJson={stage.bundleJson} label={reading.payload.label} />;
  }
  return <OpenForm payload={reading.payload} stage={stage} onStage={setStage} />;
}

/** The plain page for a link that cannot be opened: nothing of the records, no hints. */
function LinkGone({ invalid }: { invalid: boolean }) {
  return (
    <div className="view view--gone">
      <h1 tabIndex={-1}>This link no longer works</h1>
      <p>
        {invalid
          ? 'The address is incomplete or not a Sunlog share link. Ask the person who shared it to check it.'
          : 'It has expired or was stopped by the person who shared it. Ask them for a new link if you still need the records.'}
      </p>
    </div>
  );
}

function OpenForm({
  payload,
  stage,
  onStage,
}: {
  payload: ShlPayload;
  stage: Extract<Stage, { kind: 'ask' | 'opening' }>;
  onStage: (stage: Stage) => void;
}) {
  const withPasscode = needsPasscode(payload);
  const [recipient, setRecipient] = useState('');
  const [passcode, setPasscode] = useState('');
  const [errors, setErrors] = useState<{ recipient?: string; passcode?: string }>({});
  const recipientRef = useRef<HTMLInputElement>(null);
  const passcodeRef = useRef<HTMLInputElement>(null);
  const isOpening = stage.kind === 'opening';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isOpening) return;
    const found: { recipient?: string; passcode?: string } = {};
    if (recipient.trim() === '')
      found.recipient = 'Write your name and role, for example “Dr Smith, MS clinic”.';
    if (withPasscode && passcode === '') found.passcode = 'Type the passcode the person gave you.';
    setErrors(found);
    if (found.recipient !== undefined) return recipientRef.current?.focus();
    if (found.passcode !== undefined) return passcodeRef.current?.focus();

    onStage({ kind: 'opening' });
    const outcome = await openShareLink(payload, {
      recipient: recipient.trim().slice(0, 200),
      passcode: withPasscode ? passcode : undefined,
    });
    switch (outcome.kind) {
      case 'ok': {
        try {
          onStage({
            kind: 'open',
            view: readBundle(JSON.parse(outcome.bundleJson)),
            bundleJson: outcome.bundleJson,
          });
        } catch {
          onStage({ kind: 'ask', error: 'The shared file could not be read.' });
        }
        return;
      }
      case 'gone':
        return onStage({ kind: 'gone' });
      case 'wrong-passcode': {
        const left = outcome.remainingAttempts;
        setErrors({
          passcode:
            left === null
              ? 'That passcode is not right.'
              : `That passcode is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before the link stops working.`,
        });
        onStage({ kind: 'ask' });
        passcodeRef.current?.focus();
        return;
      }
      case 'too-many':
        return onStage({
          kind: 'ask',
          error:
            outcome.retryAfterSeconds === null
              ? 'Too many tries just now. Wait a minute, then try again.'
              : `Too many tries just now. Try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} minute(s).`,
        });
      case 'failed':
        return onStage({ kind: 'ask', error: outcome.message });
    }
  };

  const expires =
    payload.exp === undefined
      ? null
      : new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(
          new Date(payload.exp * 1000),
        );

  return (
    <div className="view">
      <h1 tabIndex={-1}>Open shared records</h1>
      <p className="lead">
        Someone shared their Sunlog records with you
        {payload.label === undefined ? '' : ` (“${payload.label}”)`}: vitamin D doses, blood results, symptoms
        and flare-ups they entered themselves.
        {expires === null ? null : ` This link works until ${expires}.`}
      </p>
      <form
        className="form card"
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-label="Open shared records"
      >
        <TextInput
          label="Your name and role"
          name="recipient"
          autoComplete="name"
          hint="For example “Dr Smith, MS clinic”. The person who shared the link sees this each time it is opened."
          value={recipient}
          onChange={setRecipient}
          error={errors.recipient}
          isRequired
          inputRef={recipientRef}
        />
        {withPasscode ? (
          <TextInput
            label="Passcode"
            name="passcode"
            autoComplete="off"
            hint="The person gave you a passcode with this link. After 10 wrong tries the link stops working."
            value={passcode}
            onChange={setPasscode}
            error={errors.passcode}
            isRequired
            inputRef={passcodeRef}
          />
        ) : null}
        <FormAlert message={stage.kind === 'ask' ? stage.error : undefined} />
        {isOpening ? <p role="status">Opening the records…</p> : null}
        <div className="button-row">
          <Button type="submit" className="button button--primary">
            {isOpening ? 'Opening…' : 'Open the records'}
          </Button>
        </div>
      </form>
      <p className="note">
        The records are decrypted in this browser; the key in the link is never sent to a server. Nothing is
        kept after you close the page.
      </p>
    </div>
  );
}
