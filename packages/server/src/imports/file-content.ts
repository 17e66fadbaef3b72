import { IMPORT_FILE_MAX_BYTES } from '@sunlog/core/exchange/import-api';
import { lineAndColumn } from '@sunlog/core/exchange/json-text';
import { SunlogError } from '../errors.ts';
import { formatMegabytes } from '../http/errors.ts';

/**
 * An uploaded file from its base64 text to a string, refusing clearly what cannot be read: bad base64,
 * an empty or too-large file, and text that is not UTF-8. Files arrive as bytes rather than text so that
 * the encoding can be checked here, where a browser's own decoding would have hidden it.
 */

const DATA_URL_PREFIX = /^data:[^,]*;base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a base64-encoded file (a data: URL is accepted too). */
export function decodeBase64File(text: string): Uint8Array {
  const base64 = text.replace(DATA_URL_PREFIX, '').replace(/\s+/g, '');
  if (!BASE64.test(base64) || base64.length % 4 !== 0) {
    throw invalidFile('The file could not be read: it is not base64-encoded.');
  }
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length === 0) throw invalidFile('The file is empty.');
  if (bytes.length > IMPORT_FILE_MAX_BYTES) {
    throw new SunlogError(
      'file-too-large',
      `The file is ${formatMegabytes(bytes.length)}; Sunlog imports files up to ${formatMegabytes(IMPORT_FILE_MAX_BYTES)}.`,
    );
  }
  return bytes;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * The file's text, read as UTF-8 (a byte-order mark is dropped). UTF-16 files and files in an 8-bit
 * encoding such as Windows-1252 (what older spreadsheet programs save as "CSV") are refused with what to
 * do instead, naming the first line that is not UTF-8; guessing an encoding would silently garble "µg".
 */
export function fileText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || looksLikeUtf16(bytes)) {
    throw invalidFile(
      'The file is in UTF-16, which Sunlog does not read. Save it as "CSV UTF-8" (or UTF-8 text) and import that file.',
    );
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(body);
    const { line } = lineAndColumn(lenient, lenient.indexOf('\uFFFD'));
    throw invalidFile(
      `The file is not UTF-8 text (line ${line} is not): it may be Latin-1 or Windows-1252, as older spreadsheet programs save CSV. Save it as "CSV UTF-8" and import that file.`,
    );
  }
}

/** UTF-16 without a byte-order mark: ASCII text with every other byte zero. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 200);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros += 1;
  return sample.length >= 4 && zeros >= sample.length / 4;
}

export function invalidFile(message: string, path?: string): SunlogError {
  return new SunlogError('invalid-file', message, {
    fields: [{ path: path === undefined ? 'file' : `file.${path}`, message }],
  });
}
