/**
 * What crosscheck refuses, clearly, from the command line: a store it may not write (reads work,
 * writes exit 2 with a message naming it), texts of nothing and unsupported formats (named, the rest
 * goes on, exit 1).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCrosscheck } from './helpers/cli.js';
import { ingestInto } from './helpers/pipeline.js';
import { SqliteStore } from '../src/store/index.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-refuse-'));

/**
 * How to run the CLI as a user that file permissions apply to: as is, or, for root (whom
 * permissions do not stop), as `nobody` through setpriv. Null when neither is possible.
 */
function unprivileged(): string[] | null {
  if (process.getuid?.() !== 0) return [];
  try {
    execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', '0'], { stdio: 'ignore' });
    return ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  } catch {
    return null;
  }
}
const PREFIX = unprivileged();

describe.skipIf(PREFIX === null)('a store in a read-only folder (run as a user permissions apply to)', () => {
  it('lists articles and stories and shows a story; ingest and recluster exit 2 naming the store', async () => {
    const dir = tmp();
    const path = join(dir, 'store.db');
    const store = SqliteStore.open(path);
    await ingestInto(store, [join(REPO_ROOT, 'examples')], { date: '2026-10-14' });
    const storyId = (await store.stories.list())[0]!.id;
    await store.close();
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    const run = (args: string[]): ReturnType<typeof runCrosscheck> => runCrosscheck([...args, '--db', path], {}, { prefix: PREFIX! });
    const articles = await run(['articles', '--json']);
    expect(articles.stderr).toBe('');
    expect(articles.code).toBe(0);
    expect((JSON.parse(articles.stdout) as unknown[]).length).toBeGreaterThan(3);
    expect((await run(['stories'])).code).toBe(0);
    const story = await run(['story', String(storyId)]);
    expect(story.code).toBe(0);
    expect(story.stdout).toContain(`story #${storyId}`);
    const ingest = await run(['ingest', join(REPO_ROOT, 'README.md'), '--no-progress']);
    expect(ingest.code).toBe(2);
    expect(ingest.stderr).toContain(`${path}: the store is read-only`);
    const recluster = await run(['recluster']);
    expect(recluster.code).toBe(2);
    expect(recluster.stderr).toContain('read-only');
    chmodSync(dir, 0o755);
    expect(existsSync(`${path}-wal`)).toBe(false);
  }, 180_000);
});

describe('inputs of nothing and formats not read', () => {
  it('names each refused input and place and goes on: NUL-only, blank and empty texts, ARC archives in a folder', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'nul.txt'), '\0\0\0\0');
    writeFileSync(join(dir, 'blank.txt'), '  \n\n\t ');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(
      join(dir, 'lines.jsonl'),
      [
        JSON.stringify({ id: 'nul', text: '\u0000\u0000' }),
        JSON.stringify({ id: 'blank', text: '   ' }),
        JSON.stringify({ id: 'empty', text: '' }),
        JSON.stringify({ id: 'invisible', text: '\u200b\u202e\u2066' }),
        JSON.stringify({ id: 'good', title: 'Bridge reopens', text: 'The old bridge over the river reopened on Monday after two years of repairs, the city said, with a lane for bicycles in each direction.' }),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'old.arc'), 'filedesc://IA-001.arc 0.0.0.0 20050614070144 text/plain 77\n1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n\n');
    const db = join(dir, 'store.db');
    const result = await runCrosscheck(['ingest', dir, '--db', db, '--no-progress']);
    expect(result.code).toBe(1);
    for (const line of [
      'nul.txt: named as text but the content is binary',
      'blank.txt: the file holds only white space',
      'empty.txt: the file is empty',
      'lines.jsonl (line 1)',
      'lines.jsonl (line 2)',
      'lines.jsonl (line 3)',
      'lines.jsonl (line 4)',
      'old.arc: ARC web archives are not read',
    ]) {
      expect(result.stderr).toContain(line);
    }
    expect(result.stderr).not.toContain('lines.jsonl (line 5)');
    const store = SqliteStore.open(db);
    expect(await store.articles.count()).toBe(1);
    await store.close();
  }, 120_000);
});
