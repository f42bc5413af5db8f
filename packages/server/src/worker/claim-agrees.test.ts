// The last-moment claim of a recovery email asks in SQL what the worker's pure `stopReason` asks
// of the cart it read: the two must give the same answer for every cart, or an email the decision
// let through is withheld (or, worse, one it stopped is claimed). A table over every combination
// of the columns they read, on both dialects.
import { beforeAll, expect, it } from 'vitest';
import type { ShopConfig } from '@comptoir/sdk';
import { stopReason } from './decide.js';
import { seedCart, seedShop } from './test-fixtures.js';
import { toStoredCart, type StoredCart } from '../storage/cart.store.js';
import type { CartStatus } from '../storage/cart.table.js';
import {
  listJobsOfSubject,
  recoveryEmailStillWanted,
  type RecoveryJob,
} from '../storage/jobs.store.js';
import { findShop } from '../storage/shop.store.js';
import { describeEachDialect } from '../storage/test-databases.js';

const now = new Date('2026-12-01T10:00:00Z');
const ITEMS = JSON.stringify([{ id: 'v1', title: 'Thé', quantity: 1, unitPrice: 1200 }]);

interface Case {
  status: CartStatus;
  email: 'kept' | null | '';
  consent_granted: 0 | 1;
  consent_text: string | null;
  consent_at: string | null;
  items: string;
}

function* cases(): Generator<Case> {
  for (const status of ['open', 'converted'] as const)
    for (const email of ['kept', null, ''] as const)
      for (const consent_granted of [0, 1] as const)
        for (const consent_text of [null, 'Email me my cart'])
          for (const consent_at of [null, now.toISOString()])
            for (const items of ['[]', ITEMS])
              yield { status, email, consent_granted, consent_text, consent_at, items };
}

describeEachDialect('the recovery claim and stopReason', (database) => {
  let shop: { shopId: string; config: ShopConfig };
  let cart: StoredCart;
  let job: RecoveryJob;
  let configVersion: number;
  beforeAll(async () => {
    const { db } = database();
    shop = await seedShop(db, now, {
      steps: [{ delaySeconds: 60, subject: { en: 'Your cart' }, body: { en: 'Come back.' } }],
    });
    cart = await seedCart(db, shop, now, { email: 'jane@example.com' });
    [job] = (await listJobsOfSubject(db, shop.shopId, cart.id)) as [RecoveryJob];
    configVersion = ((await findShop(db, shop.shopId)) as { configVersion: number }).configVersion;
  });

  it('agree on every cart, in both consent modes', async () => {
    const { db } = database();
    const disagreements: string[] = [];
    let wanted = 0;
    for (const row of cases()) {
      const email = row.email === 'kept' ? cart.email : row.email;
      await db
        .updateTable('carts')
        .set({ ...row, email })
        .where('id', '=', cart.id)
        .execute();
      const stored = await db
        .selectFrom('carts')
        .selectAll()
        .where('id', '=', cart.id)
        .executeTakeFirstOrThrow();
      for (const consentMode of ['explicit', 'soft'] as const) {
        const config = { ...shop.config, recovery: { ...shop.config.recovery, consentMode } };
        const decided = stopReason(toStoredCart(stored), config) === undefined;
        const claimed =
          (await db
            .selectFrom('recovery_jobs')
            .select('id')
            .where('id', '=', job.id)
            .where(
              recoveryEmailStillWanted(shop.shopId, {
                cartId: cart.id,
                emailHash: cart.emailHash as string,
                configVersion,
                softConsent: consentMode === 'soft',
              }),
            )
            .executeTakeFirst()) !== undefined;
        if (decided) wanted++;
        if (decided !== claimed) {
          disagreements.push(
            `${JSON.stringify({ ...row, items: row.items === '[]' ? '[]' : '[…]', consentMode })}: ` +
              `stopReason ${decided ? 'sends' : 'stops'}, the claim ${claimed ? 'sends' : 'stops'}`,
          );
        }
      }
    }
    expect(disagreements).toEqual([]);
    // The table reaches both answers: one sendable cart in the explicit mode (open, an email,
    // items, consent granted with its text and time), seven in the soft mode (that one, and the
    // six with no consent on file: no text or no time).
    expect(wanted).toBe(8);
  });
});
