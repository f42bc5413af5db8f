import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const apiScript = fileURLToPath(new URL('./api-process.ts', import.meta.url));
const cliScript = fileURLToPath(new URL('../../packages/server/src/cli/index.ts', import.meta.url));
const clockOffsetScript = fileURLToPath(new URL('./clock-offset.ts', import.meta.url));
/** Node runs the TypeScript sources (workspace packages through their `comptoir-source` export). */
const nodeArgs = ['--conditions=comptoir-source', '--import', 'tsx'];

/** A child process of the test: an API server, `comptoir serve` or a `comptoir worker`. */
export interface TestProcess {
  name: string;
  child: ChildProcess;
  /** The API's base URL (API processes only). */
  url: string;
  /**
   * What the process logged at warn level or above (pino's JSON lines; printed as they come with
   * `COMPTOIR_TEST_LOGS=1`) and everything it wrote to stderr (printed always: a crash).
   */
  problems: string[];
  /** Resolves with the exit code, or the signal's name. */
  exited: Promise<number | string>;
  /** SIGTERM, then the exit code (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | string>;
  kill(): Promise<number | string>;
}

const running = new Set<TestProcess>();

/** A pino line's level (40 warn, 50 error); 0 for anything else. */
function levelOf(line: string): number {
  try {
    return Number((JSON.parse(line) as { level?: unknown }).level) || 0;
  } catch {
    return 0;
  }
}

function start(
  name: string,
  args: string[],
  env: Record<string, string>,
  readyWhen: (line: string) => string | undefined,
  timeoutMs = 75_000,
): Promise<TestProcess> {
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const handle: TestProcess = {
    name,
    child,
    url: '',
    problems: [],
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  createInterface({ input: child.stderr! }).on('line', (line) => {
    handle.problems.push(line);
    process.stderr.write(`[${name}] ${line}\n`);
  });
  return new Promise<TestProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} was not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = readyWhen(line);
      if (url !== undefined) {
        clearTimeout(timer);
        handle.url = url;
        resolve(handle);
        return;
      }
      if (line.startsWith('{') && levelOf(line) >= 40) {
        handle.problems.push(line);
        if (process.env.COMPTOIR_TEST_LOGS) process.stderr.write(`[${name}] ${line}\n`);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (${code})`));
    });
  });
}

/** Starts an API process (test/processes/api-process.ts: `startServer` without the worker). */
export function startApiProcess(
  name: string,
  env: { DATABASE_URL: string; CLOCK_OFFSET_MS?: string; RATE_LIMITS?: string },
): Promise<TestProcess> {
  return start(name, [apiScript], env, (line) =>
    line.startsWith('listening ') ? line.slice('listening '.length) : undefined,
  );
}

/**
 * Starts `comptoir serve --no-worker --port 0` (the CLI from source) as docs/deploy.md runs each
 * API process, behind a proxy (`TRUST_PROXY=1`: the client address is the last
 * `X-Forwarded-For` entry), with the default rate limits. `CLOCK_OFFSET_MS` skews the process's
 * clock (test/processes/clock-offset.ts, preloaded). Ready when it logs that it is listening.
 */
export function startServeProcess(
  name: string,
  env: { DATABASE_URL: string; CLOCK_OFFSET_MS?: string; PUBLIC_URL?: string },
): Promise<TestProcess> {
  return start(
    name,
    ['--import', clockOffsetScript, cliScript, 'serve', '--no-worker', '--port', '0'],
    { TRUST_PROXY: '1', ...env, LOG_LEVEL: 'info' },
    (line) => {
      if (!line.includes('"comptoir is listening"')) return undefined;
      return (JSON.parse(line) as { url: string }).url;
    },
  );
}

/** Starts `comptoir worker` (the CLI from source) on `DATABASE_URL`, sending through `SMTP_URL`. */
export function startWorkerProcess(
  name: string,
  env: { DATABASE_URL: string; SMTP_URL: string; PUBLIC_URL?: string },
): Promise<TestProcess> {
  // The worker says it started at info level; warnings and errors are forwarded as for the API.
  return start(
    name,
    [cliScript, 'worker'],
    { PUBLIC_URL: 'https://api.example', ...env, LOG_LEVEL: 'info' },
    (line) => (/"msg":"(recovery worker|background task) started"/.test(line) ? '' : undefined),
  );
}

/** SIGKILLs every process a test left running (for `afterEach`/`afterAll`). */
export async function killAllProcesses(): Promise<void> {
  await Promise.all([...running].map((process) => process.kill()));
}
