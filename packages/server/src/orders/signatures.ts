import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Whether `header` is the base64 HMAC-SHA256 of the raw body under `secret`, as Shopify
 * (`X-Shopify-Hmac-Sha256`) and WooCommerce (`X-WC-Webhook-Signature`) both sign. Compared in
 * constant time, on the bytes as received: a body parsed and written again would not match.
 */
export function base64HmacMatches(secret: string, rawBody: Uint8Array, header: string): boolean {
  const given = header.trim();
  if (!BASE64.test(given)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const received = Buffer.from(given, 'base64');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** The base64 HMAC-SHA256 a platform would send for this body (tests and the docs' examples). */
export function base64Hmac(secret: string, rawBody: string | Uint8Array): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** A short SHA-256 of the raw body, hex: part of a delivery's replay key. */
export function bodyDigest(rawBody: Uint8Array): string {
  return createHash('sha256').update(rawBody).digest('hex').slice(0, 32);
}
