/**
 * `npm run eval`: quality figures on the public labelled sets in ../shared/eval-data.
 * Each evaluation prints its own table, or one line saying it was skipped when its data is absent.
 * Usage: npm run eval [-- name...]   (names: extraction, copies, clustering, quotes, quantities, figures, quote-integrity)
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sharedDir = resolve(process.env.CROSSCHECK_SHARED ?? resolve(here, '..', '..', 'shared'));

const EVALS: Record<string, () => Promise<{ run: (sharedDir: string) => Promise<void> }>> = {
  extraction: () => import('./extraction.js'),
  copies: () => import('./copies.js'),
  clustering: () => import('./clustering.js'),
  quotes: () => import('./quotes.js'),
  quantities: () => import('./quantities.js'),
  figures: () => import('./figures.js'),
  'quote-integrity': () => import('./quote-integrity.js'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(EVALS);
if (!existsSync(resolve(sharedDir, 'eval-data'))) {
  console.log(`eval-data not found under ${sharedDir}: every evaluation is skipped (set CROSSCHECK_SHARED to its parent folder)`);
}
let failed = false;
for (const name of names) {
  const load = EVALS[name];
  if (!load) {
    console.error(`unknown evaluation "${name}"; known: ${Object.keys(EVALS).join(', ')}`);
    failed = true;
    continue;
  }
  console.log(`\n## ${name}`);
  const started = Date.now();
  try {
    const mod = await load();
    await mod.run(sharedDir);
  } catch (error) {
    failed = true;
    console.error(`evaluation ${name} failed: ${(error as Error).stack ?? String(error)}`);
  }
  console.log(`(${name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exitCode = failed ? 1 : 0;
