import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { ShopStats, WebhookAttempt, WebhookEndpoint } from '@comptoir/sdk';
import { createOutboxMailer } from '../email/mailer.js';
import { describeEachDialect } from '../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../http/test-app.js';
import { runWorkerBatch } from '../worker/worker.js';
import { startTestReceiver, type ReceivedEvent, type TestReceiver } from './test-receiver.js';

const cartOf = (event: ReceivedEvent) => ('cartId' in event.data ? event.data.cartId : undefined);

// The receiver checks webhook-timestamp against its own clock, as a real one does: only Date is
// faked, so the queue's retry schedule (hours) can pass while sockets and timers stay real.
describeEachDialect('event webhooks through the durable queue', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let storefront: Record<string, string>;
  let receiver: TestReceiver;
  let endpoint: WebhookEndpoint;
  let now = new Date('2026-03-02T09:00:00Z');
  const setNow = (at: Date) => {
    now = at;
    vi.setSystemTime(at);
    t.setNow(at);
  };
  const advance = (ms: number) => setNow(new Date(now.getTime() + ms));
  const work = () =>
    runWorkerBatch({
      db: database().db,
      publicUrl: 'https://api.example',
      mailer: createOutboxMailer(),
      clock: () => new Date(),
      random: () => 0,
    });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS = '1';
    t = await createTestApp(database().db);
    setNow(now);
    admin = { authorization: `Bearer ${t.shopA.secretKey}` };
    storefront = { authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A };
    receiver = await startTestReceiver();
    const created = await t.json(
      'POST',
      '/v1/admin/webhook-endpoints',
      {
        url: receiver.url,
        events: ['cart.captured', 'cart.recovered', 'order.attributed', 'shopper.erased'],
      },
      admin,
    );
    endpoint = (await created.json()) as WebhookEndpoint;
    receiver.secret = endpoint.secret ?? '';
  });
  afterEach(() => {
    receiver.down = false;
  });
  afterAll(async () => {
    vi.useRealTimers();
    delete process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS;
    await receiver.close();
  });

  const capture = async (id: string, email: string, consent: boolean) => {
    const response = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/carts`,
      {
        cart: {
          id,
          currency: 'EUR',
          subtotal: 1800,
          items: [{ id: 'v', title: 'Thé', quantity: 1, unitPrice: 1800 }],
        },
        email,
        ...(consent ? { consent: { granted: true, text: 'Send me my cart' } } : {}),
      },
      storefront,
    );
    return ((await response.json()) as { id: string }).id;
  };
  const attempts = async () =>
    (
      (await (await t.app.request('/v1/admin/webhook-endpoints', { headers: admin })).json()) as {
        attempts: WebhookAttempt[];
      }
    ).attempts;

  it('a consented capture arrives signed, once, with the consent text and time', async () => {
    const cartId = await capture('wh-1', 'ines@example.com', true);
    // An update of the same cart sends nothing new.
    await capture('wh-1', 'ines@example.com', true);
    expect(await work()).toMatchObject({ sent: 1 });
    expect(receiver.events).toHaveLength(1);
    expect(receiver.events[0]).toMatchObject({
      type: 'cart.captured',
      data: {
        cartId,
        email: 'ines@example.com',
        consent: { granted: true, text: 'Send me my cart', at: now.toISOString() },
      },
    });
    expect(receiver.refused).toEqual([]);
  });

  it('sends no address of a shopper who did not consent', async () => {
    await capture('wh-2', 'no-consent@example.com', false);
    await work();
    expect(JSON.stringify(receiver.events)).not.toContain('no-consent@example.com');
  });

  it('survives the receiver being down: retried on the schedule, delivered once it is back, same id', async () => {
    receiver.down = true;
    const cartId = await capture('wh-3', 'paul@example.com', true);
    expect(await work()).toMatchObject({ retried: 1 });
    advance(5_000);
    expect(await work()).toMatchObject({ retried: 1 });
    advance(60_000);
    // Not due yet: the second retry waits 5 minutes.
    expect(await work()).toMatchObject({ claimed: 0 });
    advance(5 * 60_000);
    receiver.down = false;
    expect(await work()).toMatchObject({ sent: 1 });
    const arrived = receiver.events.filter((event) => cartOf(event) === cartId);
    expect(arrived).toHaveLength(1);
    const log = (await attempts()).filter((a) => a.messageId === arrived[0]?.id);
    expect(log.map((a) => a.statusCode).sort()).toEqual([204, 503, 503]);
    expect(receiver.missed).toBe(2);
  });

  it('a verified order sends order.attributed and cart.recovered', async () => {
    const cartId = await capture('wh-4', 'lou@example.com', true);
    await work();
    await database()
      .db.updateTable('carts')
      .set({ recovery_email_at: now.toISOString() })
      .where('id', '=', cartId)
      .execute();
    const order = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/orders`,
      { cartId, orderId: 'B-77', total: 1800, currency: 'EUR' },
      admin,
    );
    expect(order.status).toBe(201);
    expect(await work()).toMatchObject({ sent: 2 });
    const types = receiver.events.filter((e) => cartOf(e) === cartId).map((e) => e.type);
    expect(types.sort()).toEqual(['cart.captured', 'cart.recovered', 'order.attributed']);
    const recovered = receiver.events.find((e) => e.type === 'cart.recovered');
    expect(recovered?.data).toMatchObject({ orderId: 'B-77', total: 1800, verified: true });
  });

  it('erasing a shopper takes their address out of every stored event, a queued one included', async () => {
    receiver.down = true;
    const cartId = await capture('wh-6', 'erase_me@example.com', true);
    expect(await work()).toMatchObject({ retried: 1 });
    // The merchant types the address in another case; the stored events still lose it.
    await t.json('POST', '/v1/admin/shoppers/erase', { email: 'Erase_Me@example.com' }, admin);
    const bodies = await database()
      .db.selectFrom('webhook_messages')
      .select(['type', 'body'])
      .execute();
    const holding = bodies.filter((row) => row.body.includes('erase_me@example.com'));
    expect(holding.map((row) => row.type)).toEqual([]);
    receiver.down = false;
    advance(5_000);
    expect(await work()).toMatchObject({ sent: 2 });
    const captured = receiver.events.find(
      (event) => event.type === 'cart.captured' && cartOf(event) === cartId,
    );
    expect(captured?.data).toMatchObject({ email: null });
    // The erasure event itself names the address, so the mailing list downstream can erase it.
    const erased = receiver.events.find((event) => event.type === 'shopper.erased');
    expect(erased?.data).toMatchObject({ email: 'Erase_Me@example.com' });
  });

  it('an endpoint failing again and again is switched off, with a notice on the overview', async () => {
    // 29 failures in a row already (a day of a dead receiver): the next one switches it off.
    await database()
      .db.updateTable('webhook_endpoints')
      .set({ failure_streak: 29 })
      .where('id', '=', endpoint.id)
      .execute();
    receiver.down = true;
    await t.json('POST', '/v1/admin/shoppers/erase', { email: 'paul@example.com' }, admin);
    expect(await work()).toMatchObject({ failed: 1, retried: 0 });
    const stats = (await (
      await t.app.request('/v1/admin/stats', { headers: admin })
    ).json()) as ShopStats;
    expect(stats.endpointsSwitchedOff).toEqual([
      { id: endpoint.id, url: receiver.url, reason: expect.stringMatching(/30 failed deliveries/) },
    ]);
    // Switched off, it gets no more events until the merchant switches it on again.
    receiver.down = false;
    await capture('wh-5', 'late@example.com', true);
    expect(await work()).toMatchObject({ claimed: 0 });
  });
});
