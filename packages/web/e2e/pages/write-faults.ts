import type { Page, Route } from 'playwright-core';

/**
 * Network faults for the page's writes to the API (POST, PUT, PATCH and DELETE under /api/v1), armed a
 * few at a time and used up by the next write requests in order:
 * - 'lost-answer': the request reaches the server and is handled there, but the page never gets the
 *   answer (as when the connection drops on the way back);
 * - 'unreachable': the request fails before it reaches the server.
 * Reads (GET) always pass. Every write request the page sends while installed is logged.
 */

export type WriteFault = 'lost-answer' | 'unreachable';

export interface LoggedWrite {
  method: string;
  path: string;
  fault: WriteFault | 'none';
  /** For a lost answer: the status the server answered (which the page never saw). */
  serverStatus?: number;
  /** For a lost answer that could not be fetched at all (say, the page navigated away meanwhile). */
  error?: string;
}

const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const API_WRITES = '**/api/v1/**';

export class WriteFaults {
  readonly #page: Page;
  readonly #armed: WriteFault[] = [];
  readonly #log: LoggedWrite[] = [];
  readonly #handler = (route: Route) => this.#handle(route);

  constructor(page: Page) {
    this.#page = page;
  }

  async install(): Promise<void> {
    await this.#page.route(API_WRITES, this.#handler);
  }

  /** The next `count` write requests meet `fault` (after any faults armed before). */
  arm(fault: WriteFault, count: number): void {
    for (let i = 0; i < count; i += 1) this.#armed.push(fault);
  }

  /** Faults armed and not used yet. */
  armedCount(): number {
    return this.#armed.length;
  }

  /** Every write request seen so far, in order. */
  log(): readonly LoggedWrite[] {
    return [...this.#log];
  }

  /**
   * Disarms everything and stops routing the page's requests, after any write being handled right now
   * has finished (so a lost answer in progress still reaches the server first).
   */
  async clear(): Promise<void> {
    this.#armed.length = 0;
    await this.#page.unrouteAll({ behavior: 'wait' });
  }

  async #handle(route: Route): Promise<void> {
    const request = route.request();
    if (!WRITE_METHODS.has(request.method())) {
      await route.fallback();
      return;
    }
    const fault = this.#armed.shift();
    const logged: LoggedWrite = {
      method: request.method(),
      path: new URL(request.url()).pathname,
      fault: fault ?? 'none',
    };
    this.#log.push(logged);
    if (fault === undefined) {
      await route.fallback();
      return;
    }
    if (fault === 'lost-answer') {
      try {
        const answer = await route.fetch();
        logged.serverStatus = answer.status();
      } catch (error) {
        logged.error = String(error);
      }
    }
    // The page may have navigated away meanwhile, which ends the request anyway.
    await route.abort(fault === 'unreachable' ? 'connectionrefused' : 'failed').catch(() => undefined);
  }
}
