// The API reference page (/openapi.html) in Debian's Chromium: it renders under its own CSP and
// axe-core finds no violation.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { silentLogger, startServer, type RunningServer } from '@comptoir/server';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let dir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'comptoir-reference-'));
  server = await startServer({
    port: 0,
    databaseUrl: `sqlite:${join(dir, 'reference.db')}`,
    logger: silentLogger(),
  });
  browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('renders the API reference with no axe violation and no CSP report', async () => {
  const page = await (await browser.newContext()).newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') refused.push(message.text());
  });
  await page.goto(`${server.url}/openapi.html`);
  await page.getByRole('heading', { level: 1, name: 'Comptoir API reference' }).waitFor();
  expect(await page.locator('h3').count()).toBeGreaterThan(25);
  // Through the DevTools protocol: the page's CSP refuses every script, as it should.
  await page.evaluate(`${axeSource}\n;undefined`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } })
      .axe;
    return (await axe.run()).violations.map((violation) => violation.id);
  });
  expect(violations).toEqual([]);
  expect(refused).toEqual([]);
});
