import { compactDecrypt, decodeProtectedHeader } from 'jose';

/**
 * An independent SMART Health Links client, written from the HL7 SMART Health Cards and Links IG (STU1)
 * alone: it knows nothing of Sunlog's server code, only the link format and the manifest protocol, as a
 * clinic's viewer would. Its transport is passed in, so tests can run it over `app.inject`.
 */

/** One HTTP exchange: what the client sends and what it needs back. */
export interface ShlRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ShlResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

export type ShlTransport = (request: ShlRequest) => Promise<ShlResponse>;

/** The decoded payload of a link: the IG's fields, unchecked beyond their types. */
export interface DecodedShl {
  url: string;
  key: string;
  exp?: number;
  flag?: string;
  label?: string;
  v?: number;
}

/** Finds `shlink:/` in a link (after `#`, or bare) and decodes its base64url JSON payload. */
export function decodeShlink(link: string): DecodedShl {
  const at = link.indexOf('shlink:/');
  if (at < 0) throw new Error('not a SMART Health Link: no shlink:/');
  const encoded = link.slice(at + 'shlink:/'.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw new Error('the payload is not base64url');
  const payload: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  if (typeof payload !== 'object' || payload === null) throw new Error('the payload is not an object');
  const { url, key, exp, flag, label, v } = payload as Record<string, unknown>;
  if (typeof url !== 'string' || typeof key !== 'string') throw new Error('url and key are required');
  if (key.length !== 43) throw new Error('key must be 43 base64url characters (32 bytes)');
  return {
    url,
    key,
    ...(typeof exp === 'number' ? { exp } : {}),
    ...(typeof flag === 'string' ? { flag } : {}),
    ...(typeof label === 'string' ? { label } : {}),
    ...(typeof v === 'number' ? { v } : {}),
  };
}

/** A manifest answer: 200 with files, 401 with attempts left, or anything else as it came. */
export type ManifestOutcome =
  | { kind: 'files'; files: { contentType: string; location?: string; embedded?: string }[] }
  | { kind: 'passcode'; remainingAttempts: number; response: ShlResponse }
  | { kind: 'other'; response: ShlResponse };

/** POSTs the manifest request of the IG (recipient, and passcode for a P link). */
export async function requestManifest(
  transport: ShlTransport,
  shl: DecodedShl,
  options: { recipient: string; passcode?: string; embeddedLengthMax?: number; origin?: string },
): Promise<ManifestOutcome> {
  const body = {
    recipient: options.recipient,
    ...(options.passcode === undefined ? {} : { passcode: options.passcode }),
    ...(options.embeddedLengthMax === undefined ? {} : { embeddedLengthMax: options.embeddedLengthMax }),
  };
  const response = await transport({
    method: 'POST',
    url: shl.url,
    headers: {
      'content-type': 'application/json',
      // A viewer on another site, as a browser would describe its request.
      origin: options.origin ?? 'https://viewer.example.net',
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'cors',
    },
    body: JSON.stringify(body),
  });
  if (response.status === 200) return { kind: 'files', files: JSON.parse(response.text).files };
  if (response.status === 401) {
    return { kind: 'passcode', remainingAttempts: JSON.parse(response.text).remainingAttempts, response };
  }
  return { kind: 'other', response };
}

/** GETs a file location; answers the compact JWE and the response. */
export async function fetchFile(
  transport: ShlTransport,
  location: string,
): Promise<{ jwe: string; response: ShlResponse }> {
  const response = await transport({
    method: 'GET',
    url: location,
    headers: {
      origin: 'https://viewer.example.net',
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'cors',
    },
  });
  return { jwe: response.text, response };
}

/** Decrypts a file with the link's key; answers the protected header and the plaintext. */
export async function decryptFile(
  jwe: string,
  key: string,
): Promise<{ header: Record<string, unknown>; plaintext: string }> {
  const header = decodeProtectedHeader(jwe) as Record<string, unknown>;
  const { plaintext } = await compactDecrypt(jwe, Buffer.from(key, 'base64url'));
  return { header, plaintext: new TextDecoder().decode(plaintext) };
}

/** Follows a link all the way: decode, manifest, first file, decrypt, parse the FHIR JSON. */
export async function openShlink(
  transport: ShlTransport,
  link: string,
  options: { recipient: string; passcode?: string },
): Promise<{ shl: DecodedShl; header: Record<string, unknown>; resource: Record<string, unknown> }> {
  const shl = decodeShlink(link);
  const manifest = await requestManifest(transport, shl, options);
  if (manifest.kind !== 'files') throw new Error(`manifest refused: ${JSON.stringify(manifest)}`);
  const file = manifest.files[0];
  if (file === undefined) throw new Error('the manifest lists no file');
  const jwe = file.embedded ?? (await fetchFile(transport, file.location ?? '')).jwe;
  const { header, plaintext } = await decryptFile(jwe, shl.key);
  return { shl, header, resource: JSON.parse(plaintext) };
}
