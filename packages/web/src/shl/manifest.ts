import { decryptCompactJwe } from './decrypt.ts';
import type { ShlPayload } from './link.ts';

/**
 * The clinician's side of the SMART Health Links manifest exchange: POST the manifest URL with who is
 * looking (and the passcode), fetch the encrypted file, decrypt it here. Requests carry no cookies
 * (`credentials: 'omit'`): the viewer never uses or needs anyone's session. The key stays in this page;
 * only the manifest URL (without the fragment) is sent.
 */

export type ManifestOutcome =
  | { kind: 'ok'; bundleJson: string }
  /** The passcode was wrong or missing; `remainingAttempts` before the link is disabled, when told. */
  | { kind: 'wrong-passcode'; remainingAttempts: number | null }
  /** Expired, revoked, disabled or unknown: the server answers all of these the same way. */
  | { kind: 'gone' }
  | { kind: 'too-many'; retryAfterSeconds: number | null }
  | { kind: 'failed'; message: string };

interface ManifestFile {
  contentType?: string;
  location?: string;
  embedded?: string;
}

const FHIR_JSON = 'application/fhir+json';

/** Asks the manifest for the files and decrypts the first FHIR Bundle it lists. */
export async function openShareLink(
  payload: ShlPayload,
  request: { recipient: string; passcode?: string | undefined },
  fetcher: typeof fetch = fetch,
): Promise<ManifestOutcome> {
  let answer: Response;
  try {
    answer = await fetcher(payload.url, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        recipient: request.recipient,
        ...(request.passcode === undefined ? {} : { passcode: request.passcode }),
      }),
    });
  } catch {
    return {
      kind: 'failed',
      message: 'The link’s server could not be reached. Check the connection and try again.',
    };
  }
  if (answer.status === 401) {
    const body = (await answer.json().catch(() => null)) as { remainingAttempts?: unknown } | null;
    const remaining = body?.remainingAttempts;
    return { kind: 'wrong-passcode', remainingAttempts: typeof remaining === 'number' ? remaining : null };
  }
  if (answer.status === 404) return { kind: 'gone' };
  if (answer.status === 429) {
    const after = Number(answer.headers.get('retry-after'));
    return { kind: 'too-many', retryAfterSeconds: Number.isFinite(after) && after > 0 ? after : null };
  }
  if (!answer.ok)
    return { kind: 'failed', message: 'The link’s server could not answer just now. Try again in a moment.' };
  const manifest = (await answer.json().catch(() => null)) as { files?: ManifestFile[] } | null;
  const file = manifest?.files?.find((candidate) => candidate.contentType === FHIR_JSON);
  if (file === undefined) return { kind: 'failed', message: 'The link holds no file this viewer can show.' };

  let jwe: string;
  if (typeof file.embedded === 'string') {
    jwe = file.embedded;
  } else if (typeof file.location === 'string') {
    const fileAnswer = await fetcher(file.location, { credentials: 'omit' }).catch(() => null);
    if (fileAnswer === null) return { kind: 'failed', message: 'The file could not be fetched. Try again.' };
    if (fileAnswer.status === 404) return { kind: 'gone' };
    if (!fileAnswer.ok) return { kind: 'failed', message: 'The file could not be fetched. Try again.' };
    jwe = await fileAnswer.text();
  } else {
    return { kind: 'failed', message: 'The link holds no file this viewer can show.' };
  }
  try {
    return { kind: 'ok', bundleJson: await decryptCompactJwe(jwe, payload.key) };
  } catch {
    return {
      kind: 'failed',
      message: 'The file could not be decrypted. The link may have been copied incompletely.',
    };
  }
}
