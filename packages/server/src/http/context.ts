import type { Kysely } from 'kysely';
import type { RequestIdVariables } from 'hono/request-id';
import type { Logger } from '../log.js';
import type { Mailer } from '../email/mailer.js';
import type { RateLimiter, RateLimits } from './middleware/rate-limiter.js';
import type { PublishedConfigs } from '../published-config/published-configs.js';
import type { SharedRateLimiter } from './middleware/shared-rate-limiter.js';
import type { ShopCache } from '../published-config/shop-cache.js';
import type { Database } from '../storage/database.js';
import type { GroupCommit } from '../storage/group-commit.js';
import type { SessionRow } from '../storage/session.table.js';
import type { Shop } from '../storage/shop.store.js';

/** What {@link createApp} is built from. Only `db` is required; the rest have defaults. */
export interface AppDeps {
  db: Kysely<Database>;
  /** The time, injectable so tests can move it. Defaults to `() => new Date()`. */
  clock?: () => Date;
  /** Defaults to a silent logger. */
  logger?: Logger;
  /** The server's public base URL, for links (embed snippet, emails). */
  publicUrl?: string;
  /** Token-bucket limits; raise them for benchmarks. */
  rateLimits?: Partial<RateLimits>;
  /** How long a shop read for a public request is reused, in ms (default 1000; 0 disables). */
  shopCacheTtlMs?: number;
  /** How long a config-page session lasts, in ms (default 12 h). */
  sessionTtlMs?: number;
  /**
   * Take the client's IP from `X-Forwarded-For`, behind this many reverse proxies you trust
   * (`true`: one). Default false: the header is ignored, since anyone can write it.
   */
  trustProxy?: boolean | number;
  /**
   * The transport of the config page's test emails: the server's SMTP mailer (`SMTP_URL`), else
   * the local outbox (the default). The app never closes it; whoever made it does.
   */
  mailer?: Mailer;
  /** The emails' sender address (`MAIL_FROM`); defaults to `no-reply@<publicUrl host>`. */
  mailFrom?: string;
  /** Folders of static files; default to the built widgets and config page. */
  staticRoots?: { widgets?: string; admin?: string };
  /**
   * Called after a capture that asked for recovery emails was committed: `startServer` wakes its
   * worker, so the emails are planned within moments instead of at the worker's next poll.
   */
  onRecoveryRequested?: () => void;
}

/** {@link AppDeps} with every default filled in, as routes see them on `c.get('deps')`. */
export interface ResolvedDeps {
  db: Kysely<Database>;
  clock: () => Date;
  logger: Logger;
  publicUrl: string;
  rateLimits: RateLimits;
  sessionTtlMs: number;
  trustProxy: boolean | number;
  mailer: Mailer;
  mailFrom: string;
  staticRoots: { widgets: string; admin: string };
  shops: ShopCache;
  /** Per-process token buckets: every read (the published config's hot path among them). */
  limiter: RateLimiter;
  /** Counters every API process shares on PostgreSQL: sign-in attempts and writes. */
  sharedLimiter: SharedRateLimiter;
  /** The published configs, serialized; `invalidate` after a config save. */
  published: PublishedConfigs;
  /** The transactions cart captures share. */
  groupCommit: GroupCommit;
  onRecoveryRequested: () => void;
}

/** How an admin request proved who it is. */
export type AdminAuth = { kind: 'secret-key' } | { kind: 'session'; session: SessionRow };

/** Hono's environment for every route module. */
export interface AppEnv {
  Variables: RequestIdVariables & {
    deps: ResolvedDeps;
    /** The authenticated shop (public and admin routes). */
    shop: Shop;
    /** Admin routes only. */
    adminAuth: AdminAuth;
  };
}
