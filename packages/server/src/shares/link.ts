import { createHash, randomBytes } from 'node:crypto';

/**
 * The SMART Health Link payload (HL7 SMART Health Cards and Links IG, STU1): what the link's fragment
 * carries after `#shlink:/`, base64url-encoded JSON.
 */
export interface ShlPayload {
  /** The manifest URL: POST here with a recipient (and the passcode when `flag` has P). */
  url: string;
  /** The 32-byte key of the files' JWE, base64url (43 characters). Only ever in the link. */
  key: string;
  /** When the link stops working, in seconds since the epoch. */
  exp: number;
  /** `P` when a passcode is needed; absent otherwise. */
  flag?: 'P';
  label?: string;
  v: 1;
}

/** Where the clinician viewer lives, relative to the origin; the payload follows in the fragment. */
export const VIEWER_PATH = '/view';

/** Where the public manifest and file addresses live: outside /api, no session, CORS for any origin. */
export const SHL_PATH_PREFIX = '/shl/';

/** 32 random bytes as base64url (43 characters): manifest ids, keys and file ids are all this. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of a token: what the database keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The viewer link for a payload: `<origin>/view#shlink:/<base64url JSON>`. */
export function shlinkFor(origin: string, payload: ShlPayload): string {
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${origin}${VIEWER_PATH}#shlink:/${encoded}`;
}

export function manifestUrl(origin: string, manifestId: string): string {
  return `${origin}${SHL_PATH_PREFIX}${manifestId}`;
}

export function fileUrl(origin: string, manifestId: string, fileId: string): string {
  return `${manifestUrl(origin, manifestId)}/files/${fileId}`;
}
