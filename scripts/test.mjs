// `npm test`: lints, builds, then runs every test in one command — the node suites (sdk, server,
// cross-package flows) with vitest and the widgets in Chromium with @web/test-runner — and ends
// with one line counting them all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from './find-browser.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = mkdtempSync(join(tmpdir(), 'comptoir-test-'));

function run(label, command, args, options = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  console.log(
    `◀ ${label}: ${result.status === 0 ? 'ok' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return result.status === 0;
}

let chromePath;
try {
  chromePath = findBrowser();
} catch (error) {
  console.error(`\n${error.message}`);
  process.exit(1);
}
process.env.CHROME_PATH = chromePath;
process.env.DATABASE_URL_TEST ??= 'postgres://postgres@127.0.0.1:5432/test';
console.log(`Browser: ${chromePath}`);
console.log(
  `PostgreSQL for tests: ${process.env.DATABASE_URL_TEST}${process.env.CI ? ' (required: CI=true)' : ' (skipped if unreachable)'}`,
);

const linted = run('lint (eslint, knip, dependency-cruiser)', 'npm', ['run', 'lint', '--silent']);
if (!linted) {
  console.error('\nLint failed; no tests were run (npm run lint shows the same).');
  console.log('\nTests: 0 passed, 1 failed');
  process.exit(1);
}

const built = run('build', 'npm', ['run', 'build', '--silent']);
if (!built) {
  console.error('\nThe build failed; no tests were run.');
  console.log('\nTests: 0 passed, 1 failed');
  process.exit(1);
}

// The build type-checks the sources; this checks the tests too (DESIGN: a tsconfig that includes them).
const typed = run('type check (tsc, tests included)', 'npm', ['run', 'typecheck', '--silent']);
if (!typed) {
  console.error('\nThe type check failed; no tests were run (npm run typecheck shows the same).');
  console.log('\nTests: 0 passed, 1 failed');
  process.exit(1);
}

const vitestReport = join(reports, 'vitest.json');
const nodeOk = run('node tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);

const browserReport = join(reports, 'wtr.json');
const browserOk = run(
  'browser tests (web-test-runner)',
  'npx',
  ['web-test-runner', '--config', 'web-test-runner.config.mjs'],
  {
    cwd: join(root, 'packages/widgets'),
    env: { ...process.env, COMPTOIR_WTR_REPORT: browserReport },
  },
);

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
if (existsSync(browserReport)) {
  const report = JSON.parse(readFileSync(browserReport, 'utf8'));
  counts.passed += report.passed;
  counts.failed += report.failed;
  counts.skipped += report.skipped;
}
const ok = nodeOk && browserOk;
if (!ok && counts.failed === 0) counts.failed = 1; // a suite that crashed before reporting
console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok ? 0 : 1);
