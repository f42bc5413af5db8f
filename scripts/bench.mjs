// `npm run bench`: builds, then runs every benchmark in bench/ one after the other (they compete
// for the same two cores otherwise) and ends with a PASS/FAIL line per budget. Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const benches = readdirSync(new URL('../bench', import.meta.url))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status !== 0) {
  console.error('The build failed; no benchmark was run.');
  process.exit(1);
}

const failed = [];
for (const file of benches) {
  console.log(`\n▶ bench/${file}`);
  const result = spawnSync('npx', ['tsx', '--conditions=comptoir-source', `bench/${file}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed.push(file);
}
console.log(
  failed.length === 0
    ? `\nAll ${benches.length} benchmarks within budget.`
    : `\nOver budget or failed: ${failed.join(', ')}`,
);
process.exit(failed.length === 0 ? 0 : 1);
