import type { LocalDate } from '@sunlog/core/calendar';
import { useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { isApiError } from '../../api/api-error.ts';
import { queryKeys } from '../../api/queries.ts';
import { type CreatedShare, createShare } from '../../api/shares.ts';
import { ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';

/** The light border around a QR code that scanners need, in modules (the standard's minimum is 4). */
const QR_MARGIN = 4;

type Expiry = '1' | '7' | '14' | '30' | '90';

const EXPIRY_CHOICES: { value: Expiry; name: string }[] = [
  { value: '1', name: '1 day' },
  { value: '7', name: '1 week' },
  { value: '14', name: '2 weeks' },
  { value: '30', name: '30 days' },
  { value: '90', name: '90 days' },
];

interface Problems {
  label?: string;
  passcode?: string;
  password?: string;
}

/**
 * "Share a link": a SMART Health Link to the records of the chosen dates, with an expiry, an optional
 * name and an optional passcode. The password is asked again only when the server says the session
 * has not proved itself recently (403 reauthentication-required), as for other sensitive actions.
 * The link comes back once: it is shown with a Copy button and a QR code made here in the page (the
 * key in the link must never reach a server), and is gone when the person hides it or leaves.
 */
export function ShareLinkSection({
  from,
  to,
  ready,
  formatDate,
}: {
  from: LocalDate;
  to: LocalDate;
  ready: boolean;
  formatDate: (date: LocalDate) => string;
}) {
  const queryClient = useQueryClient();
  const [expiry, setExpiry] = useState<Expiry>('14');
  const [label, setLabel] = useState('');
  const [passcode, setPasscode] = useState('');
  const [password, setPassword] = useState('');
  const [needsPassword, setNeedsPassword] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [formError, setFormError] = useState<string>();
  const [isPending, setPending] = useState(false);
  const [created, setCreated] = useState<{ share: CreatedShare; withPasscode: boolean } | null>(null);
  const labelRef = useRef<HTMLInputElement>(null);
  const passcodeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needsPassword) passwordRef.current?.focus();
  }, [needsPassword]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isPending || !ready) return;
    setFormError(undefined);
    const found: Problems = {};
    if (label.trim().length > 80) found.label = 'Keep the name to 80 characters or fewer.';
    if (passcode !== '' && (passcode.length < 4 || passcode.length > 64)) {
      found.passcode = 'A passcode needs 4 to 64 characters.';
    }
    if (needsPassword && password === '') found.password = 'Type your password to make the link.';
    setProblems(found);
    if (found.label !== undefined) return labelRef.current?.focus();
    if (found.passcode !== undefined) return passcodeRef.current?.focus();
    if (found.password !== undefined) return passwordRef.current?.focus();

    setPending(true);
    try {
      const share = await createShare({
        from,
        to,
        expiresInDays: Number(expiry),
        ...(label.trim() === '' ? {} : { label: label.trim() }),
        ...(passcode === '' ? {} : { passcode }),
        ...(password === '' ? {} : { password }),
      });
      setCreated({ share, withPasscode: passcode !== '' });
      setPasscode('');
      setPassword('');
      setNeedsPassword(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.shares });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity });
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'reauthentication-required') {
        setNeedsPassword(true);
        setFormError('For your safety, type your password again to make a link.');
      } else if (isApiError(caught) && caught.code === 'invalid-credentials') {
        setNeedsPassword(true);
        setProblems({ password: caught.fieldMessage('password') ?? caught.message });
        passwordRef.current?.focus();
      } else {
        setFormError(isApiError(caught) ? caught.message : String(caught));
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="card" aria-labelledby="share-link">
      <h2 id="share-link">Share a link</h2>
      <p>
        A link your clinic can open in any browser, or load into their record system if it reads SMART Health
        Links. It covers {ready ? `${formatDate(from)} to ${formatDate(to)}` : 'the dates above'}, holds the
        report and the records, and stops working when it expires or when you stop sharing it. Each time it is
        opened you see it in Settings, under account activity.
      </p>
      {created === null ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => void submit(event)}
          aria-labelledby="share-link"
        >
          <ChoiceGroup<Expiry>
            label="The link works for"
            name="expiresInDays"
            value={expiry}
            onChange={setExpiry}
            choices={EXPIRY_CHOICES}
          />
          <TextInput
            label="Name for the link (optional)"
            name="label"
            hint="Only you see it, in the list below, for example “MS clinic, March”."
            value={label}
            onChange={setLabel}
            error={problems.label}
            inputRef={labelRef}
          />
          <TextInput
            label="Passcode (optional)"
            name="passcode"
            autoComplete="off"
            hint="4 to 64 characters. The clinician must type it to open the link, so tell it to them separately (not in the same e-mail). After 10 wrong tries the link stops working."
            value={passcode}
            onChange={setPasscode}
            error={problems.passcode}
            inputRef={passcodeRef}
          />
          {needsPassword ? (
            <PasswordInput
              label="Your password"
              name="sharePassword"
              autoComplete="current-password"
              hint="Asked again because a link gives access to your records."
              value={password}
              onChange={setPassword}
              error={problems.password}
              inputRef={passwordRef}
            />
          ) : null}
          <FormAlert message={formError} />
          {isPending ? <p role="status">Making the link…</p> : null}
          <div className="button-row">
            {ready ? (
              <Button type="submit" className="button button--primary">
                {isPending ? 'Making the link…' : 'Make the link'}
              </Button>
            ) : (
              <span className="note">Choose a first and last day to make a link.</span>
            )}
          </div>
        </form>
      ) : (
        <CreatedLink
          link={created.share.link}
          expiresAt={created.share.expiresAt}
          withPasscode={created.withPasscode}
          onDone={() => setCreated(null)}
        />
      )}
    </section>
  );
}

/** The new link, shown this once: text to copy and a QR code drawn in the page. */
function CreatedLink({
  link,
  expiresAt,
  withPasscode,
  onDone,
}: {
  link: string;
  expiresAt: string;
  withPasscode: boolean;
  onDone: () => void;
}) {
  const [qr, setQr] = useState<{ src: string; size: number } | null>(null);
  const [status, setStatus] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
    let live = true;
    // Drawn here from the whole link (key included); nothing about it is sent anywhere. Each module
    // gets a whole number of pixels (4), so cameras and decoders see crisp, even squares.
    const modules = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules.size + 2 * QR_MARGIN;
    void QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: QR_MARGIN }).then((svg) => {
      if (live) {
        setQr({ src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, size: modules * 4 });
      }
    });
    return () => {
      live = false;
    };
  }, [link]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Copied. Paste it into an e-mail or message to your clinic.');
    } catch {
      setStatus('Copying did not work here: select the link above and copy it yourself.');
    }
  };

  const until = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date(expiresAt));
  return (
    <div className="share__created">
      <h3 ref={headingRef} tabIndex={-1}>
        Your link is ready
      </h3>
      <p>
        <strong>This is the only time Sunlog can show this link.</strong> Copy it or let the clinic scan the
        code now: Sunlog does not keep the key that opens it, so it cannot show it again. It works until{' '}
        {until}.
      </p>
      <label className="field__label" htmlFor="share-created-link">
        The link
      </label>
      <textarea
        id="share-created-link"
        className="share__link-text"
        readOnly
        rows={4}
        value={link}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="button-row">
        <Button className="button button--primary" onPress={() => void copy()}>
          Copy link
        </Button>
        <Button className="button" onPress={onDone}>
          Done, hide the link
        </Button>
      </div>
      <StatusMessage message={status} />
      {withPasscode ? (
        <p>Tell the clinician the passcode separately: they type it when they open the link.</p>
      ) : null}
      {qr === null ? null : (
        <img
          className="share__qr"
          src={qr.src}
          alt="QR code of the link, for the clinic to scan with a phone or tablet"
          width={qr.size}
          height={qr.size}
        />
      )}
    </div>
  );
}
