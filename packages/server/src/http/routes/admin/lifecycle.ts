import { Hono } from 'hono';
import { z } from 'zod';
import { DigestPreview, EmailPreview, LifecyclePreviewRequest, LocalDate } from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { jsonBody, queryParams } from '../../middleware/json-body.js';
import {
  lastDigestDate,
  previewDigest,
  previewLifecycleEmail,
} from '../../../lifecycle/preview.js';
import { describeAdminRoutes } from '../openapi.js';

const DigestQuery = z.strictObject({
  /** The send date naming the week (the digest reports the seven days before it). */
  sendDate: LocalDate.optional(),
});

/**
 * The config page's views of the emails after the order: `POST /preview` renders the order
 * confirmation, win-back or review request from the unsaved draft for a sample order (nothing is
 * saved or sent); `GET /digest` builds the weekly digest as the email says it.
 */
export const adminLifecycle = new Hono<AppEnv>()
  .post('/preview', jsonBody(LifecyclePreviewRequest), (c) => {
    const { kind, config: draft, at, locale } = c.req.valid('json');
    const { clock, publicUrl } = c.get('deps');
    const config = draft ?? c.get('shop').config;
    return c.json(
      previewLifecycleEmail(config, kind, at ? new Date(at) : clock(), locale, publicUrl),
    );
  })
  .get('/digest', queryParams(DigestQuery), async (c) => {
    const { db, clock } = c.get('deps');
    const shop = c.get('shop');
    const now = clock();
    const sendDate = c.req.valid('query').sendDate ?? lastDigestDate(shop.config, now);
    return c.json(await previewDigest(db, shop.id, shop.config, sendDate, now));
  });

describeAdminRoutes(adminLifecycle, {
  'POST /preview': {
    summary: 'An email after the order rendered from the draft for a sample order',
    description:
      '`kind` is `confirmation`, `win-back` or `review-request`; `config` is the unsaved draft ' +
      '(default: as saved), `at` the sample order’s instant (default now), `locale` the ' +
      'shopper’s language. The confirmation’s promise comes from the published calendar with ' +
      'public holidays; `sendAt` says when a win-back or review request would go. Nothing is ' +
      'saved or sent.',
    status: 200,
    answer: EmailPreview,
  },
  'GET /digest': {
    summary: 'The weekly digest as emailed, for the latest send date or `sendDate`',
    description:
      'Built from the same facts and template as the email (the seven shop-time days before ' +
      '`sendDate` against the seven before them), whether or not the digest is switched on.',
    status: 200,
    answer: DigestPreview,
  },
});
