import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpointing thread copies the WAL into the database file, by default. */
export const CHECKPOINT_INTERVAL_MS = 100;

/**
 * The WAL size (pages of 4 KB) at which a commit on the server's own connection checkpoints
 * anyway: only reached if the thread falls behind or is gone, so the WAL stays bounded (40 MB).
 */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;

/** A running checkpointing thread. */
export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

// The thread's code: CommonJS, as `eval` workers are, so it runs the same under tsx, vitest and
// the built package. It loads the very better-sqlite3 the server does.
const THREAD = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLITE_BUSY (a backup or another checkpoint running): the next turn tries again.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints a WAL-mode SQLite file from a thread of its own. A checkpoint copies the WAL's pages
 * into the database file and syncs both to disk (synchronous=NORMAL); run by the commit that
 * crosses `wal_autocheckpoint`, it stalls the event loop for that fsync, every few hundred
 * captures, 10–50 ms each on this machine's disk: half of the commit time of cart captures (see
 * bench/server.bench.ts). A `PASSIVE` checkpoint never blocks a writer or a reader, so the server's
 * connection keeps committing meanwhile, and the WAL, fully copied, restarts from its beginning
 * at the next commit. Kept small, it also keeps commits fast: lookups in a long WAL slow them.
 */
export function startBackgroundCheckpoints(
  file: string,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): BackgroundCheckpoints {
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: { betterSqlite3, file, intervalMs },
  });
  // A thread that fails (the file deleted under it) leaves the backstop checkpoints to the server.
  worker.on('error', () => undefined);
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop() {
      // Waited for, the thread must keep the process alive until it is done: unref'd, a process
      // with nothing else to do would exit mid-await (code 13, an unsettled top-level await).
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
