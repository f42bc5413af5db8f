#!/usr/bin/env node
// The `comptoir` command. It lives outside dist/ so that npm links it at install time, before the
// first build; the CLI itself is compiled to dist/cli/index.js.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(cli)) {
  console.error(
    'comptoir: the server is not built yet. Run `npm run build` in the repository first.',
  );
  process.exit(1);
}
await import(cli.href);
