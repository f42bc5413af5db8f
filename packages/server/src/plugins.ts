import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { ShopConfig } from '@comptoir/sdk';
import type { AppEnv } from './context.js';
import type { Logger } from './log.js';
import type { Database, Db } from './storage/database.js';
import type { StoredCart } from './storage/cart.store.js';
import type { Shop } from './storage/shop.store.js';
import { recoveryPlugin } from './worker/plugin.js';

/** What a plugin's hooks learn about the request that triggered them. */
export interface HookContext {
  /** The open transaction of the request: write in it so both commit or neither does. */
  trx: Db;
  shop: Shop;
  now: Date;
}

/** What the running server hands to {@link ServerPlugin.start}. */
export interface StartContext {
  db: Kysely<Database>;
  logger: Logger;
  clock: () => Date;
  publicUrl: string;
  /** `SMTP_URL`, when set. */
  smtpUrl: string | undefined;
}

/**
 * An extension of the server: extra routes, hooks inside the API's transactions, and a background
 * task started with the server. The recovery emails (jobs, outbox, `/r/:token`, `/u/:token`) are
 * one; register it in {@link plugins}.
 */
export interface ServerPlugin {
  name: string;
  /** Mounts routes on the app, before its 404 handler (`app.route('/r', recoveryLinks)`). */
  routes?(app: Hono<AppEnv>): void;
  /** A cart was captured or updated: schedule or cancel its emails. */
  cartCaptured?(context: HookContext & { cart: StoredCart; config: ShopConfig }): Promise<void>;
  /** The merchant saved the shop's config: move what depends on it (emails tied to absences). */
  configSaved?(context: HookContext & { config: ShopConfig }): Promise<void>;
  /** An order completed for a cart: stop its recovery. */
  orderCompleted?(context: HookContext & { cart: StoredCart }): Promise<void>;
  /** Contributes this plugin's data about one shopper to a GDPR export. */
  exportShopper?(context: HookContext & { emailHash: string }): Promise<Record<string, unknown>>;
  /** Erases this plugin's data about one shopper (cancels their pending emails). */
  eraseShopper?(context: HookContext & { emailHash: string }): Promise<void>;
  /** Adds counts to the admin stats for `[from, to)` (ISO instants), e.g. `emailsSent`. */
  stats?(context: { db: Db; shop: Shop; from: string; to: string }): Promise<Partial<PluginStats>>;
  /**
   * Starts a background task (the worker) in `comptoir serve` and `comptoir worker`; answers the
   * function that stops it (called on SIGINT/SIGTERM before the database closes).
   */
  start?(context: StartContext): Promise<() => Promise<void>>;
}

/** The counts a plugin may add to the admin stats. */
export interface PluginStats {
  emailsSent: number;
  emailsClicked: number;
}

/**
 * The plugins every server and worker process loads. Add yours here, one line each
 * (`import { recoveryPlugin } from './worker/plugin.js'` … `plugins.push(recoveryPlugin)`
 * or in the array literal).
 */
export const plugins: ServerPlugin[] = [recoveryPlugin];
