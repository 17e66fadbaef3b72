import nodemailer from 'nodemailer';
import type { MailConfig } from '../config.ts';

/** One plain-text message. Sunlog's mails hold links and notices, never health values. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** What a message's sending came to, for tests and logs (never with the address or the text). */
export type MailOutcome = 'sent' | 'failed';

/**
 * Sends mail without holding up the request that asked for it: `send` returns at once, so a slow or
 * absent mail server neither delays an answer nor lets its timing tell a taken address from a new one.
 * `settled()` waits for everything handed over so far (tests, shutdown).
 */
export class Mailer {
  readonly #transport: nodemailer.Transporter;
  readonly #from: string;
  readonly #pending = new Set<Promise<MailOutcome>>();
  readonly #onFailure: (error: unknown) => void;

  constructor(config: MailConfig, onFailure: (error: unknown) => void) {
    this.#transport = nodemailer.createTransport(config.smtpUrl, {
      // A mail server that does not answer must not pile up connections.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    this.#from = config.from;
    this.#onFailure = onFailure;
  }

  /** Hands a message over for sending and returns at once. */
  send(message: MailMessage): void {
    const sending: Promise<MailOutcome> = this.#transport
      .sendMail({ from: this.#from, to: message.to, subject: message.subject, text: message.text })
      .then(
        () => 'sent' as const,
        (error: unknown) => {
          this.#onFailure(error);
          return 'failed' as const;
        },
      )
      .finally(() => this.#pending.delete(sending));
    this.#pending.add(sending);
  }

  /** Waits until every message handed over so far was sent or failed. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  async close(): Promise<void> {
    await this.settled();
    this.#transport.close();
  }
}
