import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** Clock reads and randomness core must never contain: time and ids are arguments. */
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'Date.now(', pattern: /Date\s*\.\s*now\s*\(/ },
  { name: 'new Date() with no argument', pattern: /new\s+Date\s*\(\s*\)/ },
  { name: 'Math.random', pattern: /Math\s*\.\s*random/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The text with comments blanked out, so a comment that explains "core never calls Math.random" is not
 * mistaken for a call. String and template literals are kept (and still checked).
 */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const char = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (quote !== null) {
      out += char;
      if (char === '\\') {
        out += next;
        i += 2;
        continue;
      }
      if (char === quote) {
        quote = null;
      }
      i += 1;
    } else if (char === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      out += ' ';
    } else {
      if (char === "'" || char === '"' || char === '`') {
        quote = char;
      }
      out += char;
      i += 1;
    }
  }
  return out;
}

function violations(text: string): string[] {
  const code = withoutComments(text);
  return FORBIDDEN.filter(({ pattern }) => pattern.test(code)).map(({ name }) => name);
}

describe('core purity', () => {
  test('the check recognises each forbidden call and allows a Date built from a value', () => {
    expect(violations('const t = Date.now();')).toEqual(['Date.now(']);
    expect(violations('const d = new Date( );')).toEqual(['new Date() with no argument']);
    expect(violations('const r = Math.random();')).toEqual(['Math.random']);
    expect(violations('const d = new Date(ms); Date.parse(s); Date.UTC(2026, 0, 1);')).toEqual([]);
    expect(violations('const url = "https://x"; const t = Date.now();')).toEqual(['Date.now(']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the string is source text under test.
    expect(violations('const s = `a ${Math.random()}`;')).toEqual(['Math.random']);
  });

  test('comments that mention a forbidden call are not calls', () => {
    expect(violations('/** Core never calls Math.random. */\nconst x = 1; // nor Date.now()')).toEqual([]);
  });

  test('no non-test file in packages/core/src reads the clock or Math.random', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) =>
      violations(readFileSync(file, 'utf8')).map((name) => `${relative(SRC, file)}: ${name}`),
    );
    expect(found).toEqual([]);
  });
});
