/** One `sunlog` sub-command: its usage line, what it does, and how it runs. Returns the exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

/** A failure the person can fix; main prints its message as the one-line reason and exits non-zero. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
