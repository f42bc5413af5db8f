import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { findInstanceSecret, insertInstanceSecret } from './instance-secret.store.js';
import './order-webhook.table.js';

const KEY_NAME = 'secrets-key-v1';
const keys = new WeakMap<object, Promise<Buffer>>();

/** A `COMPTOIR_SECRETS_KEY` that is not 32 bytes of base64 or hex. */
export class SecretsKeyError extends Error {
  override name = 'SecretsKeyError';
}

/** True when `error` is a {@link SecretsKeyError}. */
export function isSecretsKeyError(error: unknown): error is SecretsKeyError {
  return error instanceof Error && error.name === 'SecretsKeyError';
}

function keyFromEnvironment(): Buffer | undefined {
  const text = process.env.COMPTOIR_SECRETS_KEY?.trim();
  if (!text) return undefined;
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) {
    throw new SecretsKeyError('COMPTOIR_SECRETS_KEY must be 32 bytes, as 64 hex digits or base64');
  }
  return key;
}

/**
 * The key that encrypts stored signing secrets: `COMPTOIR_SECRETS_KEY` when set (kept outside the
 * database, so a stolen dump or backup holds no usable secret), else a random key this server
 * makes once and keeps in `instance_secrets` (it then only keeps secrets out of exports, logs and
 * the API; docs/http-api.md says to set the variable in production).
 */
async function secretsKey(db: Kysely<Database>): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = (async () => {
      const fromEnvironment = keyFromEnvironment();
      if (fromEnvironment) return fromEnvironment;
      const stored = await findInstanceSecret(db, KEY_NAME);
      if (stored) return Buffer.from(stored, 'base64');
      await insertInstanceSecret(db, KEY_NAME, randomBytes(32).toString('base64'), new Date());
      // Two servers starting together: whichever insert won is the key both use.
      return Buffer.from((await findInstanceSecret(db, KEY_NAME)) as string, 'base64');
    })();
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

/**
 * Encrypts a secret with AES-256-GCM, bound to `context` (the shop and platform it belongs to, so
 * a sealed value copied to another row does not open there). Answers `v1:<iv>:<tag>:<data>`.
 */
export async function sealSecret(
  db: Kysely<Database>,
  secret: string,
  context: string,
): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await secretsKey(db), iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join(':');
}

/** Decrypts what {@link sealSecret} made for the same `context`; throws when it was tampered with. */
export async function openSecret(
  db: Kysely<Database>,
  sealed: string,
  context: string,
): Promise<string> {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) {
    throw new Error('A sealed secret has an unknown format');
  }
  const decipher = createDecipheriv(
    'aes-256-gcm',
    await secretsKey(db),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(data, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}
