import { createHmac } from 'node:crypto';

/**
 * TOTP (RFC 6238 with HMAC-SHA1), written here from the RFC and independent of the server's library, so
 * tests compute the codes an authenticator app would show. Checked against RFC 6238 Appendix B in
 * second-factor.int.test.ts before it is used.
 */
export function totp(secret: Buffer, unixSeconds: number, digits = 6, period = 30): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / period)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  // RFC 4226 §5.3 dynamic truncation.
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** RFC 4648 base32 (as in otpauth secrets) to bytes. */
export function base32ToBytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}
