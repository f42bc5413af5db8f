import { expect, it } from 'vitest';
import { createOutboxMailer } from '../../email/mailer.js';
import { ORIGIN_A, createTestApp } from '../../test-app.js';
import { listJobsOfSubject } from '../../storage/jobs.store.js';
import { describeEachDialect } from '../../storage/test-databases.js';
import { runWorkerBatch } from '../../worker/worker.js';

describeEachDialect('recovery links through the API', (database) => {
  it('captures, sends, restores with the coupon, and unsubscribes in one click without cookies', async () => {
    const { db } = database();
    const t = await createTestApp(db, { publicUrl: 'https://api.example' });
    const headers = { authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A };
    const config = await (
      await t.app.request('/v1/admin/config', {
        headers: { authorization: `Bearer ${t.shopA.secretKey}` },
      })
    ).json();
    config.recovery.steps[0].couponCode = 'BACK10';
    config.recovery.steps[0].delaySeconds = 60;
    config.recovery.restoreUrl = { preset: 'shopify', shopUrl: 'https://shop-a.example' };
    const saved = await t.json('PUT', '/v1/admin/config', config, {
      authorization: `Bearer ${t.shopA.secretKey}`,
    });
    expect(saved.status).toBe(200);

    const capture = {
      cart: {
        currency: 'EUR',
        subtotal: 2400,
        items: [{ id: '4401', title: 'Apron', quantity: 2, unitPrice: 1200 }],
      },
      email: 'jane@example.com',
      consent: { granted: true, text: 'Email me my cart' },
      locale: 'en',
    };
    const created = await t.json('POST', `/v1/shops/${t.shopA.shopId}/carts`, capture, headers);
    expect(created.status).toBe(201);
    const { id: cartId } = (await created.json()) as { id: string };
    await t.json('PUT', `/v1/shops/${t.shopA.shopId}/carts/${cartId}`, capture, headers);
    const jobs = await listJobsOfSubject(db, t.shopA.shopId, cartId);
    expect(jobs.map((job) => job.step)).toEqual([0, 1, 2]);

    let now = new Date('2026-03-02T09:01:01Z');
    t.setNow(now);
    const worker = {
      db,
      publicUrl: 'https://api.example',
      mailer: createOutboxMailer(),
      clock: () => now,
    };
    expect(await runWorkerBatch(worker)).toMatchObject({ sent: 1 });
    const token = jobs[0]!.token;

    const restore = await t.app.request(`/r/${token}`);
    expect(restore.status).toBe(302);
    expect(restore.headers.get('location')).toBe(
      'https://shop-a.example/cart/4401:2?discount=BACK10',
    );
    expect((await t.app.request('/r/not-a-token')).status).toBe(404);

    const page = await t.app.request(`/u/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    const oneClick = await t.app.request(`/u/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const after = await listJobsOfSubject(db, t.shopA.shopId, cartId);
    expect(after.map((job) => [job.status, job.reason])).toEqual([
      ['sent', null],
      ['cancelled', 'unsubscribed'],
      ['cancelled', 'unsubscribed'],
    ]);

    const outbox = await t.app.request('/v1/admin/outbox', {
      headers: { authorization: `Bearer ${t.shopA.secretKey}` },
    });
    const listed = (await outbox.json()) as { items: { id: string }[] };
    expect(listed.items).toHaveLength(1);
    const one = await t.app.request(`/v1/admin/outbox/${listed.items[0]!.id}`, {
      headers: { authorization: `Bearer ${t.shopA.secretKey}` },
    });
    expect(((await one.json()) as { html: string }).html).toContain('Apron');
    now = new Date(now.getTime() + 40 * 86_400_000);
    t.setNow(now);
    expect((await t.app.request(`/r/${token}`)).status).toBe(410);
  });
});
