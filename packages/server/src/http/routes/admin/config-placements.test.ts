import { beforeAll, expect, it } from 'vitest';
import type { ShopConfig } from '@comptoir/sdk';
import { updateShopConfig } from '../../../storage/shop.store.js';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { createTestApp, type TestApp } from '../../test-app.js';

describeEachDialect('placement attributes in the saved config', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(database().db);
    admin = { authorization: `Bearer ${t.shopA.secretKey}` };
  });

  async function current() {
    const response = await t.app.request('/v1/admin/config', { headers: admin });
    return {
      etag: response.headers.get('etag') ?? '',
      config: (await response.json()) as ShopConfig,
    };
  }

  it('refuses an event handler on a placement with a 400 naming the field, and keeps the config', async () => {
    const { etag, config } = await current();
    const hostile = {
      ...config,
      placements: [
        {
          element: 'comptoir-shipping-cutoff',
          selector: 'body',
          position: 'append',
          attributes: { tabindex: '0', autofocus: '', onfocus: 'alert(1)' },
        },
      ],
    };
    const response = await t.json('PUT', '/v1/admin/config', hostile, {
      ...admin,
      'if-match': etag,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; message: string; details: { path: string[]; message: string }[] };
    };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(/^placements\.0\.attributes\.tabindex: /);
    expect(body.error.details.map((issue) => issue.path.join('.'))).toEqual([
      'placements.0.attributes.tabindex',
      'placements.0.attributes.autofocus',
      'placements.0.attributes.onfocus',
    ]);
    const after = await current();
    expect(after.etag).toBe(etag);
    expect(after.config.placements).toEqual(config.placements);
    const published = await t.app.request(
      `/v1/shops/${t.shopA.shopId}/config?key=${t.shopA.publishableKey}`,
    );
    expect(JSON.stringify(await published.json())).not.toContain('onfocus');
  });

  it("saves a placement with the element's documented attributes", async () => {
    const { etag, config } = await current();
    const placements = [
      {
        element: 'comptoir-shipping-cutoff' as const,
        selector: '.product-form',
        position: 'after' as const,
        attributes: { method: 'express', lang: 'fr' },
      },
    ];
    const response = await t.json(
      'PUT',
      '/v1/admin/config',
      { ...config, placements },
      { ...admin, 'if-match': etag },
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as ShopConfig).placements).toEqual(placements);
  });

  it('never publishes an attribute off the list from a config saved before the list', async () => {
    const { config } = await current();
    const legacy = {
      ...config,
      placements: [
        {
          element: 'comptoir-shipping-cutoff' as const,
          selector: 'body',
          position: 'append' as const,
          attributes: { onfocus: 'alert(1)', tabindex: '0', method: 'express' },
        },
      ],
    };
    // As an older server stored it, without today's validation.
    await updateShopConfig(database().db, t.shopA.shopId, legacy, undefined, new Date());
    const published = await t.app.request(
      `/v1/shops/${t.shopA.shopId}/config?key=${t.shopA.publishableKey}`,
    );
    const body = (await published.json()) as { placements: unknown[] };
    expect(body.placements).toEqual([
      {
        element: 'comptoir-shipping-cutoff',
        selector: 'body',
        position: 'append',
        attributes: { method: 'express' },
      },
    ]);
    // The merchant's own document keeps what they saved, for the config page to show.
    expect((await current()).config.placements).toEqual(legacy.placements);
  });
});
