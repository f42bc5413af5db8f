import { Origin, ShortText } from '@comptoir/sdk';
import { DEFAULT_DATABASE_URL, openMigratedDatabase } from '../server.js';
import { createShop } from '../storage/create-shop.js';
import { parseArgs } from 'node:util';
import { helpOption, parseOrExplain, UsageError } from './usage.js';

/** `comptoir shop create --help`. */
export const shopCreateHelp = `Usage: comptoir shop create --name NAME --origin URL [--origin URL…] [--json]

Creates a shop and prints its id, publishable key and secret key. The secret key is shown
only this once: keep it somewhere safe.

Options:
  --name NAME    the shop's name
  --origin URL   a storefront origin allowed to use the publishable key (repeatable),
                 such as https://shop.example
  --json         print { "shopId", "publishableKey", "secretKey" }
  -h, --help     show this help

Environment: DATABASE_URL (default ${DEFAULT_DATABASE_URL}).`;

/** `comptoir shop create`. */
export async function shopCreateCommand(args: string[]): Promise<void> {
  const { values } = parseOrExplain(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        ...helpOption,
        name: { type: 'string' },
        origin: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    }),
  );
  if (values.help) return void console.log(shopCreateHelp);
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required');
  if (!ShortText.safeParse(name).success) throw new UsageError('--name is at most 200 characters');
  const origins = values.origin ?? [];
  if (origins.length === 0) throw new UsageError('At least one --origin is required');
  for (const origin of origins) {
    if (!Origin.safeParse(origin).success) {
      throw new UsageError(
        `--origin "${origin}" is not an origin like https://shop.example (no path, no trailing slash)`,
      );
    }
  }
  const { db } = await openMigratedDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    const shop = await createShop(db, { name, origins, now: new Date() });
    if (values.json) {
      console.log(JSON.stringify(shop));
    } else {
      console.log(`Shop created: ${name}
  shop id          ${shop.shopId}
  publishable key  ${shop.publishableKey}
  secret key       ${shop.secretKey}

The secret key is shown only now. Sign in to the config page with it.`);
    }
  } finally {
    await db.destroy();
  }
}
