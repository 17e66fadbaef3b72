import { base64UrlToBytes } from './link.ts';

/**
 * Decrypts a compact JWE made with `alg: dir` and `enc: A256GCM` (what SMART Health Links use) with the
 * browser's WebCrypto, so the key never leaves the page. The five dot-separated parts are: protected
 * header, encrypted key (empty for `dir`), IV, ciphertext and tag. AES-GCM in WebCrypto takes the tag
 * appended to the ciphertext, and the additional authenticated data is the protected header segment as
 * ASCII (RFC 7516 §5.2).
 */
export async function decryptCompactJwe(jwe: string, keyBase64Url: string): Promise<string> {
  const parts = jwe.trim().split('.');
  if (parts.length !== 5) throw new Error('The file is not a compact JWE.');
  const [protectedSegment, encryptedKey, ivSegment, ciphertextSegment, tagSegment] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  const header = JSON.parse(new TextDecoder().decode(base64UrlToBytes(protectedSegment))) as {
    alg?: unknown;
    enc?: unknown;
    zip?: unknown;
  };
  if (header.alg !== 'dir' || header.enc !== 'A256GCM' || encryptedKey !== '') {
    throw new Error('The file is encrypted in a way this viewer does not read.');
  }
  if (header.zip !== undefined) throw new Error('Compressed files are not supported.');
  const keyBytes = base64UrlToBytes(keyBase64Url);
  if (keyBytes.length !== 32) throw new Error('The key is not 32 bytes long.');
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'AES-GCM' }, false, ['decrypt']);
  const ciphertext = base64UrlToBytes(ciphertextSegment);
  const tag = base64UrlToBytes(tagSegment);
  const sealed = new Uint8Array(ciphertext.length + tag.length);
  sealed.set(ciphertext, 0);
  sealed.set(tag, ciphertext.length);
  const plain = await crypto.subtle.decrypt(
    {
      name: 'AES-GCM',
      iv: base64UrlToBytes(ivSegment),
      additionalData: new TextEncoder().encode(protectedSegment),
      tagLength: 128,
    },
    key,
    sealed,
  );
  return new TextDecoder().decode(plain);
}
