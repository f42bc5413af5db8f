/** A command line that does not parse: the CLI prints it with the usage and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** True when `error` is a {@link UsageError}. */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError';
}

/** Runs a `parseArgs` call, turning node's errors into {@link UsageError}s. */
export function parseOrExplain<Parsed>(parse: () => Parsed): Parsed {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The `--help` option every command takes. */
export const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

/** Waits for SIGINT or SIGTERM, then runs `stop` once. */
export function stopOnSignal(stop: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const handler = () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      void stop().then(resolve);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}
