import { createInterface, type Interface } from 'node:readline';

/**
 * Questions on the terminal: the question goes to stderr (stdout stays the command's output), the
 * answer is the next line of standard input. One reader serves every question of a run, so answers
 * piped in together ("t\ny\n") are read in turn; `closePrompts` lets the process end afterwards.
 */
let reader: Interface | undefined;
let lines: AsyncIterator<string> | undefined;

/** The next line typed, trimmed and lower-cased; an empty string when input ends without one. */
export async function ask(question: string): Promise<string> {
  process.stderr.write(question);
  reader ??= createInterface({ input: process.stdin, terminal: false });
  lines ??= reader[Symbol.asyncIterator]();
  const next = await lines.next();
  return next.done === true ? '' : next.value.trim().toLowerCase();
}

/** Asks a yes/no question whose default is no; true only for "y" or "yes". */
export async function confirm(question: string): Promise<boolean> {
  const answer = await ask(`${question} [y/N] `);
  return answer === 'y' || answer === 'yes';
}

/** Stops reading standard input, if a question was asked. */
export function closePrompts(): void {
  reader?.close();
  reader = undefined;
  lines = undefined;
}
