/**
 * Reading a SMART Health Link (HL7 SMART Health Cards and Links IG, STU1) from the address the
 * clinician opened: `…/view#shlink:/<base64url JSON payload>`. The payload carries the manifest URL and
 * the decryption key; it lives only in the fragment, which browsers never send to a server.
 */

/** The decoded payload of a SMART Health Link. */
export interface ShlPayload {
  /** The manifest: POSTed with the recipient (and passcode) to get the file locations. */
  url: string;
  /** The 32-byte AES key, base64url (43 characters). */
  key: string;
  /** When the link stops working, epoch seconds; absent means no expiry was given. */
  exp?: number;
  /** Letters: `P` means a passcode is needed, `L` a long-term link, `U` a direct file. */
  flag?: string;
  label?: string;
  v?: number;
}

export type LinkReading =
  | { kind: 'ok'; payload: ShlPayload }
  | { kind: 'expired'; payload: ShlPayload }
  | { kind: 'invalid' };

const PREFIX = 'shlink:/';

/** The bytes of a base64url text (padding optional); throws on characters outside the alphabet. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new Error('not base64url');
  const base64 = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The payload after `shlink:/` in a fragment or a whole link, or null when it is not one. */
function payloadText(hashOrLink: string): string | null {
  const at = hashOrLink.indexOf(PREFIX);
  if (at === -1) return null;
  return hashOrLink.slice(at + PREFIX.length);
}

/**
 * Reads the link from `location.hash` (or a whole link). `invalid` when it is not a link Sunlog can
 * open: not `shlink:/`, not base64url JSON, no https/http manifest URL, a key that is not 32 bytes, or a
 * version other than 1. `expired` when `exp` has passed at `nowMs`.
 */
export function readShlink(hashOrLink: string, nowMs: number): LinkReading {
  const text = payloadText(hashOrLink);
  if (text === null || text === '') return { kind: 'invalid' };
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(base64UrlToBytes(text)));
  } catch {
    return { kind: 'invalid' };
  }
  if (!isPayload(payload)) return { kind: 'invalid' };
  if (payload.exp !== undefined && payload.exp * 1000 <= nowMs) return { kind: 'expired', payload };
  return { kind: 'ok', payload };
}

function isPayload(value: unknown): value is ShlPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { url, key, exp, flag, label, v } = value as Record<string, unknown>;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return false;
  if (typeof key !== 'string' || key.length !== 43) return false;
  try {
    if (base64UrlToBytes(key).length !== 32) return false;
  } catch {
    return false;
  }
  if (exp !== undefined && typeof exp !== 'number') return false;
  if (flag !== undefined && typeof flag !== 'string') return false;
  if (label !== undefined && typeof label !== 'string') return false;
  if (v !== undefined && v !== 1) return false;
  return true;
}

/** True when the link asks for a passcode (`P` in its flags). */
export function needsPasscode(payload: ShlPayload): boolean {
  return payload.flag?.includes('P') ?? false;
}
