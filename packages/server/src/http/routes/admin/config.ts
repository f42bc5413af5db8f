import { Hono } from 'hono';
import { ShopConfig } from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { ApiError } from '../../errors.js';
import { isUnknownHolidayRegionError, publicHolidays } from '../../../published-config/holidays.js';
import { jsonBody } from '../../middleware/json-body.js';
import { findShop, updateShopConfig } from '../../../storage/shop.store.js';
import { describeAdminRoutes } from '../openapi.js';
import { scheduleDigest } from '../../../lifecycle/digest-schedule.js';
import { rescheduleAbsenceEmails } from '../../../worker/scheduler.js';

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match)
    throw new ApiError(
      412,
      'version_conflict',
      'If-Match must be the ETag of GET /v1/admin/config',
    );
  return Number(match[1]);
}

function checkHolidayRegion(config: ShopConfig, now: Date): void {
  const { holidayCountry, holidayRegion, timeZone } = config.calendar;
  if (!holidayCountry) return;
  try {
    publicHolidays(holidayCountry, holidayRegion, now, timeZone);
  } catch (error) {
    if (!isUnknownHolidayRegionError(error)) throw error;
    throw new ApiError(400, 'invalid_request', error.message, [
      {
        path: ['calendar', holidayRegion ? 'holidayRegion' : 'holidayCountry'],
        message: error.message,
      },
    ]);
  }
}

/**
 * `GET|PUT /v1/admin/config`: the whole editable config, versioned. `PUT` with
 * `If-Match: "<version>"` answers 412 when another save came first.
 */
export const adminConfig = new Hono<AppEnv>()
  .get('/', (c) => {
    const shop = c.get('shop');
    c.header('ETag', `"${shop.configVersion}"`);
    return c.json(shop.config);
  })
  .put('/', jsonBody(ShopConfig), async (c) => {
    const { db, clock, published } = c.get('deps');
    const shop = c.get('shop');
    const expected = parseIfMatch(c.req.header('if-match'));
    const config = c.req.valid('json');
    const now = clock();
    checkHolidayRegion(config, now);
    const version = await db.transaction().execute(async (trx) => {
      const saved = await updateShopConfig(trx, shop.id, config, expected, now);
      if (saved !== undefined) {
        await rescheduleAbsenceEmails(trx, shop.id, config, now);
        await scheduleDigest(trx, shop.id, config, now);
      }
      return saved;
    });
    if (version === undefined) {
      const current = await findShop(db, shop.id);
      throw new ApiError(
        412,
        'version_conflict',
        'Another save came first: reload the config and apply your change again',
        {
          currentVersion: current?.configVersion,
        },
      );
    }
    published.invalidate(shop.id);
    c.header('ETag', `"${version}"`);
    return c.json(config);
  });

describeAdminRoutes(adminConfig, {
  'GET /': {
    summary: 'The editable config (ETag)',
    status: 200,
    answer: ShopConfig,
  },
  'PUT /': {
    summary: 'Replace the config (If-Match; 412 when stale)',
    status: 200,
    answer: ShopConfig,
  },
});
