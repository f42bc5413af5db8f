import type { AddressInfo, Socket } from 'node:net';
import { defaultShopConfig, type ShopConfig } from '@comptoir/sdk';
import type { Kysely } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { generateId, hashEmail } from '../storage/keys.js';
import { findCart, insertCart, type StoredCart } from '../storage/cart.store.js';
import type { Database } from '../storage/database.js';
import { insertJobs } from '../storage/jobs.store.js';
import { insertShop } from '../storage/shop.store.js';
import { scheduleRecoveries } from './scheduler.js';

/** Creates a shop whose recovery settings are the defaults with `recovery` applied. */
export async function seedShop(
  db: Kysely<Database>,
  now: Date,
  recovery: Partial<ShopConfig['recovery']> = {},
): Promise<{ shopId: string; config: ShopConfig }> {
  const shopId = generateId('shp');
  const base = defaultShopConfig('Atelier <Test>');
  const config: ShopConfig = {
    ...base,
    calendar: { ...base.calendar, timeZone: 'UTC' },
    recovery: {
      ...base.recovery,
      restoreUrl: { preset: 'shopify', shopUrl: 'https://shop.example' },
      ...recovery,
    },
  };
  await insertShop(db, shopId, {
    name: config.shopName,
    publishableKey: generateId('pk'),
    secretKeyHash: hashEmail(generateId('sk')),
    config,
    now,
  });
  return { shopId, config };
}

/** Inserts an open cart with an email and consent, then schedules its sequence as a capture would. */
export async function seedCart(
  db: Kysely<Database>,
  shop: { shopId: string; config: ShopConfig },
  now: Date,
  options: { email?: string; title?: string; consent?: boolean } = {},
): Promise<StoredCart> {
  const cartId = generateId('crt');
  const email = options.email ?? `${cartId.toLowerCase()}@example.com`;
  await insertCart(
    db,
    shop.shopId,
    cartId,
    {
      platformCartId: null,
      currency: 'EUR',
      country: 'FR',
      subtotal: 2400,
      items: [{ id: '4401', title: options.title ?? 'Linen apron', quantity: 2, unitPrice: 1200 }],
      email,
      emailHash: hashEmail(email),
      consent: {
        granted: options.consent ?? true,
        text: 'Email me my cart',
        at: now.toISOString(),
      },
      locale: 'en',
    },
    now,
  );
  const cart = (await findCart(db, shop.shopId, cartId)) as StoredCart;
  await db
    .transaction()
    .execute((trx) => scheduleRecoveries(trx, shop.shopId, [cart], shop.config, () => now));
  return cart;
}

/** One message the test SMTP server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  headers: Map<string, string>;
  /** `performance.now()` when the server read this transaction's MAIL FROM. */
  mailFromAt: number;
  /** `performance.now()` when the message's first bytes arrived (after the relay's 354). */
  firstBytesAt: number;
  /** `performance.now()` when the server accepted the message (before writing its 250). */
  acceptedAt: number;
}

/** A real SMTP server on 127.0.0.1 (random port) that records what it accepts. */
export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Answers each message: `undefined` accepts; a code and text reject (`[451, 'try later']`). */
  respond: (mail: ReceivedMail) => [number, string] | undefined;
  /** Milliseconds to wait before answering each DATA (a slow server); 0 by default. */
  delayMs: number;
  /** Called when a message's first bytes arrive (it is on the wire), with its recipients. */
  onMessageBytes: (to: string[]) => void;
  /** Transactions that began (MAIL FROM) but whose message never arrived whole (aborted). */
  aborted: number;
  close(): Promise<void>;
}

function parseHeaders(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Decodes a quoted-printable body (soft line breaks and `=XX` escapes). */
export function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Starts a {@link TestSmtp} on `port` (0: any free one). */
export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const smtp: TestSmtp = {
    url: '',
    port: 0,
    received: [],
    respond: () => undefined,
    delayMs: 0,
    onMessageBytes: () => undefined,
    aborted: 0,
    close: async () => undefined,
  };
  const mailFromTimes = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onMailFrom(_address, session, callback) {
      mailFromTimes.set(session.id, performance.now());
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      const mailFromAt = mailFromTimes.get(session.id) ?? performance.now();
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      // A client that closes mid-DATA aborts its transaction: a relay delivers nothing then.
      let whole = false;
      let firstBytesAt = 0;
      stream.on('data', (chunk: Buffer) => {
        if (chunks.length === 0) {
          firstBytesAt = performance.now();
          smtp.onMessageBytes(to);
        }
        chunks.push(chunk);
      });
      stream.on('close', () => {
        if (!whole) smtp.aborted++;
      });
      stream.on('end', () => {
        whole = !stream.sizeExceeded;
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to,
          raw,
          headers: parseHeaders(raw),
          mailFromAt,
          firstBytesAt,
          acceptedAt: 0,
        };
        const reply = () => {
          const answer = smtp.respond(mail);
          if (answer) {
            const error = new Error(answer[1]) as Error & { responseCode: number };
            error.responseCode = answer[0];
            callback(error);
            return;
          }
          // Accepted: the server now owns the message, whether or not the client reads the reply.
          mail.acceptedAt = performance.now();
          smtp.received.push(mail);
          callback();
        };
        if (smtp.delayMs > 0) setTimeout(reply, smtp.delayMs);
        else reply();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // A client that dies mid-session (the SIGKILL test) resets its connection: not a server failure.
  server.on('error', () => undefined);
  // Loopback SMTP answers in tiny packets: without this, Nagle and delayed ACKs add ~40 ms a message.
  server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
  smtp.port = (server.server.address() as AddressInfo).port;
  smtp.url = `smtp://127.0.0.1:${smtp.port}?tls=off`;
  smtp.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return smtp;
}

/**
 * Inserts `count` open carts with an email and consent, each with one recovery job due at
 * `runAt`, in chunks (far faster than {@link seedCart} for the multi-worker tests and the bench).
 * Answers the job ids.
 */
export async function seedDueJobs(
  db: Kysely<Database>,
  shop: { shopId: string },
  count: number,
  runAt: Date,
): Promise<string[]> {
  const at = runAt.toISOString();
  const content = JSON.stringify({
    subject: { en: 'Your cart' },
    body: { en: 'Come back to {shopName}.' },
  });
  const items = JSON.stringify([
    { id: '4401', title: 'Linen apron', quantity: 2, unitPrice: 1200 },
  ]);
  const ids: string[] = [];
  for (let first = 0; first < count; first += 200) {
    const chunk = Array.from({ length: Math.min(200, count - first) }, (_, offset) => {
      const cartId = generateId('crt');
      const email = `shopper${first + offset}.${cartId.slice(-6).toLowerCase()}@example.com`;
      return { cartId, jobId: generateId('job'), email, hash: hashEmail(email) };
    });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('carts')
        .values(
          chunk.map(({ cartId, email, hash }) => ({
            id: cartId,
            shop_id: shop.shopId,
            platform_cart_id: null,
            currency: 'EUR',
            country: 'FR',
            subtotal: 2400,
            items,
            email,
            email_hash: hash,
            consent_granted: 1,
            consent_text: 'Email me my cart',
            consent_at: at,
            locale: 'en',
            status: 'open' as const,
            recovery_email_at: null,
            converted_at: null,
            order_id: null,
            order_total: null,
            order_currency: null,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      await insertJobs(
        trx,
        shop.shopId,
        chunk.map(({ cartId, jobId, hash }) => ({
          id: jobId,
          kind: 'recovery' as const,
          subjectId: cartId,
          step: 0,
          content,
          emailHash: hash,
          runAt: at,
          token: `tok_${jobId}`,
          createdAt: at,
        })),
      );
    });
    ids.push(...chunk.map((entry) => entry.jobId));
  }
  return ids;
}
