import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCrosscheck } from './helpers/cli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-outlets-'));

describe('crosscheck outlets import', () => {
  it('imports an outlets file (a bad entry named, the rest kept) and shows a story by its labels, with the groups not covering it', async () => {
    const dir = tmp();
    const db = join(dir, 'cc.db');
    const article = join(dir, 'bridge.txt');
    writeFileSync(article, 'The old swing bridge over the canal reopened on Friday after a year of repairs, the city said.\n\nCyclists and walkers can cross again from Saturday morning.');
    expect((await runCrosscheck(['ingest', article, '--db', db, '--source', 'Canal Gazette', '--date', '2026-05-05'])).code).toBe(0);
    const outlets = join(dir, 'outlets.json');
    writeFileSync(
      outlets,
      JSON.stringify([
        { name: 'Canal Gazette', country: 'NL', lean: 'local' },
        { name: 'Rhine Daily', domains: ['rhine.example'], country: 'DE', lean: 'national' },
        { name: 'Broken', domains: ['not a host'] },
      ]),
    );
    const imported = await runCrosscheck(['outlets', 'import', outlets, '--db', db]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(`${outlets}: outlet 3 ("Broken"): domains.0: expected a host name`);
    expect(imported.stderr).toMatch(/2 outlets added, 0 updated, 1 failed/);

    const story = JSON.parse((await runCrosscheck(['story', '1', '--db', db, '--json'])).stdout) as {
      groups: { outlets: Array<{ outlet: string }>; notCovered: Array<{ label: string; value: string; outlets: string[] }> };
    };
    expect(story.groups.outlets.map((o) => o.outlet)).toEqual(['Canal Gazette']);
    expect(story.groups.notCovered).toEqual([
      { label: 'country', value: 'DE', outlets: ['Rhine Daily'] },
      { label: 'lean', value: 'national', outlets: ['Rhine Daily'] },
    ]);
    const listed = await runCrosscheck(['outlets', '--db', db]);
    expect(listed.stdout).toMatch(/Rhine Daily\s+rhine\.example\s+country DE, lean national/);
  }, 240_000);

  it('a missing outlets file is an error naming it, and creates no store', async () => {
    const dir = tmp();
    const db = join(dir, 'new.db');
    const result = await runCrosscheck(['outlets', 'import', join(dir, 'nope.json'), '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(join(dir, 'nope.json'));
    expect(existsSync(db)).toBe(false);
  }, 120_000);
});
