import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { findShop } from '../storage/shop.store.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'comptoir-cli-'));
const databaseUrl = `sqlite:${join(folder, 'cli.db')}`;

// `npx tsx packages/server/src/cli/index.ts`, without npx's own start-up time.
function comptoir(args: string[], url = databaseUrl) {
  const result = spawnSync(
    process.execPath,
    [
      '--conditions=comptoir-source',
      '--import',
      'tsx',
      'packages/server/src/cli/index.ts',
      ...args,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: url } },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('comptoir CLI', () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('creates a shop and prints its keys once, as JSON', async () => {
    const { code, stdout } = comptoir([
      'shop',
      'create',
      '--name',
      'Thé & Co',
      '--origin',
      'https://the.example',
      '--json',
    ]);
    expect(code).toBe(0);
    const keys = JSON.parse(stdout) as {
      shopId: string;
      publishableKey: string;
      secretKey: string;
    };
    expect(keys.shopId).toMatch(/^shp_/);
    expect(keys.publishableKey).toMatch(/^pk_/);
    expect(keys.secretKey).toMatch(/^sk_/);
    const db = openDatabase(databaseUrl);
    const shop = await findShop(db, keys.shopId);
    await db.destroy();
    expect(shop?.config.allowedOrigins).toEqual(['https://the.example']);
    expect(shop?.secretKeyHash).not.toContain(keys.secretKey.slice(3));
  });

  it('backs the SQLite database up online, and points PostgreSQL users to pg_dump', async () => {
    const made = comptoir([
      'shop',
      'create',
      '--name',
      'Sauvegarde',
      '--origin',
      'https://b.example',
      '--json',
    ]);
    const { shopId } = JSON.parse(made.stdout) as { shopId: string };
    const copy = join(folder, 'copy.db');
    const backup = comptoir(['backup', '--to', copy]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('Backed up');
    const restored = openDatabase(`sqlite:${copy}`);
    const shop = await findShop(restored, shopId);
    await restored.destroy();
    expect(shop?.name).toBe('Sauvegarde');
    // Never over an existing file.
    const again = comptoir(['backup', '--to', copy]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already');
    const postgres = comptoir(
      ['backup', '--to', join(folder, 'pg.db')],
      'postgres://u@127.0.0.1:1/x',
    );
    expect(postgres.code).toBe(2);
    expect(postgres.stderr).toContain('pg_dump');
  });

  it('explains a bad command line and exits with 2', () => {
    const { code, stderr } = comptoir([
      'shop',
      'create',
      '--name',
      'X',
      '--origin',
      'https://the.example/path',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('is not an origin like https://shop.example');
    expect(stderr).toContain('Usage: comptoir shop create');
  });

  it('reports a bad DATABASE_URL and exits with 1', () => {
    const result = comptoir(['migrate'], 'mysql://db');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unsupported DATABASE_URL');
  });
});
