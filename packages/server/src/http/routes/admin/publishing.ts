import { Hono } from 'hono';
import { z } from 'zod';
import {
  CountryCode,
  PreviewRequest,
  HolidayList,
  InstallInfo,
  PublishedConfig,
} from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { ApiError } from '../../errors.js';
import { isUnknownHolidayRegionError, publicHolidays } from '../../../published-config/holidays.js';
import { jsonBody, queryParams } from '../../middleware/json-body.js';
import { derivePublishedConfig } from '../../../published-config/derive.js';
import { describeAdminRoutes } from '../openapi.js';

const HolidayQuery = z.object({
  country: CountryCode,
  region: z
    .string()
    .max(10)
    .regex(/^[A-Z0-9]*$/, 'Expected a region code like BY')
    .optional()
    .transform((region) => region || undefined),
});

/**
 * What the config page needs to show the storefront's view: `POST /preview` (the published config
 * of an unsaved draft), `GET /holidays` (a country's public holidays) and `GET /install` (the
 * script tag to paste).
 */
export const adminPublishing = new Hono<AppEnv>()
  .post('/preview', jsonBody(PreviewRequest), (c) => {
    const { config, at } = c.req.valid('json');
    const now = at ? new Date(at) : c.get('deps').clock();
    return c.json(derivePublishedConfig(c.get('shop'), config, now));
  })
  .get('/holidays', queryParams(HolidayQuery), (c) => {
    const { country, region } = c.req.valid('query');
    try {
      const holidays = publicHolidays(
        country,
        region,
        c.get('deps').clock(),
        c.get('shop').config.calendar.timeZone,
      );
      return c.json({ holidays });
    } catch (error) {
      if (isUnknownHolidayRegionError(error))
        throw new ApiError(400, 'unknown_region', error.message);
      throw error;
    }
  })
  .get('/install', (c) => {
    const shop = c.get('shop');
    const embedUrl = `${c.get('deps').publicUrl}/embed.js`;
    // In <head> with blocking="render": the loader reserves the widgets' space before the first
    // frame, so a returning shopper's page does not jump (packages/widgets/README.md).
    const snippet = `<script type="module" blocking="render" src="${embedUrl}" data-shop="${shop.id}" data-key="${shop.publishableKey}"></script>`;
    return c.json({ shopId: shop.id, publishableKey: shop.publishableKey, embedUrl, snippet });
  });

describeAdminRoutes(adminPublishing, {
  'POST /preview': {
    summary: 'The published config a draft would give',
    status: 200,
    answer: PublishedConfig,
  },
  'GET /holidays': {
    summary: "A country's public holidays for 13 months",
    status: 200,
    answer: HolidayList,
  },
  'GET /install': {
    summary: 'The install snippet',
    status: 200,
    answer: InstallInfo,
  },
});
