import { createHash, randomBytes, randomFillSync, timingSafeEqual } from 'node:crypto';

// randomBytes() is a system call each time, and ids are made on every cart capture and widget
// event: they draw from a pool of the same CSPRNG's bytes refilled 4 KB at a time, as Node's own
// randomUUID() does. Bytes are never handed out twice.
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;

/** `size` random bytes (at most 4096), base64url. */
export function randomBase64url(size: number): string {
  if (poolUsed + size > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  poolUsed += size;
  return pool.toString('base64url', poolUsed - size, poolUsed);
}

/**
 * An identifier with a type prefix, such as `crt_AZrV…`: 22 base64url characters, the first 8 the
 * creation time in milliseconds and the other 14 random (84 bits). Ids made close in time share a prefix,
 * so new rows land together in the primary-key index instead of on a random page each (a third
 * cheaper per cart insert on SQLite); the random part keeps them unguessable.
 */
export function generateId(prefix: 'shp' | 'crt' | 'evt' | (string & {})): string {
  const time = Buffer.alloc(6);
  time.writeUIntBE(Date.now(), 0, 6);
  return `${prefix}_${time.toString('base64url')}${randomBase64url(12).slice(0, 14)}`;
}

/** A new publishable key, `pk_…`: public, stored as is. */
export function generatePublishableKey(): string {
  return `pk_${randomBytes(24).toString('base64url')}`;
}

/** A new secret key, `sk_…` (32 random bytes): shown once, stored only as {@link hashSecret}. */
export function generateSecretKey(): string {
  return `sk_${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256 of a secret, hex. Secret keys and session tokens carry 256 random bits, so a fast hash
 * is right: there is nothing to brute-force, unlike a password, which would need a slow KDF.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** SHA-256 of an email address, trimmed and lower-cased, hex: finds one shopper's rows. */
export function hashEmail(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
