import type { ShopConfig } from '@comptoir/sdk/schemas';
import { createShop, type CreatedShop, type Database } from '@comptoir/server';
import type { Kysely } from 'kysely';

/** The storefront origin the test shops allow. */
export const SHOP_ORIGIN = 'https://shop.example';

/**
 * Creates a shop whose recovery sequence is one email 60 s after capture (the shortest allowed),
 * no quiet hours, configured through the admin API of `apiUrl` as a merchant would.
 */
export async function createRecoveryShop(
  db: Kysely<Database>,
  apiUrl: string,
): Promise<CreatedShop> {
  const keys = await createShop(db, {
    name: 'Atelier Charge',
    origins: [SHOP_ORIGIN],
    now: new Date(),
  });
  const headers = { Authorization: `Bearer ${keys.secretKey}`, 'Content-Type': 'application/json' };
  const current = await fetch(`${apiUrl}/v1/admin/config`, { headers });
  const config = (await current.json()) as ShopConfig;
  const [first] = config.recovery.steps;
  if (!first) throw new Error('The default config has no recovery step');
  const { quietHours: _none, ...recovery } = config.recovery;
  const saved = await fetch(`${apiUrl}/v1/admin/config`, {
    method: 'PUT',
    headers: { ...headers, 'If-Match': current.headers.get('etag') ?? '*' },
    body: JSON.stringify({
      ...config,
      recovery: {
        ...recovery,
        steps: [{ ...first, delaySeconds: 60 }],
        restoreUrl: { preset: 'shopify', shopUrl: SHOP_ORIGIN },
      },
    }),
  });
  if (saved.status !== 200)
    throw new Error(`Saving the config: ${saved.status} ${await saved.text()}`);
  return keys;
}

/** Public API headers of a storefront of the shop. */
export function storefrontHeaders(keys: CreatedShop): Record<string, string> {
  return {
    Authorization: `Bearer ${keys.publishableKey}`,
    Origin: SHOP_ORIGIN,
    'Content-Type': 'application/json',
  };
}
