import { defineConfig } from 'vitest/config';

// Workspace packages resolve each other's TypeScript source through the `comptoir-source`
// export condition, so tests need no build step.
const conditions = ['comptoir-source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  // Vitest hands ssr.resolve.conditions to Node as --conditions, where 'import' and 'module' make
  // require() inside CommonJS packages load their ESM builds (pg's require('pg-pool') breaks).
  // Vite adds import/require per import itself, so the server side keeps only these.
  ssr: {
    resolve: {
      conditions: ['comptoir-source', 'node'],
      externalConditions: ['comptoir-source', 'node'],
    },
  },
  test: {
    include: [
      'packages/sdk/src/**/*.test.ts',
      'packages/server/src/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    setupFiles: ['test/setup/fail-on-console.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
