import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkInput, type WalkEntry } from './walk.js';

let root: string;

async function collect(input: string): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  for await (const entry of walkInput(input)) entries.push(entry);
  return entries;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crosscheck-walk-'));
  await mkdir(join(root, 'b-folder', 'deeper'), { recursive: true });
  await mkdir(join(root, '.git'));
  await writeFile(join(root, '.git', 'config.txt'), 'hidden');
  await writeFile(join(root, '.notes.txt'), 'hidden');
  await writeFile(join(root, 'c.html'), '<p>c</p>');
  await writeFile(join(root, 'a.txt'), 'a');
  await writeFile(join(root, 'image.png'), 'not read');
  await writeFile(join(root, 'b-folder', 'z.jsonl'), '{"text":"z"}');
  await writeFile(join(root, 'b-folder', 'deeper', 'y.warc.gz'), '');
  // A link back to the root: a loop that must end.
  await symlink(root, join(root, 'b-folder', 'deeper', 'loop'));
  await symlink(join(root, 'missing.html'), join(root, 'broken.html'));
  await symlink(join(root, 'missing.png'), join(root, 'broken.png'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('walkInput', () => {
  it('walks folders depth first in sorted order, skipping hidden, unknown and looping entries', async () => {
    const entries = await collect(root);
    const files = entries.filter((entry) => entry.kind === 'file').map((entry) => entry.path.slice(root.length + 1));
    expect(files).toEqual(['a.txt', 'b-folder/deeper/y.warc.gz', 'b-folder/z.jsonl', 'c.html']);
    const skipped = entries.flatMap((entry) => (entry.kind === 'skipped' ? [`${entry.path.slice(root.length + 1)}:${entry.reason}`] : []));
    expect(skipped.sort()).toEqual(['.git:hidden', '.notes.txt:hidden', 'b-folder/deeper/loop:already_visited', 'broken.png:unsupported_extension', 'image.png:unsupported_extension']);
  });

  it('reports a broken link named like an input', async () => {
    const errors = (await collect(root)).filter((entry) => entry.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.kind === 'error' && errors[0].error.code).toBe('not_found');
    expect(errors[0]?.kind === 'error' && errors[0].error.message).toContain('broken.html: broken symbolic link');
  });

  it('yields a named file as explicit, whatever its extension', async () => {
    expect(await collect(join(root, 'image.png'))).toEqual([{ kind: 'file', path: join(root, 'image.png'), isExplicit: true, size: 8 }]);
  });

  it('reports a missing path as not_found', async () => {
    const [entry] = await collect(join(root, 'nothing-here'));
    expect(entry?.kind).toBe('error');
    expect(entry?.kind === 'error' && entry.error.code).toBe('not_found');
  });
});
