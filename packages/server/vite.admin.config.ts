import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/admin/', import.meta.url));

// The merchant config page: static files in dist/admin, served by the server at /admin.
// `comptoir-source` makes the workspace packages resolve to their TypeScript sources.
export default defineConfig({
  root,
  base: '/admin/',
  resolve: { conditions: ['comptoir-source', 'module', 'browser', 'import', 'default'] },
  build: {
    outDir: fileURLToPath(new URL('./dist/admin/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    rolldownOptions: { output: { minify: true } },
  },
  server: {
    // `vite -c vite.admin.config.ts` for development against a running `comptoir serve`.
    proxy: {
      '/v1': 'http://localhost:8787',
      '/embed.js': 'http://localhost:8787',
      '/chunks': 'http://localhost:8787',
    },
  },
});
