// dependency-cruiser: the architecture as rules, checked by `npm run lint`.
// Workspace packages resolve to their TypeScript source (the `comptoir-source` condition), so a
// package import lands on the file its `exports` names: the "public exports only" rules check that.

const { readFileSync } = require('node:fs');

/** The source files a workspace package's `exports` point at (its `comptoir-source` paths). */
function entriesOf(folder) {
  const { exports } = JSON.parse(readFileSync(`${folder}/package.json`, 'utf8'));
  const files = Object.values(exports)
    .map((target) => (typeof target === 'object' ? target['comptoir-source'] : undefined))
    .filter((file) => typeof file === 'string')
    .map((file) => `${folder}/${file.replace(/^\.\//, '')}`.replace(/[.]/g, '\\.'));
  return `^(${files.join('|')})$`;
}

/** The files the sdk's `exports` point at. */
const SDK_ENTRIES = entriesOf('packages/sdk');

/** The files a package's `exports` point at: its public entry points. */
const PUBLIC_ENTRIES = [
  SDK_ENTRIES,
  entriesOf('packages/widgets'),
  entriesOf('packages/server'),
].join('|');

/** The server's email rendering: pure functions the config page's preview uses too. */
const EMAIL_RENDERER =
  '^packages/server/src/email/(render|escape|restore-url|translations|templates/[^/]+)\\.ts$';

/** Modules that do I/O: the network, files, processes, the HTTP client. */
const IO_MODULES =
  '^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|child_process|cluster|worker_threads|tls|readline|process)$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles, type-only imports included: each module builds on the ones below.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-calendar-and-money',
      severity: 'error',
      comment:
        'sdk/calendar and sdk/money are pure functions (`now` is a parameter): no I/O, no client, ' +
        'no npm package at run time (tests may use their runners).',
      from: { path: '^packages/sdk/src/(calendar|money)/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: '^packages/sdk/src/(calendar|money)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'pure-calendar-and-money-core',
      severity: 'error',
      comment: 'sdk/calendar and sdk/money touch no file, socket or process.',
      from: { path: '^packages/sdk/src/(calendar|money)/' },
      to: { dependencyTypes: ['core'], path: IO_MODULES },
    },
    {
      name: 'sdk-stands-alone',
      severity: 'error',
      comment: 'The sdk is the bottom layer: it imports no other workspace package.',
      // The client's own tests answer it with the real app (`app.request`), as STYLE.md asks.
      from: { path: '^packages/sdk/src/', pathNot: '^packages/sdk/src/client/client\\.test\\.ts$' },
      to: { path: '^(packages/(widgets|server)|demo)/' },
    },
    {
      name: 'widgets-import-only-the-sdk',
      severity: 'error',
      comment: 'The widgets build on the sdk alone, through its public exports.',
      from: { path: '^packages/widgets/src/' },
      to: {
        path: '^(packages/(server|sdk)|demo)/',
        pathNot: SDK_ENTRIES,
      },
    },
    {
      name: 'demo-uses-public-exports',
      severity: 'error',
      comment: 'The demo is a shop: it uses the packages as a shop would, through their exports.',
      from: { path: '^demo/' },
      to: { path: '^packages/', pathNot: PUBLIC_ENTRIES },
    },
    {
      name: 'config-page-uses-public-exports',
      severity: 'error',
      comment:
        'The config page is a browser app on the sdk and widgets: their public exports only, ' +
        'and nothing of the server it is served by.',
      // Its tests drive the built page through the real server.
      from: { path: '^packages/server/src/admin/', pathNot: '\\.test\\.ts$' },
      to: {
        path: '^(packages/|demo/)',
        // The live preview renders emails with the server's own renderer, so it shows exactly
        // what is sent; that renderer is kept browser-safe by the rule below.
        pathNot: [PUBLIC_ENTRIES, '^packages/server/src/admin/', EMAIL_RENDERER].join('|'),
      },
    },
    {
      name: 'email-renderer-is-browser-safe',
      severity: 'error',
      comment:
        'The email renderer also runs in the config page: no Node API, nothing of the server ' +
        'beyond itself, the sdk through its exports.',
      from: { path: EMAIL_RENDERER },
      to: {
        pathNot: [EMAIL_RENDERER, SDK_ENTRIES].join('|'),
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'server-does-not-import-the-config-page',
      severity: 'error',
      comment: 'The server serves the built config page as files; it imports none of its code.',
      from: { path: '^packages/server/src/', pathNot: '^packages/server/src/admin/' },
      to: { path: '^packages/server/src/admin/' },
    },
    {
      name: 'storage-is-the-bottom-layer',
      severity: 'error',
      comment:
        "The server's storage (tables, queries, ids and keys, migrations) builds on the sdk " +
        'alone: it imports no route, middleware, worker, email or other part of the server.',
      from: { path: '^packages/server/src/storage/' },
      to: { path: '^packages/server/src/', pathNot: '^packages/server/src/storage/' },
    },
    {
      name: 'http-is-the-top-layer',
      severity: 'error',
      comment:
        'The parts below the API (storage, the worker, email, orders, lifecycle, webhooks out) ' +
        'import nothing of http/: the routes call them, never the other way.',
      // Their tests drive the flows through the real app (`http/test-app.ts`).
      from: {
        path: '^packages/server/src/(storage|worker|email|orders|lifecycle|webhooks)/',
        pathNot: '(\\.test|/test-[^/]+)\\.ts$',
      },
      to: { path: '^packages/server/src/http/' },
    },
    {
      name: 'src-does-not-import-bench-or-tests',
      severity: 'error',
      comment: 'Benchmarks and cross-package tests sit outside the packages; nothing imports them.',
      from: { path: '^packages/' },
      to: { path: '^(bench|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['comptoir-source', 'import', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.d.mts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
