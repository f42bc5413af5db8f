import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

/** One message as the worker hands it to a mailer. */
export interface OutgoingEmail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** `<id@domain>`, stable for a job so that a repeat after a crash carries the same one. */
  messageId: string;
  headers: Record<string, string>;
}

/** How one message is sent. */
export interface SendOptions {
  /**
   * The last word before the message goes: over SMTP, called once the relay has answered MAIL
   * FROM, RCPT TO and DATA, right before the message's bytes; answering false aborts the SMTP
   * transaction (the connection closes before the final dot, so the relay delivers nothing).
   * The worker's per-message claim. A rejection aborts too and is reported as a transient failure.
   */
  beforeData?: () => Promise<boolean>;
}

/** Sends email: over SMTP, or into the local outbox (the worker stores the rendered parts). */
export interface Mailer {
  /** `smtp` delivers; `outbox` keeps mail in the database for the config page. */
  readonly transport: 'smtp' | 'outbox';
  /**
   * Resolves true once the server accepted the message, false when `beforeData` withheld it;
   * rejects with a `DeliveryError`.
   */
  send(email: OutgoingEmail, options?: SendOptions): Promise<boolean>;
  /** Closes pooled connections. */
  close(): void;
}

/** A failed delivery: `permanent` (5xx: do not retry) or transient (4xx, network: retry later). */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';

  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode?: number,
  ) {
    super(message);
  }
}

/** True when `error` is a `DeliveryError`. */
export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof Error && error.name === 'DeliveryError';
}

interface NodemailerError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/** Maps a nodemailer error to a `DeliveryError`: a 5xx reply is permanent, everything else transient. */
export function classifySmtpError(error: unknown): DeliveryError {
  const failure = error as NodemailerError;
  const code = typeof failure?.responseCode === 'number' ? failure.responseCode : undefined;
  const text = (failure?.response ?? failure?.message ?? String(error)).slice(0, 500);
  const permanent = code !== undefined && code >= 500 && code < 600;
  const label = code !== undefined ? `SMTP ${code}` : (failure?.code ?? 'SMTP error');
  return new DeliveryError(`${label}: ${text}`, permanent, code);
}

/** Options for the SMTP mailer. */
export interface SmtpMailerOptions {
  /**
   * `smtp://user:pass@host:587` or `smtps://…:465`; `?tls=off` never upgrades with STARTTLS;
   * `?pool=N` sets the pooled connections.
   */
  url: string;
  /** Pooled connections kept open; default `?pool=N` of the URL, else 10. */
  maxConnections?: number;
}

/**
 * Builds the whole MIME message into one buffer. Streamed part by part, nodemailer writes each
 * header line and encoded chunk to the socket separately (with Nagle off, one packet and one
 * syscall each): the worker's largest CPU cost. One buffer goes out in a few writes.
 */
async function compose(
  email: OutgoingEmail,
): Promise<{ envelope: { from: string; to: string[] }; raw: Buffer; messageId: string }> {
  const options: Mail.Options & { baseBoundary: string } = {
    from: email.from,
    to: email.to,
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: email.messageId,
    headers: email.headers,
    // Our texts are mostly Latin: quoted-printable, without nodemailer scanning every part to
    // choose (a regex count over the whole HTML).
    textEncoding: 'quoted-printable',
    // Boundaries from the pooled UUID source, not a getrandom syscall per MIME part.
    baseBoundary: randomUUID().replaceAll('-', ''),
  };
  const node = new MailComposer(options).compile();
  const envelope = node.getEnvelope();
  const raw = await node.build();
  // The Message-ID again beside the raw message, or nodemailer draws a random one for its report.
  return {
    envelope: { from: envelope.from || '', to: envelope.to },
    raw,
    messageId: email.messageId,
  };
}

/** Thrown into an SMTP transaction whose `beforeData` said no: it aborts that transaction. */
class WithheldError extends Error {
  override readonly name = 'WithheldError';
}

/**
 * The message as nodemailer's SMTP connection reads it: nothing happens until the connection
 * pipes it, which it does only after the relay's 354 answer to DATA. Then `beforeData` decides
 * whether the bytes follow or the transaction is aborted (a stream error makes nodemailer close
 * that connection, before the final dot; the pool opens another).
 */
class GatedMessage extends Readable {
  private asked = false;

  constructor(
    private readonly raw: Buffer,
    private readonly beforeData: () => Promise<boolean>,
  ) {
    super();
  }

  override _read(): void {
    if (this.asked) return;
    this.asked = true;
    this.beforeData().then(
      (go) => {
        if (!go) return this.destroy(new WithheldError('withheld before DATA'));
        this.push(this.raw);
        this.push(null);
      },
      (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

/** Connections a worker keeps open by default: enough to keep 500 emails/s flowing on loopback. */
export const DEFAULT_SMTP_POOL = 10;

function poolSizeOf(url: URL): number {
  const pool = Number(url.searchParams.get('pool'));
  return Number.isInteger(pool) && pool > 0 && pool <= 100 ? pool : DEFAULT_SMTP_POOL;
}

/** A pooled nodemailer SMTP transport from an `smtp://` or `smtps://` URL. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const url = new URL(options.url);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  const secure = url.protocol === 'smtps:';
  const config: SMTPPool.Options = {
    pool: true,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ignoreTLS: url.searchParams.get('tls') === 'off',
    maxConnections: options.maxConnections ?? poolSizeOf(url),
    maxMessages: Infinity,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  if (!secure) {
    // nodemailer leaves Nagle's algorithm on: the end of each message waits for the server's
    // delayed ACK (~40 ms), capping a connection near 20 messages/s. Open the socket ourselves.
    config.getSocket = (options, callback) => {
      const socket = connect({ host: url.hostname, port: Number(config.port) });
      socket.setNoDelay(true);
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        callback(null, { connection: socket });
      });
      // On failure nodemailer opens its own socket, which fails again and reports the error
      // (ECONNREFUSED and the like) through its usual path.
      socket.once('error', () => callback(null, {}));
    };
  }
  if (url.username) {
    config.auth = {
      user: decodeURIComponent(url.username),
      pass: decodeURIComponent(url.password),
    };
  }
  const transport = nodemailer.createTransport(config);
  // A message with a `beforeData` check is read through a GatedMessage (see there).
  transport.use('stream', (mail, done) => {
    const data = mail.data as Mail.Options & { beforeData?: () => Promise<boolean> };
    if (data.beforeData && Buffer.isBuffer(data.raw)) {
      const gated = new GatedMessage(data.raw, data.beforeData);
      Object.assign(mail.message, { createReadStream: () => gated });
    }
    done();
  });
  return {
    transport: 'smtp',
    async send(email, options = {}) {
      let message: Awaited<ReturnType<typeof compose>>;
      try {
        message = await compose(email);
      } catch (error) {
        // A message nodemailer cannot build never will be: permanent.
        throw new DeliveryError(
          `Cannot compose: ${error instanceof Error ? error.message : String(error)}`,
          true,
        );
      }
      let withheld = false;
      const beforeData = options.beforeData;
      try {
        await transport.sendMail({
          ...message,
          ...(beforeData
            ? {
                beforeData: async () => {
                  withheld = !(await beforeData());
                  return !withheld;
                },
              }
            : {}),
        } as Mail.Options);
      } catch (error) {
        if (withheld) return false;
        throw classifySmtpError(error);
      }
      return true;
    },
    close() {
      transport.close();
    },
  };
}

/** The mailer of a server without `SMTP_URL`: mail stays in the local outbox the admin API lists. */
export function createOutboxMailer(): Mailer {
  return {
    transport: 'outbox',
    async send(_email, options = {}) {
      return options.beforeData ? options.beforeData() : true;
    },
    close() {},
  };
}

/** An SMTP URL (the server's `SMTP_URL` setting): SMTP; none: the local outbox. */
export function createMailer(smtpUrl?: string): Mailer {
  return smtpUrl ? createSmtpMailer({ url: smtpUrl }) : createOutboxMailer();
}
