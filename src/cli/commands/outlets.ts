import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { GroupCoverage } from '../../analyze/index.js';
import { isCrosscheckError } from '../../core/errors.js';
import type { OutletProfile } from '../../core/types.js';
import { parseOutletsFile } from '../../ingest/index.js';
import { CliExit, EXIT_OK, EXIT_PARTIAL, openExistingStore, openStore } from '../context.js';
import { formatTable, plural, printJson, println, status, truncate } from '../output.js';

/** A profile's labels as one line: `country GB, language en, owner …, type wire`. */
export function describeLabels(profile: OutletProfile): string {
  const labels: Array<[string, string | null]> = [['country', profile.country], ['language', profile.language], ['owner', profile.owner], ...Object.entries(profile.labels)];
  return labels
    .filter((l): l is [string, string] => l[1] !== null)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

/** The group coverage of a story as terminal lines: per label, the groups with their outlets, then the groups not covering it. */
export function groupCoverageLines(coverage: GroupCoverage): string[] {
  const lines = [`Coverage by group (${plural(coverage.profiled, 'outlet')} in the outlets file):`];
  for (const dimension of coverage.dimensions) {
    const groups = dimension.groups.map((g) => (g.covering.length ? `${g.value} (${g.covering.map((c) => `${c.outlet} ${c.articles}`).join(', ')})` : `${g.value} (none)`));
    lines.push(`  ${dimension.label}: ${groups.join('; ')}`);
  }
  if (coverage.notCovered.length) {
    lines.push('  not covered yet:');
    for (const gap of coverage.notCovered) lines.push(`    ${gap.label} ${gap.value}: ${gap.outlets.join(', ')}`);
  }
  const unprofiled = coverage.unprofiled.reduce((n, u) => n + u.articles, 0);
  if (unprofiled) lines.push(`  ${plural(unprofiled, 'article')} from outlets not in the file: ${coverage.unprofiled.map((u) => u.source ?? '(no outlet)').join(', ')}`);
  return lines;
}

export function registerOutlets(program: Command): void {
  const outlets = program
    .command('outlets')
    .description('list the outlets of the imported outlets file, with their domains and labels')
    .option('--db <path>', 'store path')
    .option('--json', 'machine-readable output')
    .enablePositionalOptions()
    .action(async (flags: { db?: string; json?: boolean }) => {
      const store = await openExistingStore(flags.db);
      try {
        const profiles = await store.outletProfiles.list();
        if (flags.json) {
          printJson(profiles);
          return;
        }
        if (profiles.length === 0) {
          println('no outlets file imported yet: crosscheck outlets import <outlets.json>');
          return;
        }
        println(formatTable(['OUTLET', 'DOMAINS', 'LABELS'], profiles.map((p) => [truncate(p.name, 40), truncate(p.domains.join(' '), 40), truncate(describeLabels(p), 70)])));
        println(`\n${plural(profiles.length, 'outlet')}`);
      } finally {
        await store.close();
      }
    });

  outlets
    .command('import')
    .description('import outlets files (JSON: name, domains, country, language, owner, any other labels); stories then show coverage by those labels')
    .argument('<files...>', 'outlets files')
    .option('--db <path>', 'store path')
    .option('--json', 'machine-readable output')
    .action(async (files: string[], flags: { db?: string; json?: boolean }) => {
      const profiles: OutletProfile[] = [];
      const failures: Array<{ code: string; message: string }> = [];
      for (const file of files) {
        try {
          const parsed = parseOutletsFile(await readFile(file, 'utf8'), file);
          profiles.push(...parsed.outlets);
          failures.push(...parsed.failures.map((f) => ({ code: f.code, message: f.message })));
        } catch (error) {
          if (isCrosscheckError(error)) failures.push({ code: error.code, message: error.message });
          else if ((error as NodeJS.ErrnoException).code === 'ENOENT') failures.push({ code: 'not_found', message: `${file}: no such file` });
          else failures.push({ code: 'unreadable', message: `${file}: ${(error as Error).message}` });
        }
      }
      if (profiles.length === 0 && failures.length === files.length && files.every((f) => failures.some((x) => x.message.startsWith(`${f}:`)))) {
        // Nothing readable at all: no store is created for it.
        if (flags.json) printJson({ added: 0, updated: 0, failed: failures.length, failures });
        else for (const f of failures) status(`failed   ${f.message}`);
        throw new CliExit(EXIT_PARTIAL, `no outlets imported from ${files.join(', ')}`);
      }
      const store = await openStore(flags.db);
      let result = { added: 0, updated: 0 };
      try {
        const at = new Date().toISOString();
        result = await store.transaction((tx) => tx.outletProfiles.put(profiles, at));
      } finally {
        await store.close();
      }
      if (flags.json) printJson({ ...result, failed: failures.length, failures });
      else {
        for (const f of failures) status(`failed   ${f.message}`);
        status(`${plural(result.added, 'outlet')} added, ${result.updated} updated, ${failures.length} failed`);
      }
      process.exitCode = failures.length ? EXIT_PARTIAL : EXIT_OK;
    });
}
