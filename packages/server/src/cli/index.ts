#!/usr/bin/env node
import { isDatabaseUrlError } from '../storage/database.js';
import { isMigrationError } from '../storage/migrations/index.js';
import { backupCommand, backupHelp } from './backup.js';
import { migrateCommand, migrateHelp } from './migrate.js';
import { serveCommand, serveHelp } from './serve.js';
import { shopCreateCommand, shopCreateHelp } from './shop-create.js';
import { isUsageError } from './usage.js';
import { workerCommand, workerHelp } from './worker.js';

const help = `Usage: comptoir <command> [options]

Commands:
  serve         run the API, config page, widget files and recovery worker
  worker        run the recovery worker only
  migrate       apply database migrations
  shop create   create a shop and print its keys
  backup        copy the SQLite database while it runs (online backup)

Run comptoir <command> --help for a command's options.`;

const commands: Record<string, { run: (args: string[]) => Promise<void>; help: string }> = {
  serve: { run: serveCommand, help: serveHelp },
  worker: { run: workerCommand, help: workerHelp },
  migrate: { run: migrateCommand, help: migrateHelp },
  'shop create': { run: shopCreateCommand, help: shopCreateHelp },
  backup: { run: backupCommand, help: backupHelp },
};

function findCommand(argv: string[]) {
  const two = argv.slice(0, 2).join(' ');
  if (commands[two]) return { command: commands[two], args: argv.slice(2), name: two };
  const one = argv[0] ?? '';
  if (commands[one]) return { command: commands[one], args: argv.slice(1), name: one };
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(help);
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    console.error(`comptoir: unknown command "${argv.join(' ')}"\n\n${help}`);
    return 2;
  }
  try {
    await found.command.run(found.args);
    return 0;
  } catch (error) {
    if (isUsageError(error)) {
      console.error(`comptoir ${found.name}: ${error.message}\n\n${found.command.help}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`comptoir ${found.name}: ${message}`);
    if (
      !isDatabaseUrlError(error) &&
      !isMigrationError(error) &&
      error instanceof Error &&
      process.env.LOG_LEVEL === 'debug'
    ) {
      console.error(error.stack);
    }
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
