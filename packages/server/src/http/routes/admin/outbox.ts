import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../context.js';
import { ApiError, NotFoundError } from '../../errors.js';
import { queryParams } from '../../middleware/json-body.js';
import { findEmail, listOutbox, type SentEmail } from '../../../storage/emails.store.js';
import { OutboxMessage, OutboxPage } from '@comptoir/sdk';
import { describeAdminRoutes } from '../openapi.js';

const OutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

function summary(email: SentEmail) {
  return {
    id: email.id,
    kind: email.kind,
    step: email.step,
    to: email.to,
    subject: email.subject,
    messageId: email.messageId,
    createdAt: email.createdAt,
  };
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id) throw new ApiError(400, 'invalid_request', 'Invalid cursor');
  return { createdAt, id };
}

/**
 * `GET /v1/admin/outbox` lists the emails kept locally when no `SMTP_URL` is set, newest first;
 * `GET /v1/admin/outbox/:id` answers one with its rendered `html` and `text`.
 */
export const adminOutbox = new Hono<AppEnv>()
  .get('/', queryParams(OutboxQuery), async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const emails = await listOutbox(
      c.get('deps').db,
      c.get('shop').id,
      limit + 1,
      cursor ? decodeCursor(cursor) : undefined,
    );
    const page = emails.slice(0, limit);
    const last = page.at(-1);
    const nextCursor =
      emails.length > limit && last
        ? Buffer.from(`${last.createdAt}|${last.id}`).toString('base64url')
        : null;
    return c.json({ items: page.map(summary), nextCursor });
  })
  .get('/:id', async (c) => {
    const email = await findEmail(c.get('deps').db, c.get('shop').id, c.req.param('id'));
    if (!email || email.transport !== 'outbox') throw new NotFoundError('Email');
    return c.json({ ...summary(email), html: email.html, text: email.text });
  });

describeAdminRoutes(adminOutbox, {
  'GET /': {
    summary: 'Emails kept in the local outbox (no SMTP_URL), newest first',
    description: '`{ items: [{ id, kind, step, to, subject, messageId, createdAt }], nextCursor }`',
    status: 200,
    answer: OutboxPage,
    tag: 'recovery',
  },
  'GET /:id': {
    summary: 'One outbox email with its rendered html and text',
    status: 200,
    answer: OutboxMessage,
    tag: 'recovery',
  },
});
