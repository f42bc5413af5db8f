import { afterEach, beforeEach, vi } from 'vitest';

// A test that makes the code log an unexpected warning or error fails: silence is part of the
// contract. Tests that expect a log replace the spy with their own (`vi.spyOn(console, 'warn')`).
const unexpected: string[] = [];

beforeEach(() => {
  unexpected.length = 0;
  for (const method of ['warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      unexpected.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (unexpected.length > 0) {
    throw new Error(`Unexpected console output:\n${unexpected.join('\n')}`);
  }
});
