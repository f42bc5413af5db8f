import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSmtpMailer, type Mailer } from '../email/mailer.js';
import { listJobsOfEmail } from '../storage/jobs.store.js';
import { describeEachDialect } from '../storage/test-databases.js';
import { hashEmail } from '../storage/keys.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../http/test-app.js';
import { decodeQuotedPrintable, startTestSmtp, type TestSmtp } from '../worker/test-fixtures.js';
import { runWorkerBatch } from '../worker/worker.js';

describeEachDialect('order confirmation', (database) => {
  let smtp: TestSmtp;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = createSmtpMailer({ url: smtp.url, maxConnections: 1 });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });

  const secret = (t: TestApp) => ({ authorization: `Bearer ${t.shopA.secretKey}` });
  async function configure(t: TestApp, orderConfirmation: unknown) {
    const config = await (await t.app.request('/v1/admin/config', { headers: secret(t) })).json();
    config.lifecycle = { orderConfirmation };
    const saved = await t.json('PUT', '/v1/admin/config', config, secret(t));
    expect(saved.status).toBe(200);
  }
  async function openCart(t: TestApp): Promise<string> {
    const created = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/carts`,
      {
        cart: {
          currency: 'EUR',
          subtotal: 1200,
          items: [{ id: '1', title: 'Tea', quantity: 1, unitPrice: 1200 }],
        },
      },
      { authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A },
    );
    expect(created.status).toBe(201);
    return ((await created.json()) as { id: string }).id;
  }
  const shipping = (email: string) => ({
    email,
    name: 'Jane Doe',
    address: { line1: '12 rue des Lilas', postalCode: '75011', city: 'Paris', country: 'FR' },
    locale: 'fr-FR',
    methodId: 'standard',
    items: [{ title: 'Thé <vert>', quantity: 2, url: 'https://shop-a.example/p/the' }],
  });
  const worker = (now: Date) => ({
    db: database().db,
    publicUrl: 'https://api.example',
    mailer,
    clock: () => now,
  });

  it('sends the promise computed at the order instant, once per order, to an order with an address', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    await configure(t, {
      enabled: true,
      platformSendsOne: false,
      paragraph: { fr: 'Chaque paquet est emballé à la main.' },
    });
    // Friday 4 Dec 2026 at 15:30 in Paris: after the 14:00 cutoff, so it leaves on Monday.
    const orderedAt = new Date('2026-12-04T14:30:00Z');
    t.setNow(orderedAt);
    const cartId = await openCart(t);
    const body = {
      cartId,
      orderId: '1042',
      total: 2400,
      currency: 'EUR',
      shipping: shipping('jane.conf@example.com'),
    };
    expect(
      (await t.json('POST', `/v1/shops/${t.shopA.shopId}/orders`, body, secret(t))).status,
    ).toBe(201);
    // Reported twice (a retry of the backend): still one confirmation.
    expect(
      (await t.json('POST', `/v1/shops/${t.shopA.shopId}/orders`, body, secret(t))).status,
    ).toBe(201);

    const before = smtp.received.length;
    // The worker runs on Tuesday: the promise stays the one made on Friday.
    const result = await runWorkerBatch(worker(new Date('2026-12-08T09:00:00Z')));
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
    const mails = smtp.received.slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(['jane.conf@example.com']);
    expect(mail.headers.has('list-unsubscribe')).toBe(false);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    const raw = decodeQuotedPrintable(mail.raw);
    expect(raw).toContain(
      'Merci — votre commande quitte notre atelier le lun. 7 déc. et devrait arriver entre le mer. 9 déc. et le ven. 11 déc. (Standard).',
    );
    expect(raw).toContain('Chaque paquet est emballé à la main.');
    expect(raw).toContain('Thé &lt;vert&gt;');
    expect(raw).toContain('12 rue des Lilas');
    const jobs = await listJobsOfEmail(db, t.shopA.shopId, hashEmail('jane.conf@example.com'));
    expect(jobs.map((job) => [job.kind, job.status])).toEqual([['confirmation', 'sent']]);
  });

  it('sends none when off, when the platform sends one, or when switched off before it goes', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    const order = async (email: string, orderId: string) => {
      const cartId = await openCart(t);
      const body = { cartId, orderId, total: 100, currency: 'EUR', shipping: shipping(email) };
      expect(
        (await t.json('POST', `/v1/shops/${t.shopA.shopId}/orders`, body, secret(t))).status,
      ).toBe(201);
      return listJobsOfEmail(db, t.shopA.shopId, hashEmail(email));
    };
    // Off by default.
    expect(await order('off@example.com', 'a1')).toEqual([]);
    await configure(t, { enabled: true, platformSendsOne: true });
    expect(await order('platform@example.com', 'a2')).toEqual([]);
    await configure(t, { enabled: true, platformSendsOne: false });
    expect(await order('later@example.com', 'a3')).toHaveLength(1);
    await configure(t, { enabled: false, platformSendsOne: false });
    const before = smtp.received.length;
    expect(await runWorkerBatch(worker(new Date('2026-03-02T09:05:00Z')))).toMatchObject({
      sent: 0,
    });
    expect(smtp.received.length).toBe(before);
    const [job] = await listJobsOfEmail(db, t.shopA.shopId, hashEmail('later@example.com'));
    expect([job?.status, job?.reason]).toEqual(['cancelled', 'confirmation-disabled']);
  });

  it('refuses a shipping address sent with the publishable key, naming the field', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    await configure(t, { enabled: true, platformSendsOne: false });
    const cartId = await openCart(t);
    const answer = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/orders`,
      { cartId, total: 100, currency: 'EUR', shipping: shipping('victim@example.com') },
      { authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A },
    );
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({
      error: { code: 'secret_key_required', details: { field: 'shipping' } },
    });
    expect(await listJobsOfEmail(db, t.shopA.shopId, hashEmail('victim@example.com'))).toEqual([]);
  });

  it('answers 400 naming the field of a bad address', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    const cartId = await openCart(t);
    const bad = {
      ...shipping('x@example.com'),
      address: { line1: '1 rue', city: '', country: 'FR' },
    };
    const answer = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/orders`,
      { cartId, total: 100, currency: 'EUR', shipping: bad },
      secret(t),
    );
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain('city');
  });
});
