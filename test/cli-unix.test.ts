import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEta, plural } from '../src/cli/output.js';
import { REPO_ROOT, runCrosscheck } from './helpers/cli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-unix-'));
const ENTRY = resolve(REPO_ROOT, 'src', 'cli', 'index.ts');

/** Runs the CLI with its stdout pipe closed by the reader before anything is written. */
function runWithClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('crosscheck in pipes and scripts', () => {
  let db = '';
  beforeAll(async () => {
    db = join(tmp(), 'cc.db');
    const ingest = await runCrosscheck(['ingest', join(REPO_ROOT, 'examples'), '--db', db, '--date', '2026-10-14', '--json']);
    expect(ingest.code).toBe(0);
  }, 240_000);

  it.each([['export'], ['articles'], ['articles', '--json'], ['stories'], ['story', '1', '--format', 'md']])(
    'ends quietly when the reader closes the pipe: %s',
    async (...args) => {
      const result = await runWithClosedPipe([...args, '--db', db]);
      expect(result.stderr).not.toMatch(/EPIPE|Error|at .*\.(?:ts|js):\d+/);
      expect(result.code).toBe(0);
    },
    120_000,
  );

  it.each([['stories'], ['story', '1'], ['articles'], ['article', '1'], ['export'], ['feeds'], ['doctor']])(
    'a read-only command never creates a store: %s with a mistyped --db is an error naming the path',
    async (...args) => {
      const missing = join(tmp(), 'typo', 'crosscheck.db');
      const result = await runCrosscheck([...args, '--db', missing]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(missing);
      expect(result.stdout).toBe('');
      expect(existsSync(missing)).toBe(false);
      expect(existsSync(join(missing, '..'))).toBe(false);
    },
    120_000,
  );

  it('says "1 new story" and "1 article", not "1 new stories"', async () => {
    const dir = tmp();
    const one = join(dir, 'one.txt');
    writeFileSync(one, 'The council approved the new library budget on Tuesday, the mayor said.\n\nBuilding starts in spring.');
    const store = join(dir, 'one.db');
    const ingest = await runCrosscheck(['ingest', one, '--db', store, '--date', '2026-05-05']);
    expect(ingest.code).toBe(0);
    expect(ingest.stderr).toMatch(/1 article assigned to stories: 1 new story, 0 copies of earlier articles, 0 merges/);
    expect(ingest.stderr).not.toMatch(/1 new stories|1 articles|1 merges/);
    const articles = await runCrosscheck(['articles', '--db', store]);
    expect(articles.stdout).toMatch(/\n1 article\n$/);
    const story = await runCrosscheck(['story', '1', '--db', store, '--passages-only']);
    expect(story.stdout).toMatch(/1 article from 0 outlets|1 article from 1 outlet\b/);
  }, 120_000);
});

describe('plural', () => {
  it.each([
    [0, 'story', 'stories', '0 stories'],
    [1, 'story', 'stories', '1 story'],
    [2, 'story', 'stories', '2 stories'],
    [1, 'article', undefined, '1 article'],
    [3, 'article', undefined, '3 articles'],
  ])('%i %s', (count, one, many, expected) => {
    expect(plural(count, one, many)).toBe(expected);
  });
});

describe('formatEta', () => {
  it.each([
    [0, 10, 5000, '…'], // no rate yet: never "NFs"
    [5, 10, 0, '…'],
    [10, 10, 5000, '0s'],
    [5, 10, 5000, '5s'],
    [1, 10, 10_000, '1m30s'],
    [1, 100, 60_000, '1h39m'],
  ])('%i of %i after %i ms is %s', (done, total, elapsed, expected) => {
    expect(formatEta(done, total, elapsed)).toBe(expected);
    expect(formatEta(done, total, elapsed)).not.toMatch(/NF|NaN|Infinity/);
  });
});

describe('npm start builds only a stale dist/', () => {
  const script = join(REPO_ROOT, 'scripts', 'build-if-stale.mjs');
  const check = (root: string): { code: number | null; out: string } => {
    const result = spawnSync(process.execPath, [script, '--check', '--root', root], { encoding: 'utf8' });
    return { code: result.status, out: result.stdout };
  };
  const at = (path: string, seconds: number): void => utimesSync(path, seconds, seconds);

  it('is up to date when every source has a newer compiled file, stale otherwise', () => {
    const root = tmp();
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    for (const f of ['src/cli/index.ts', 'src/cli/index.test.ts', 'tsconfig.json', 'dist/cli/index.js']) writeFileSync(join(root, f), '');
    at(join(root, 'src/cli/index.ts'), 1000);
    at(join(root, 'src/cli/index.test.ts'), 3000); // tests are not built
    at(join(root, 'tsconfig.json'), 1000);
    at(join(root, 'dist/cli/index.js'), 2000);
    expect(check(root)).toEqual({ code: 0, out: 'up to date\n' });

    at(join(root, 'src/cli/index.ts'), 2500);
    expect(check(root)).toEqual({ code: 1, out: 'stale: src/cli/index.ts changed\n' });
    at(join(root, 'src/cli/index.ts'), 1000);

    writeFileSync(join(root, 'src/cli/new-module.ts'), '');
    at(join(root, 'src/cli/new-module.ts'), 1000);
    expect(check(root)).toEqual({ code: 1, out: 'stale: no dist/cli/new-module.js\n' });
  });

  it('is stale without dist/', () => {
    const root = tmp();
    mkdirSync(join(root, 'src'), { recursive: true });
    expect(check(root).code).toBe(1);
  });
});
