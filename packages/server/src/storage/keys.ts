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
 * The creation time in milliseconds as 8 base64url characters. Keys that begin with it, made close
 * in time, land together in their B-tree index instead of on a random page each: on SQLite every
 * page a transaction touches is written again at its commit, so random keys cost a page each.
 */
function timePrefix(): string {
  const time = Buffer.alloc(6);
  time.writeUIntBE(Date.now(), 0, 6);
  return time.toString('base64url');
}

/**
 * An identifier with a type prefix, such as `crt_AZrV…`: 22 base64url characters, the first 8 the
 * creation time ({@link timePrefix}) and the other 14 random (84 bits): unguessable, and a third
 * cheaper per cart insert on SQLite than a random id.
 */
export function generateId(prefix: 'shp' | 'crt' | 'evt' | 'job' | (string & {})): string {
  return `${prefix}_${timePrefix()}${randomBase64url(12).slice(0, 14)}`;
}

/**
 * A new unguessable link token: the creation time ({@link timePrefix}), then 192 random bits
 * (40 characters). Only the random part makes it unguessable; the time keeps the unique index of
 * the jobs' tokens from taking a random page per job.
 */
export function generateToken(): string {
  return `${timePrefix()}${randomBase64url(24)}`;
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
