import { createHash } from 'node:crypto';

/**
 * A record id made from what the record is (its fingerprint), for records that come from a file
 * without ids of their own: importing the same file again makes the same ids, so nothing is doubled.
 * A UUID of version 8 (RFC 9562, "custom"), from the first 128 bits of the fingerprint's SHA-256.
 */
export function derivedId(fingerprint: string): string {
  const bytes = createHash('sha256').update(fingerprint).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
