import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { firstSyntaxError, parseJsonText } from './json-text.ts';

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON text with a few characters cut, swapped or added: mostly broken, sometimes still valid. */
const damagedJsonArb = fc
  .tuple(
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value, null, 2)),
    fc.nat(),
    fc.constantFrom('', ',', '}', ']', '"', ':', '\\', 'x', ' ', '\n', '\u0001', '1'),
    fc.nat({ max: 3 }),
  )
  .map(([text, at, insert, cut]) => {
    const position = text.length === 0 ? 0 : at % text.length;
    return text.slice(0, position) + insert + text.slice(position + cut);
  });

describe('JSON text', () => {
  test('the grammar scan agrees with JSON.parse on valid and damaged text', () => {
    fc.assert(
      fc.property(fc.oneof(damagedJsonArb, fc.string({ maxLength: 20 })), (text) => {
        expect(firstSyntaxError(text) === undefined, JSON.stringify(text)).toBe(isJson(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('names the line and column of the first problem', () => {
    const parsed = parseJsonText('{\n  "format": "sunlog-export",\n  "version": 2,,\n}');
    expect(parsed).toEqual({
      ok: false,
      error: { code: 'invalid-json', message: 'The file is not valid JSON: line 3, column 16' },
    });
  });

  test('says when the text stops in the middle', () => {
    const parsed = parseJsonText('{\n  "format": "sunlog-export",\n  "intakes": [\n');
    expect(parsed.ok ? '' : parsed.error.message).toBe(
      'The file is not valid JSON: it ends too early (line 4)',
    );
  });

  test('valid text parses to its value', () => {
    expect(parseJsonText(' {"a": [1, 2.5e3, null]} ')).toEqual({ ok: true, value: { a: [1, 2500, null] } });
  });
});
