import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashEmail } from '../../../storage/keys.js';
import { base64Hmac } from '../../../orders/signatures.js';
import { listJobsOfEmail } from '../../../storage/jobs.store.js';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../../test-app.js';
import { findLifecycleOrders } from '../../../storage/lifecycle-orders.store.js';
import {
  confirmationInput,
  renderOrderConfirmation,
} from '../../../lifecycle/render-confirmation.js';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../orders/fixtures/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown> & { billing_address: unknown; customer: Record<string, unknown> };
const shopifyExample = fixture('shopify-orders-create.json');
const wooExample = readFileSync(
  new URL('../../../orders/fixtures/woocommerce-order.json', import.meta.url),
  'utf8',
);

const SHOPIFY_SECRET = 'a1d5c1b2a4e6f8091a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f';
const DAY = 86_400_000;

/** The Shopify example as a shipped order: its `shipping_address` is null, Shopify's has one. */
function shopifyOrder(id: string, changes: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ...shopifyExample,
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    shipping_address: shopifyExample.billing_address,
    shipping_lines: [{ id: 1, title: 'Express', price: '10.00', code: null, source: 'shopify' }],
    ...changes,
  });
}

describeEachDialect('order webhooks: the emails after the order', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let wooSecret: string;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(database().db);
    admin = { authorization: `Bearer ${t.shopA.secretKey}` };
    const shopify = { secret: SHOPIFY_SECRET };
    expect((await t.json('PUT', '/v1/admin/order-webhooks/shopify', shopify, admin)).status).toBe(
      200,
    );
    const woo = await t.json('PUT', '/v1/admin/order-webhooks/woocommerce', {}, admin);
    wooSecret = ((await woo.json()) as { secret: string }).secret;
    const config = await (await t.app.request('/v1/admin/config', { headers: admin })).json();
    config.lifecycle = {
      orderConfirmation: { enabled: true, platformSendsOne: false },
      winBack: { enabled: true, delayDays: 30 },
      reviewRequest: { enabled: true, daysAfterDelivery: 3 },
    };
    expect((await t.json('PUT', '/v1/admin/config', config, admin)).status).toBe(200);
  });

  const post = (platform: string, body: string, headers: Record<string, string>) => {
    clock += 1000;
    t.setNow(new Date(clock));
    return t.app.request(`/v1/hooks/${platform}/${t.shopA.shopId}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  };
  const shopify = (body: string, webhookId: string, topic = 'orders/create') =>
    post('shopify', body, {
      'x-shopify-topic': topic,
      'x-shopify-webhook-id': webhookId,
      'x-shopify-hmac-sha256': base64Hmac(SHOPIFY_SECRET, body),
    });
  const woo = (body: string, deliveryId: string, topic = 'order.created') =>
    post('woocommerce', body, {
      'x-wc-webhook-topic': topic,
      'x-wc-webhook-delivery-id': deliveryId,
      'x-wc-webhook-signature': base64Hmac(wooSecret, body),
    });
  const jobsOf = async (email: string) =>
    (await listJobsOfEmail(database().db, t.shopA.shopId, hashEmail(email))).map((job) => ({
      kind: job.kind,
      status: job.status,
      runAt: job.runAt,
    }));
  const lifecycleOrders = (orderId: string) =>
    database()
      .db.selectFrom('lifecycle_orders')
      .selectAll()
      .where('shop_id', '=', t.shopA.shopId)
      .where('order_id', '=', orderId)
      .execute();
  /** The confirmation the worker would send for a stored order, rendered as it renders it. */
  const confirmationOf = async (id: string) => {
    const [order] = await findLifecycleOrders(database().db, t.shopA.shopId, [id]);
    const config = await (await t.app.request('/v1/admin/config', { headers: admin })).json();
    return renderOrderConfirmation(confirmationInput(config, order!));
  };
  const lastLogMessage = async () => {
    const answer = await t.app.request('/v1/admin/order-webhooks', { headers: admin });
    const { log } = (await answer.json()) as { log: { message: string }[] };
    return log[0]?.message;
  };

  describe('Shopify', () => {
    it('an order with marketing consent schedules the confirmation, win-back and review request once', async () => {
      const body = shopifyOrder('820982911946154508');
      const delivered = await shopify(body, 'lc-1');
      expect(delivered.status).toBe(200);
      const orderedAt = new Date(clock);
      const [stored, ...more] = await lifecycleOrders('820982911946154508');
      expect(more).toEqual([]);
      expect(stored).toMatchObject({
        source: 'shopify',
        email: 'lea.martin@example.com',
        name: 'Léa Martin',
        locale: 'fr',
        method_id: 'express',
      });
      expect(Number(stored!.marketing_consent)).toBe(1);
      expect(JSON.parse(stored!.address)).toEqual({
        line1: '12 rue des Lilas',
        postalCode: '69001',
        city: 'Lyon',
        country: 'FR',
      });
      // Shopify line items carry no product URL, and the shop has no pattern: no link invented.
      expect(JSON.parse(stored!.items)).toEqual([
        { title: 'Aviator sunglasses', quantity: 1 },
        { title: 'Mid-century lounger', quantity: 1 },
      ]);
      const jobs = await jobsOf('lea.martin@example.com');
      expect(jobs.map((job) => [job.kind, job.status])).toEqual([
        ['confirmation', 'pending'],
        ['win-back', 'pending'],
        ['review-request', 'pending'],
      ]);
      expect(jobs[1]!.runAt).toBe(new Date(orderedAt.getTime() + 30 * DAY).toISOString());
      expect(await lastLogMessage()).toContain(
        'scheduled: order confirmation, win-back, review request',
      );

      // The same delivery again, then orders/paid for the same order: nothing scheduled twice.
      expect((await shopify(body, 'lc-1')).status).toBe(200);
      const paid = await shopify(body, 'lc-2', 'orders/paid');
      expect(paid.status).toBe(200);
      expect(await lifecycleOrders('820982911946154508')).toHaveLength(1);
      expect(await jobsOf('lea.martin@example.com')).toEqual(jobs);
    });

    it('without marketing consent, schedules the confirmation only', async () => {
      const body = shopifyOrder('820982911946154600', {
        email: 'no.consent@example.com',
        // The newer field wins over the older buyer_accepts_marketing (true in the example).
        customer: {
          ...shopifyExample.customer,
          email_marketing_consent: { state: 'not_subscribed', opt_in_level: 'single_opt_in' },
        },
      });
      expect((await shopify(body, 'lc-3')).status).toBe(200);
      expect((await jobsOf('no.consent@example.com')).map((job) => job.kind)).toEqual([
        'confirmation',
      ]);
      // Not subscribed is no answer (a soft opt-in may ask for a review); unsubscribed is a no.
      const [unanswered] = await lifecycleOrders('820982911946154600');
      expect(Number(unanswered!.marketing_consent)).toBe(0);
      const refused = shopifyOrder('820982911946154601', {
        email: 'said.no@example.com',
        customer: {
          ...shopifyExample.customer,
          email_marketing_consent: { state: 'unsubscribed', opt_in_level: 'single_opt_in' },
        },
      });
      expect((await shopify(refused, 'lc-3b')).status).toBe(200);
      const [no] = await lifecycleOrders('820982911946154601');
      expect(Number(no!.marketing_consent)).toBe(-1);
    });

    it('an order that ships nothing (no shipping address: digital, pickup) gets a confirmation without a delivery date', async () => {
      const body = JSON.stringify({
        ...shopifyExample,
        id: 450001,
        admin_graphql_api_id: 'gid://shopify/Order/450001',
        email: 'digital@example.com',
      });
      const delivered = await shopify(body, 'lc-4');
      expect(await delivered.json()).toMatchObject({ counted: true });
      const [stored] = await lifecycleOrders('450001');
      // The name from the billing address; no address stored, none invented from the billing one.
      expect(stored).toMatchObject({ email: 'digital@example.com', name: 'Léa Martin' });
      expect(JSON.parse(stored!.address)).toBeNull();
      const jobs = await jobsOf('digital@example.com');
      expect(jobs.map((job) => job.kind)).toEqual(['confirmation', 'win-back', 'review-request']);
      // The review request counts its days from the order (nothing to deliver): 3 days later,
      // 10:00 in Paris.
      expect(jobs[2]!.runAt).toBe('2026-03-05T09:00:00.000Z');
      // In the shopper's language (customer_locale fr).
      const email = await confirmationOf(stored!.id);
      expect(email.text).toContain('Merci — votre commande est confirmée.');
      expect(email.text).not.toContain('quitte notre atelier');
      expect(email.text).not.toContain('Livraison à');
    });

    it('the backend and the webhook reporting the same order at once store it once: one confirmation', async () => {
      for (let round = 0; round < 6; round++) {
        const id = `99000000000000${round}`;
        const email = `race.${round}@example.com`;
        const cart = await t.json(
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
        const { id: cartId } = (await cart.json()) as { id: string };
        const backend = t.json(
          'POST',
          `/v1/shops/${t.shopA.shopId}/orders`,
          {
            cartId,
            orderId: id,
            total: 1200,
            currency: 'EUR',
            shipping: {
              email,
              address: { line1: '1 rue', city: 'Lyon', country: 'FR' },
              items: [{ title: 'Tea', quantity: 1 }],
            },
          },
          admin,
        );
        const webhook = shopify(shopifyOrder(id, { email }), `race-${round}`);
        const [fromBackend, fromWebhook] = await Promise.all([backend, webhook]);
        expect([fromBackend.status, fromWebhook.status]).toEqual([201, 200]);
        expect(await lifecycleOrders(id)).toHaveLength(1);
        expect((await jobsOf(email)).filter((job) => job.kind === 'confirmation')).toHaveLength(1);
      }
    });
  });

  describe('WooCommerce', () => {
    it('a paid order schedules the confirmation only (no consent field), once', async () => {
      const delivered = await woo(wooExample, 'wc-1');
      expect(delivered.status).toBe(200);
      const [stored] = await lifecycleOrders('727');
      expect(stored).toMatchObject({
        source: 'woocommerce',
        email: 'Jan.deVries@example.com',
        name: 'Jan de Vries',
        locale: null,
        method_id: null,
      });
      expect(Number(stored!.marketing_consent)).toBe(0);
      expect(JSON.parse(stored!.address)).toEqual({
        line1: 'Prinsengracht 263',
        postalCode: '1016 GV',
        city: 'Amsterdam',
        country: 'NL',
      });
      // WooCommerce stores names with HTML entities: the email shows the dash, not "&ndash;".
      expect(JSON.parse(stored!.items)).toEqual([
        { title: 'Woo Single #1', quantity: 2 },
        { title: 'Ship Your Idea – Color: Black, Size: M Test', quantity: 1 },
      ]);
      const jobs = await jobsOf('Jan.deVries@example.com');
      expect(jobs.map((job) => [job.kind, job.status])).toEqual([['confirmation', 'pending']]);

      expect((await woo(wooExample, 'wc-1')).status).toBe(200);
      expect((await woo(wooExample, 'wc-2', 'order.updated')).status).toBe(200);
      expect(await lifecycleOrders('727')).toHaveLength(1);
      expect(await jobsOf('Jan.deVries@example.com')).toEqual(jobs);
    });

    it("maps the shopper's language (WPML) and the newsletter checkbox (Mailchimp for WooCommerce) from meta_data", async () => {
      const order = JSON.parse(wooExample) as Record<string, unknown> & {
        meta_data: unknown[];
        billing: Record<string, unknown>;
      };
      const withMeta = (id: number, email: string, meta: unknown[]) =>
        JSON.stringify({
          ...order,
          id,
          billing: { ...order.billing, email },
          meta_data: [...order.meta_data, ...meta],
        });
      const subscribed = withMeta(801, 'wc.fr@example.com', [
        { id: 1, key: 'wpml_language', value: 'fr' },
        { id: 2, key: 'mailchimp_woocommerce_is_subscribed', value: '1' },
      ]);
      expect((await woo(subscribed, 'wc-meta-1')).status).toBe(200);
      const [fr] = await lifecycleOrders('801');
      expect([fr?.locale, Number(fr?.marketing_consent)]).toEqual(['fr', 1]);
      expect((await jobsOf('wc.fr@example.com')).map((job) => job.kind)).toEqual([
        'confirmation',
        'win-back',
        'review-request',
      ]);
      // The checkbox left unticked ('' or '0'), a language that is not a tag: neither is taken.
      const unticked = withMeta(802, 'wc.none@example.com', [
        { id: 1, key: 'wpml_language', value: '<script>' },
        { id: 2, key: 'mailchimp_woocommerce_is_subscribed', value: '' },
      ]);
      expect((await woo(unticked, 'wc-meta-2')).status).toBe(200);
      const [none] = await lifecycleOrders('802');
      expect([none?.locale, Number(none?.marketing_consent)]).toEqual([null, 0]);
    });

    it('a virtual order (no shipping address) gets a confirmation without a delivery date', async () => {
      const order = JSON.parse(wooExample) as Record<string, unknown> & {
        billing: Record<string, unknown>;
        shipping: Record<string, unknown>;
      };
      const virtual = JSON.stringify({
        ...order,
        id: 803,
        billing: { ...order.billing, email: 'wc.virtual@example.com' },
        shipping: { ...order.shipping, address_1: '', city: '', postcode: '' },
      });
      expect((await woo(virtual, 'wc-virtual')).status).toBe(200);
      const [stored] = await lifecycleOrders('803');
      expect(stored?.name).toBe('Jan de Vries');
      expect(JSON.parse(stored!.address)).toBeNull();
      const email = await confirmationOf(stored!.id);
      expect(email.text).toContain('Thank you — your order is confirmed.');
    });
  });
});
