import { type DomainError, err, ok, type Result } from '../result.ts';

/**
 * Parses JSON text, and when it is not JSON says where: "line 3, column 14". JSON.parse does the
 * parsing; engines word its error differently (Node 20 names no position at all), so the place of the
 * first problem is found by `firstSyntaxError`, a scan of the JSON grammar (RFC 8259).
 */
export function parseJsonText(text: string): Result<unknown, DomainError> {
  try {
    return ok(JSON.parse(text));
  } catch {
    const at = firstSyntaxError(text) ?? text.length;
    const { line, column } = lineAndColumn(text, at);
    const where =
      at >= text.trimEnd().length ? `it ends too early (line ${line})` : `line ${line}, column ${column}`;
    return err({ code: 'invalid-json', message: `The file is not valid JSON: ${where}` });
  }
}

/** The 1-based line and column of a character position in `text`. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: position - lineStart + 1 };
}

/** A scan stopped at the position it names. */
class SyntaxStop {
  constructor(readonly position: number) {}
}

/**
 * The position of the first character that makes `text` invalid JSON, or undefined when it is valid.
 * Checks the grammar only; builds no values.
 */
export function firstSyntaxError(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxStop(i);
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i += 1;
  };
  const expect = (char: string): void => {
    if (text[i] !== char) fail();
    i += 1;
  };
  const digits = (): void => {
    const start = i;
    while (i < text.length && (text[i] ?? '') >= '0' && (text[i] ?? '') <= '9') i += 1;
    if (i === start) fail();
  };
  const number = (): void => {
    if (text[i] === '-') i += 1;
    if (text[i] === '0') i += 1;
    else digits();
    if (text[i] === '.') {
      i += 1;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i += 1;
      if (text[i] === '+' || text[i] === '-') i += 1;
      digits();
    }
  };
  const string = (): void => {
    expect('"');
    while (i < text.length) {
      const char = text[i] ?? '';
      if (char === '"') {
        i += 1;
        return;
      }
      if (char < ' ') fail();
      if (char === '\\') {
        i += 1;
        const escaped = text[i] ?? '';
        if (escaped === 'u') {
          for (let n = 0; n < 4; n += 1) {
            i += 1;
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
          }
        } else if (!'"\\/bfnrt'.includes(escaped) || escaped === '') fail();
      }
      i += 1;
    }
    fail();
  };
  const literal = (word: string): void => {
    for (const char of word) expect(char);
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{') {
      i += 1;
      space();
      if (text[i] !== '}') members();
      expect('}');
    } else if (char === '[') {
      i += 1;
      space();
      if (text[i] !== ']') elements();
      expect(']');
    } else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) number();
    else fail();
  };
  const members = (): void => {
    for (;;) {
      space();
      string();
      space();
      expect(':');
      value();
      space();
      if (text[i] !== ',') return;
      i += 1;
    }
  };
  const elements = (): void => {
    for (;;) {
      value();
      space();
      if (text[i] !== ',') return;
      i += 1;
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxStop) return error.position;
    throw error;
  }
}
