// Browser tests for the widgets, in Debian's Chromium (see scripts/find-browser.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';

/** Writes pass/fail/skip counts to COMPTOIR_WTR_REPORT so `npm test` can add them up. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const visit = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite.suites) visit(child);
      };
      for (const session of sessions) {
        if (session.testResults) visit(session.testResults);
        else counts.failed++; // the file failed to load
      }
      if (process.env.COMPTOIR_WTR_REPORT) writeFileSync(process.env.COMPTOIR_WTR_REPORT, JSON.stringify(counts));
    },
  };
}

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['comptoir-source', 'browser', 'import', 'default'] },
  rootDir: '../../', // serve the hoisted node_modules of the monorepo
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findBrowser(), headless: true, args: [
        ...CHROMIUM_ARGS,
        // Two test pages run at once: keep the one in the background painting (rAF, layout shifts).
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
        '--disable-background-timer-throttling',
      ] },
    }),
  ],
  concurrency: 1, // a second page in the same browser is a background tab: no animation frames, flaky timeouts
  reporters: [defaultReporter(), summaryReporter({ flatten: true }), countingReporter()],
  testFramework: { config: { timeout: 5000 } },
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
};
