export {
  createApp,
  createNodeListener,
  resolveAppDeps,
  type NodeListenerOptions,
} from './http/app.js';
export type { AdminAuth, AppDeps, AppEnv, ResolvedDeps } from './http/context.js';
export { ApiError, isApiError, NotFoundError, isNotFoundError } from './http/errors.js';
export { publicHolidays, type PublicHoliday } from './published-config/holidays.js';
export { createLogger, maskEmail, silentLogger, type Logger } from './log.js';
export {
  defaultRateLimits,
  type BucketLimit,
  type RateLimits,
} from './http/middleware/rate-limiter.js';
export { derivePublishedConfig } from './published-config/derive.js';
export { ConfigFastPath } from './published-config/fast-path.js';
export { createShop, type CreatedShop } from './storage/create-shop.js';
export {
  DEFAULT_DATABASE_URL,
  startServer,
  startWorker,
  type RunningServer,
  type RunningWorker,
  type StartServerOptions,
} from './server.js';
export { openDatabase, type Database, type Db, type DialectName } from './storage/database.js';
export { migrate, migrations } from './storage/migrations/index.js';
export type { Shop } from './storage/shop.store.js';
export type { StoredCart } from './storage/cart.store.js';
