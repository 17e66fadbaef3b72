/**
 * The id of the intake a reminder's Taken action records: a name-based UUID (RFC 9562 version 5) of the
 * person, the plan and the local date. The same dose always gets the same id, so tapping Taken twice,
 * or once offline and again later, can only ever make one record: the outbox refuses a second entry
 * with that id, and the server answers a replayed id with the record it already has.
 */

/** A fixed namespace for Sunlog's dose ids (random once; never change it, or old ids stop matching). */
const DOSE_NAMESPACE = '4b0d7c52-6f0e-4c47-9a3e-2f7b8c1d9e60';

/** The intake id for `regimenId`'s dose on `localDate` (YYYY-MM-DD), for the person `userId`. */
export function doseIntakeId(userId: string, regimenId: string, localDate: string): Promise<string> {
  return uuidV5(DOSE_NAMESPACE, `dose|${userId}|${regimenId}|${localDate}`);
}

/** RFC 9562 §5.5: SHA-1 of the namespace's 16 bytes then the name's UTF-8, with version and variant set. */
export async function uuidV5(namespace: string, name: string): Promise<string> {
  const namespaceBytes = hexBytes(namespace.replaceAll('-', ''));
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(namespaceBytes.length + nameBytes.length);
  input.set(namespaceBytes);
  input.set(nameBytes, namespaceBytes.length);
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
