// An API process for the multi-process tests: `startServer` as `comptoir serve --no-worker` runs
// it, with two test knobs the CLI does not have: the clock runs CLOCK_OFFSET_MS ahead (negative:
// behind, so a recovery step 60 s after capture is due at once for workers on the real clock) and
// RATE_LIMITS (JSON) replaces the limits a load generator on one loopback address would hit.
// It prints `listening <url>` once it answers, and stops cleanly on SIGTERM (exit 0).
import { createLogger, startServer, type RateLimits } from '@comptoir/server';

const offsetMs = Number(process.env.CLOCK_OFFSET_MS ?? 0);
const rateLimits = process.env.RATE_LIMITS
  ? (JSON.parse(process.env.RATE_LIMITS) as Partial<RateLimits>)
  : undefined;

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  withWorker: false,
  // Warnings and errors only (JSON lines on stdout, which the test forwards to its stderr).
  logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  app: {
    clock: () => new Date(Date.now() + offsetMs),
    ...(rateLimits ? { rateLimits } : {}),
  },
});
process.stdout.write(`listening ${server.url}\n`);

process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
