// Loaded before the test framework in every browser test page (web-test-runner.config.mjs): a
// test during which the code logs a warning or an error that the test did not ask for fails, as
// in the node suites (test/setup/fail-on-console.ts). A test that expects a warning takes it with
// `captureWarnings()` (testing/fixtures.ts), so it never reaches this recorder.

interface MochaHookContext {
  test?: { error(error: Error): void };
}
interface MochaGlobal {
  suite: {
    beforeEach(hook: () => void): void;
    afterEach(hook: (this: MochaHookContext) => void): void;
  };
}

const unexpected: string[] = [];

function describeArgument(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

for (const method of ['warn', 'error'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    unexpected.push(`console.${method}: ${args.map(describeArgument).join(' ')}`);
    original(...args);
  };
}

// The framework's bundled Mocha assigns the global `mocha` as it loads, before any test file is
// imported: hook into its root suite right then.
const hooked = new WeakSet<object>();
let current: MochaGlobal | undefined;
Object.defineProperty(globalThis, 'mocha', {
  configurable: true,
  get: () => current,
  set(value: MochaGlobal) {
    current = value;
    if (!value?.suite || hooked.has(value)) return;
    hooked.add(value);
    value.suite.beforeEach(() => {
      unexpected.length = 0;
    });
    value.suite.afterEach(function failOnUnexpectedConsole() {
      if (unexpected.length === 0) return;
      const error = new Error(`Unexpected console output:\n${unexpected.join('\n')}`);
      unexpected.length = 0;
      // Fails this test (Mocha's hook error), without stopping the tests after it.
      this.test?.error(error);
    });
  },
});
