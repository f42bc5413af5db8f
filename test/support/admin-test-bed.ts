import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createShop, silentLogger, startServer, type RunningServer } from '@comptoir/server';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';

/** What a config-page browser test works with; filled in before the file's first test. */
export interface AdminTestBed {
  /** The server as `comptoir serve` runs it, on a SQLite file of its own. */
  server: RunningServer;
  browser: Browser;
  /** The secret key of its one shop, "Atelier" (origin https://atelier.example). */
  secretKey: string;
}

/**
 * Starts a server with one shop and a Chromium before the calling file's tests, and stops both
 * and deletes the database after them. `name` names the temporary folder.
 */
export function useAdminTestBed(
  name: string,
  options: { withWorker?: boolean } = {},
): AdminTestBed {
  let dir: string | undefined;
  const bed = {} as AdminTestBed;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `comptoir-admin-${name}-`));
    bed.server = await startServer({
      port: 0,
      databaseUrl: `sqlite:${join(dir, 'admin.db')}`,
      logger: silentLogger(),
      ...(options.withWorker === undefined ? {} : { withWorker: options.withWorker }),
    });
    ({ secretKey: bed.secretKey } = await createShop(bed.server.db, {
      name: 'Atelier',
      origins: ['https://atelier.example'],
      now: new Date(),
    }));
    bed.browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await bed.browser?.close();
    await bed.server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return bed;
}
