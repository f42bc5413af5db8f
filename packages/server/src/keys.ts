import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random identifier with a type prefix, such as `shp_3kTq…` (16 random bytes, base64url). */
export function generateId(prefix: 'shp' | 'crt' | 'evt' | (string & {})): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
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
