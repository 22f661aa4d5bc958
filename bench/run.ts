/**
 * `npm run bench`: speed and memory on generated data (no network, nothing outside the repo).
 * Usage: npm run bench [-- name...]   (names: extract, ingest, warc, dedup, cluster, scale, factsheet, fetch, api, sheets, startup, text, languages, writers, page, store, hostile)
 * Each benchmark runs in its own child process so that peak memory figures are its own.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BENCHES = ['extract', 'ingest', 'warc', 'dedup', 'cluster', 'scale', 'factsheet', 'fetch', 'api', 'sheets', 'startup', 'text', 'languages', 'writers', 'page', 'store', 'hostile'];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : BENCHES;
console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}); figures are single-threaded, so per core`);
let failed = false;
for (const name of names) {
  if (!BENCHES.includes(name)) {
    console.error(`unknown benchmark "${name}"; known: ${BENCHES.join(', ')}`);
    failed = true;
    continue;
  }
  console.log(`\n## ${name}`);
  const file = resolve(here, `${name}.ts`);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', '-e', `import(${JSON.stringify(file)}).then((m) => m.run()).catch((e) => { console.error(e); process.exit(1); })`],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
