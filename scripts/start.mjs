// `npm start`: builds, migrates, creates the demo shop on first start, seeds its settings, then runs
// `comptoir serve` (API, config page, widgets) on :8787 and the demo storefront on :8788.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../demo/server.mjs';
import { demoConfig } from '../demo/seed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 8788);
const apiUrl = `http://localhost:${port}`;
const shopUrl = `http://localhost:${demoPort}`;
const dataDir = process.env.COMPTOIR_DATA_DIR ?? join(root, 'data');
const shopFile = join(dataDir, 'demo-shop.json');
const cli = join(root, 'packages/server/dist/cli/index.js');
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(dataDir, 'comptoir.db')}`,
  PORT: String(port),
};

/** A path as the user can type it: relative when under the current directory, else absolute. */
function displayPath(path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function step(label) {
  console.log(`\n› ${label}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(
      `\n${command} ${args.join(' ')} failed${result.status === null ? '' : ` (exit ${result.status})`}.`,
    );
    process.exit(1);
  }
  return result;
}

async function waitForHealth(child) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`comptoir serve stopped (exit ${child.exitCode})`);
    try {
      const response = await fetch(`${apiUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`comptoir serve did not answer on ${apiUrl}/healthz within 30 s`);
}

async function admin(method, path, secretKey, body, headers = {}) {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${secretKey}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return { body: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') };
}

async function seed(shop) {
  const current = await admin('GET', '/v1/admin/config', shop.secretKey);
  const config = demoConfig(current.body, { shopUrl });
  await admin(
    'PUT',
    '/v1/admin/config',
    shop.secretKey,
    config,
    current.etag ? { 'If-Match': current.etag } : {},
  );
}

step('Building (npm run build)');
run('npm', ['run', 'build', '--silent']);

mkdirSync(dataDir, { recursive: true });
step('Migrating the database');
run(process.execPath, [cli, 'migrate']);

let shop = existsSync(shopFile) ? JSON.parse(readFileSync(shopFile, 'utf8')) : undefined;
if (!shop) {
  step('Creating the demo shop "Atelier Demo"');
  const created = run(
    process.execPath,
    [cli, 'shop', 'create', '--name', 'Atelier Demo', '--origin', shopUrl, '--json'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const keys = JSON.parse(created.stdout.toString('utf8'));
  shop = { ...keys, seeded: false };
  writeFileSync(shopFile, `${JSON.stringify(shop, null, 2)}\n`, { mode: 0o600 });
}

step(`Starting comptoir serve on ${apiUrl}`);
const server = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
  cwd: root,
  env: {
    ...env,
    PUBLIC_URL: process.env.PUBLIC_URL ?? apiUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
  stdio: 'inherit',
});
let demo;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await demo?.close().catch(() => undefined);
  if (server.exitCode === null) {
    server.kill('SIGINT');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        server.kill('SIGKILL');
        resolve();
      }, 5000);
      server.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.on('exit', (code) => {
  if (!stopping) {
    console.error(`comptoir serve stopped (exit ${code}).`);
    void stop(1);
  }
});

try {
  await waitForHealth(server);
  if (!shop.seeded) {
    step('Saving the demo settings (absence, free shipping tiers, Christmas, FAQ, cart capture)');
    await seed(shop);
    shop.seeded = true;
    writeFileSync(shopFile, `${JSON.stringify(shop, null, 2)}\n`, { mode: 0o600 });
  }
  demo = await startDemoServer({
    port: demoPort,
    apiUrl,
    shopId: shop.shopId,
    publishableKey: shop.publishableKey,
  });
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  await stop(1);
}

console.log(`
  Comptoir is running.

  Demo shop        ${shopUrl}
  Config page      ${apiUrl}/admin/
  Outbox (emails)  ${apiUrl}/admin/#/outbox

  Sign in to the config page with the shop's secret key:
    ${shop.secretKey}
  (also kept in ${displayPath(shopFile)})

  Press Ctrl-C to stop.
`);
