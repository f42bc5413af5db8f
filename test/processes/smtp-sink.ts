import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted. */
export interface SunkMail {
  to: string[];
  messageId: string;
  /** When the client's MAIL FROM arrived: the start of the SMTP transaction (`Date.now()`). */
  startedAt: number;
  acceptedAt: number;
}

/** A real SMTP server on 127.0.0.1 that counts what it accepts, by Message-ID and recipient. */
export interface SmtpSink {
  port: number;
  url: string;
  received: SunkMail[];
  /** Milliseconds before each DATA is answered (a slow relay). */
  delayMs: number;
  close(): Promise<void>;
}

/** Starts an {@link SmtpSink} on a free port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const startedAt = new WeakMap<object, number>();
  const sink: SmtpSink = {
    port: 0,
    url: '',
    received: [],
    delayMs: 0,
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onMailFrom(_address, session, callback) {
      startedAt.set(session.envelope, Date.now());
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const head =
          Buffer.concat(chunks)
            .toString('utf8')
            .split(/\r?\n\r?\n/)[0] ?? '';
        const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '';
        const mail: SunkMail = {
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          messageId,
          startedAt: startedAt.get(session.envelope) ?? Date.now(),
          acceptedAt: 0,
        };
        const accept = () => {
          mail.acceptedAt = Date.now();
          sink.received.push(mail);
          callback();
        };
        if (sink.delayMs > 0) setTimeout(accept, sink.delayMs);
        else accept();
      });
    },
  });
  // A client cut off mid-session (a SIGKILL, a proxy going down) is not a sink failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}?tls=off`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** How many messages each Message-ID was accepted as (a count above 1 is a duplicate). */
export function countByMessageId(mails: readonly SunkMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of mails) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
  return counts;
}
