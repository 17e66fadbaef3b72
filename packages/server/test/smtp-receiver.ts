import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as a mail client would read it. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/**
 * A local SMTP server for tests (the `smtp-server` package, parsed with `mailparser`): it accepts every
 * message without TLS or login and keeps them, read back as a person's mail program would.
 */
export class SmtpReceiver {
  readonly messages: ReceivedMail[] = [];
  readonly #server: SMTPServer;

  private constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = (
              Array.isArray(parsed.to) ? parsed.to : parsed.to === undefined ? [] : [parsed.to]
            ).flatMap((address) => address.value.map((entry) => entry.address ?? ''));
            this.messages.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '' });
            callback();
          })
          .catch(callback);
      },
    });
  }

  static async start(): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver();
    await new Promise<void>((resolve) => receiver.#server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    const { port } = this.#server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** The messages sent to `address`, in order. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((message) => message.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
