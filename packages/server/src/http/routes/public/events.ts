import { Hono } from 'hono';
import { WidgetEventBatch, EventsAccepted } from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { jsonBody } from '../../middleware/json-body.js';
import { insertWidgetEvents } from '../../../storage/widget-event.store.js';
import { describeRoutes } from '../openapi.js';

/** `POST /v1/shops/:shop/events`: a batch of at most 50 widget events of known types. */
export const publicEvents = new Hono<AppEnv>().post('/', jsonBody(WidgetEventBatch), async (c) => {
  const { events } = c.req.valid('json');
  await insertWidgetEvents(c.get('deps').db, c.get('shop').id, events, c.get('deps').clock());
  return c.json({ accepted: events.length }, 202);
});

describeRoutes(publicEvents, {
  'POST /': {
    summary: 'A batch of widget events',
    auth: 'publishable',
    status: 202,
    answer: EventsAccepted,
    tag: 'public',
  },
});
