// Browser tests for the widgets, in Debian's Chromium (see scripts/find-browser.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
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
      if (process.env.COMPTOIR_WTR_REPORT)
        writeFileSync(process.env.COMPTOIR_WTR_REPORT, JSON.stringify(counts));
    },
  };
}

/**
 * React and react-dom ship CommonJS only, which the browser cannot import. For the React wrappers'
 * test, `react`, `react-dom` (`flushSync`) and `react-dom/client` resolve to ES modules re-exporting one esbuild bundle of
 * both (one React instance), with React's named exports listed from Node's copy.
 */
function reactAsEsm() {
  const require = createRequire(import.meta.url);
  const bundlePath = '/__comptoir-react/bundle.js';
  const modules = {
    react: '/__comptoir-react/react.js',
    'react-dom': '/__comptoir-react/react-dom.js',
    'react-dom/client': '/__comptoir-react/react-dom-client.js',
  };
  // Read now: once the runner has wrapped `console`, loading React in Node throws.
  const reactNames = Object.keys(require('react')).filter((name) =>
    /^[A-Za-z_$][\w$]*$/.test(name),
  );
  let bundle;
  return {
    name: 'comptoir-react-as-esm',
    resolveImport({ source }) {
      return modules[source];
    },
    async serve({ path }) {
      if (path === bundlePath) {
        bundle ??= build({
          stdin: {
            contents:
              "import React from 'react'; import { flushSync } from 'react-dom'; import { createRoot } from 'react-dom/client'; export { React, createRoot, flushSync };",
            resolveDir: fileURLToPath(new URL('.', import.meta.url)),
          },
          bundle: true,
          format: 'esm',
          write: false,
          define: { 'process.env.NODE_ENV': '"development"' },
        }).then((result) => result.outputFiles[0].text);
        return { body: await bundle, type: 'js' };
      }
      if (path === modules.react) {
        return {
          body: `import { React } from '${bundlePath}';\nexport default React;\nexport const { ${reactNames.join(', ')} } = React;\n`,
          type: 'js',
        };
      }
      if (path === modules['react-dom']) {
        return { body: `export { flushSync } from '${bundlePath}';\n`, type: 'js' };
      }
      if (path === modules['react-dom/client']) {
        return { body: `export { createRoot } from '${bundlePath}';\n`, type: 'js' };
      }
    },
  };
}

export default {
  files: ['src/**/*.test.ts'],
  // The console recorder loads first, so a test that logs an unexpected warning or error fails.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><body>` +
    `<script type="module" src="/packages/widgets/src/testing/fail-on-console.ts"></script>` +
    `<script type="module" src="${testFramework}"></script></body></html>`,
  nodeResolve: { exportConditions: ['comptoir-source', 'browser', 'import', 'default'] },
  rootDir: '../../', // serve the hoisted node_modules of the monorepo
  plugins: [
    reactAsEsm(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findBrowser(),
        headless: true,
        args: [
          ...CHROMIUM_ARGS,
          // Two test pages run at once: keep the one in the background painting (rAF, layout shifts).
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
          '--disable-background-timer-throttling',
        ],
      },
    }),
  ],
  concurrency: 1, // a second page in the same browser is a background tab: no animation frames, flaky timeouts
  reporters: [defaultReporter(), summaryReporter({ flatten: true }), countingReporter()],
  testFramework: { config: { timeout: 5000 } },
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
};
