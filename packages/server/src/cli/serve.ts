import { startServer } from '../server.js';
import { parseArgs } from 'node:util';
import { helpOption, parseOrExplain, stopOnSignal, UsageError } from './usage.js';

/** `comptoir serve --help`. */
export const serveHelp = `Usage: comptoir serve [--port 8787] [--host 127.0.0.1] [--no-worker]

Runs the API, the config page at /admin, the widgets' embed.js, and the recovery worker.

Options:
  --port N      port to listen on (default: $PORT or 8787)
  --host HOST   address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)
  --no-worker   do not run the recovery worker in this process
  -h, --help    show this help

Environment: DATABASE_URL, PUBLIC_URL, SMTP_URL, PORT, LOG_LEVEL, MAIL_FROM (the recovery
emails' sender address; default no-reply@<PUBLIC_URL host>), and TRUST_PROXY (unset: the client
IP is the socket's; 1 behind one reverse proxy, N behind a chain of N, so the rate limits read the
address X-Forwarded-For got from the outermost one).`;

/** `comptoir serve`: runs until SIGINT or SIGTERM. */
export async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseOrExplain(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        ...helpOption,
        port: { type: 'string' },
        host: { type: 'string' },
        'no-worker': { type: 'boolean' },
      },
    }),
  );
  if (values.help) return void console.log(serveHelp);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new UsageError(`--port must be a port number, not "${values.port}"`);
  }
  const server = await startServer({
    ...(port === undefined ? {} : { port }),
    ...(values.host ? { host: values.host } : {}),
    withWorker: !values['no-worker'],
  });
  await stopOnSignal(() => server.close());
}
