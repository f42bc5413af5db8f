import { expect, it } from 'vitest';
import { createOutboxMailer } from '../../../email/mailer.js';
import { ORIGIN_A, createTestApp } from '../../test-app.js';
import { listJobsOfSubject } from '../../../storage/jobs.store.js';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { runWorkerBatch } from '../../../worker/worker.js';
import { scheduleRequestedRecoveries } from '../../../worker/scheduler.js';

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
    // What the worker does first: the capture's request becomes one job per step.
    expect(await scheduleRequestedRecoveries(db, { skipLocked: false })).toBe(1);
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
      // Shopify's discount link applies the code, then the cart page merges the saved lines.
      `https://shop-a.example/discount/BACK10?redirect=${encodeURIComponent('/cart?comptoir-restore=4401%3A2')}`,
    );
    expect((await t.app.request('/r/not-a-token')).status).toBe(404);

    const page = await t.app.request(`/u/${token}`);
    expect(page.status).toBe(200);
    const pageText = await page.text();
    expect(pageText).toContain('<form method="post">');
    expect(pageText).toContain('Stop receiving emails about your cart from');
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

  it('emails and restores the latest cart: a capture of 2 items, then changed quantities and a third', async () => {
    const { db } = database();
    const t = await createTestApp(db, { publicUrl: 'https://api.example' });
    const headers = { authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A };
    const admin = { authorization: `Bearer ${t.shopA.secretKey}` };
    const config = await (await t.app.request('/v1/admin/config', { headers: admin })).json();
    config.recovery.steps[0].delaySeconds = 60;
    config.recovery.steps[0].couponCode = 'MERCI10';
    config.recovery.restoreUrl = { preset: 'shopify', shopUrl: 'https://shop-a.example' };
    expect((await t.json('PUT', '/v1/admin/config', config, admin)).status).toBe(200);

    const twoItems = {
      id: 'c1',
      currency: 'EUR',
      subtotal: 7400,
      items: [
        { id: '101', title: 'Linen apron', quantity: 1, unitPrice: 3200 },
        { id: '102', title: 'Beeswax candle', quantity: 2, unitPrice: 2100 },
      ],
    };
    const created = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/carts`,
      {
        cart: twoItems,
        email: 'jane@example.com',
        consent: { granted: true, text: 'Email me my cart' },
        locale: 'en',
      },
      headers,
    );
    const { id: cartId } = (await created.json()) as { id: string };
    // What the widget sends after each change: the cart only; the email and consent stay on file.
    const threeItems = {
      ...twoItems,
      subtotal: 15000,
      items: [
        { id: '101', title: 'Linen apron', quantity: 2, unitPrice: 3200 },
        { id: '102', title: 'Beeswax candle', quantity: 2, unitPrice: 2100 },
        { id: '103', title: 'Oak board', quantity: 1, unitPrice: 4400 },
      ],
    };
    const updated = await t.json(
      'PUT',
      `/v1/shops/${t.shopA.shopId}/carts/${cartId}`,
      { cart: threeItems },
      headers,
    );
    expect(updated.status).toBe(200);
    expect(await updated.json()).toEqual({ id: cartId, emailCaptured: true });

    const now = new Date('2026-03-02T09:01:01Z');
    t.setNow(now);
    const mailer = createOutboxMailer();
    expect(
      await runWorkerBatch({ db, publicUrl: 'https://api.example', mailer, clock: () => now }),
    ).toMatchObject({ sent: 1 });
    const listed = (await (await t.app.request('/v1/admin/outbox', { headers: admin })).json()) as {
      items: { id: string }[];
    };
    const email = (await (
      await t.app.request(`/v1/admin/outbox/${listed.items[0]!.id}`, { headers: admin })
    ).json()) as { html: string; text: string };
    expect(email.text).toContain('Oak board');
    expect(email.text).toContain('Linen apron (Qty 2)');
    expect(email.text).toContain('Subtotal: €150.00');
    expect(email.text).not.toContain('€74.00');
    // Shopify's discount link (/discount/<code>) applies it, so the email may say so.
    expect(email.text).toContain('Your code MERCI10 is applied when you return to your cart.');

    const [job] = await listJobsOfSubject(db, t.shopA.shopId, cartId);
    const restore = await t.app.request(`/r/${job!.token}`);
    expect(restore.headers.get('location')).toBe(
      `https://shop-a.example/discount/MERCI10?redirect=${encodeURIComponent('/cart?comptoir-restore=101%3A2%2C102%3A2%2C103%3A1')}`,
    );

    // Once ordered, the saved cart takes no more updates: the storefront's next cart is new.
    const order = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/orders`,
      { cartId, orderId: 'o-1', total: 15000, currency: 'EUR' },
      headers,
    );
    expect(order.status).toBeLessThan(300);
    const late = await t.json(
      'PUT',
      `/v1/shops/${t.shopA.shopId}/carts/${cartId}`,
      { cart: { ...threeItems, subtotal: 0, items: [] } },
      headers,
    );
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('cart_closed');
  });

  it('opens a page that says what a test email link is, in the merchant language, not a 404', async () => {
    const { db } = database();
    const t = await createTestApp(db, { publicUrl: 'https://api.example' });
    for (const path of ['/r/preview', '/u/preview']) {
      const en = await t.app.request(path);
      expect(en.status).toBe(200);
      expect(await en.text()).toContain('This link comes from a test email.');
      const fr = await t.app.request(`${path}?lang=fr`);
      const html = await fr.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('Ce lien vient d’un e-mail de test.');
    }
    // The test email's List-Unsubscribe-Post: a one-click post changes nothing and is no 404.
    const oneClick = await t.app.request('/u/preview?lang=de', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('<html lang="de">');
    const injected = await t.app.request('/r/preview?lang=%22%3E%3Cscript%3E');
    expect(await injected.text()).toContain('<html lang="en">');
  });
});
