#!/usr/bin/env node
// Builds dist/ with tsc only when it is older than its sources, so `npm start` starts at once when
// nothing changed. dist/ is stale when a source file under src/ (tests aside) has no compiled
// file in dist/ or one older than itself, or when a tsconfig is newer than dist/cli/index.js.
//
//   node scripts/build-if-stale.mjs           build if stale
//   node scripts/build-if-stale.mjs --check   only say: exit 0 up to date, 1 stale (and why)
//   --root <dir>                              the project folder (default: the current one)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const args = process.argv.slice(2);
const check = args.includes('--check');
const rootAt = args.indexOf('--root');
const root = resolve(rootAt >= 0 && args[rootAt + 1] ? args[rootAt + 1] : '.');

/** Why dist/ is stale, or null when it is up to date. */
function staleness() {
  const entry = join(root, 'dist', 'cli', 'index.js');
  if (!existsSync(entry)) return 'no dist/cli/index.js';
  const built = statSync(entry).mtimeMs;
  for (const config of ['tsconfig.json', 'tsconfig.build.json']) {
    const path = join(root, config);
    if (existsSync(path) && statSync(path).mtimeMs > built) return `${config} changed`;
  }
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const source of walk(join(root, 'src'))) {
    if (!source.endsWith('.ts') || source.endsWith('.test.ts') || source.endsWith('.d.ts')) continue;
    const rel = relative(join(root, 'src'), source);
    const output = join(root, 'dist', rel.replace(/\.ts$/, '.js'));
    if (!existsSync(output)) return `no dist/${relative(join(root, 'dist'), output)}`;
    if (statSync(output).mtimeMs < statSync(source).mtimeMs) return `src/${rel} changed`;
  }
  return null;
}

const reason = staleness();
if (check) {
  process.stdout.write(reason ? `stale: ${reason}\n` : 'up to date\n');
  process.exit(reason ? 1 : 0);
}
if (reason) {
  process.stderr.write(`building dist/ (${reason})\n`);
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  process.exit(result.status ?? 1);
}
