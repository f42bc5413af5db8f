import { defineConfig } from 'vitest/config';

// Workspace packages resolve each other's TypeScript source through the `comptoir-source`
// export condition, so tests need no build step.
const conditions = ['comptoir-source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['packages/sdk/src/**/*.test.ts', 'packages/server/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    setupFiles: ['test/setup/fail-on-console.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
