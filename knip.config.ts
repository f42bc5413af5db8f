// knip: unused files, exports and dependencies, run by `npm run lint`.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  // An export the file itself uses is part of its shape, not dead code.
  ignoreExportsUsedInFile: true,
  // Hand-written declarations that let TypeScript import the plain .mjs files beside them.
  ignore: ['demo/*.d.mts', 'scripts/*.d.mts', '**/dist/**'],
  ignoreIssues: {
    // Error classes come with their type guard (STYLE.md), used or not yet.
    'packages/server/src/storage/secret-box.ts': ['exports'],
    // inRetriedTransaction: landed with the group commit's retry for the public writes to use.
    'packages/server/src/storage/transaction-retry.ts': ['exports'],
    // Event webhooks out landed in parts: emitting and retry timing are wired by the next one.
    'packages/server/src/webhooks/emit.ts': ['files'],
    'packages/server/src/webhooks/attempt.ts': ['exports'],
  },
  // find-browser.mjs suggests `apt-get install chromium` in its message.
  ignoreBinaries: ['apt-get'],
  workspaces: {
    '.': {
      entry: ['scripts/*.mjs', 'bench/*.bench.ts', 'test/**/*.test.ts', 'test/setup/*.ts'],
      project: ['scripts/**', 'bench/**', 'test/**'],
      // The benchmarks and cross-package tests use the server's own dependencies (hoisted).
      // autocannon ships no types: the server bench loads it with createRequire.
      ignoreDependencies: [
        '@hono/node-server',
        'autocannon',
        'better-sqlite3',
        'esbuild',
        'hono',
        'kysely',
        'nodemailer',
        'pg',
        'smtp-server',
      ],
    },
    'packages/sdk': {
      project: ['src/**/*.ts'],
    },
    'packages/widgets': {
      entry: [
        'src/loader.ts',
        'src/**/*.test.ts',
        // Pages the browser tests open in a frame.
        'src/testing/*.ts',
        'web-test-runner.config.mjs',
      ],
      project: ['src/**/*.ts'],
    },
    'packages/server': {
      entry: [
        'src/cli/index.ts',
        'src/worker/worker-child.ts',
        'src/**/*.test.ts',
        // Kysely's migrator calls each migration's up and down.
        'src/storage/migrations/[0-9]*.ts',
      ],
      project: ['src/**/*.ts'],
    },
    demo: {
      entry: ['server.mjs', 'seed.mjs', 'assets/*.js'],
    },
  },
};

export default config;
