import type { Command } from 'commander';
import { copyStore, openStoreAt, SCHEMA_VERSION } from '../../store/index.js';
import { CliExit, EXIT_FATAL, openExistingStore, openStore, resolveDbPath } from '../context.js';
import { plural, printJson, println, status } from '../output.js';

export function registerStoreCommands(program: Command): void {
  program
    .command('migrate')
    .description('create the store, or upgrade its schema to this version of crosscheck (SQLite file or postgres:// URL); other commands do it too when they open a store')
    .option('--db <path>', 'store path or postgres:// URL (default $CROSSCHECK_DB or data/crosscheck.db)')
    .option('--json', 'machine-readable output')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const store = await openStore(flags.db);
      try {
        const version = await store.schemaVersion();
        if (flags.json) printJson({ store: store.location, schemaVersion: version, applied: store.migrated });
        else if (store.migrated.length === 0) println(`${store.location}: schema version ${version}, up to date`);
        else println(`${store.location}: schema version ${version} (applied ${plural(store.migrated.length, 'migration')}: ${store.migrated.join(', ')})`);
        if (version !== SCHEMA_VERSION) throw new CliExit(EXIT_FATAL, `${store.location} is at schema version ${version}, not ${SCHEMA_VERSION}: it could not be upgraded (read-only?)`);
      } finally {
        await store.close();
      }
    });

  program
    .command('copy')
    .description('copy a whole store into another, with its ids: an SQLite file into PostgreSQL or back; run it again to finish a copy that stopped')
    .requiredOption('--from <path>', 'the store to copy (SQLite file or postgres:// URL); nothing may write it meanwhile')
    .requiredOption('--to <path>', 'the store to copy into, created when missing: a new store, or a partial copy of the same source')
    .option('--page <n>', 'rows per transaction', '500')
    .option('--json', 'machine-readable output')
    .option('--no-progress', 'no progress lines on stderr')
    .action(async (flags: { from: string; to: string; page: string; json?: boolean; progress: boolean }) => {
      const pageSize = Number(flags.page);
      if (!Number.isInteger(pageSize) || pageSize <= 0) throw new CliExit(EXIT_FATAL, `--page must be a positive whole number, got "${flags.page}"`);
      if (resolveDbPath(flags.from) === resolveDbPath(flags.to)) throw new CliExit(EXIT_FATAL, `--from and --to are the same store (${resolveDbPath(flags.from)})`);
      const from = await openExistingStore(flags.from);
      try {
        const to = await openStoreAt(resolveDbPath(flags.to));
        try {
          let lastTable = '';
          const result = await copyStore(from, to, {
            pageSize,
            onProgress: (p) => {
              if (!flags.progress || flags.json) return;
              if (p.table !== lastTable || p.read === p.rows) status(`copy: ${p.table} ${p.read}/${p.rows}`);
              lastTable = p.table;
            },
          });
          const copied = result.tables.reduce((sum, t) => sum + t.copied, 0);
          if (flags.json) printJson({ from: from.location, to: to.location, ...result });
          else {
            for (const t of result.tables) if (t.rows > 0) println(`${t.table}: ${t.rows} rows, ${t.copied} new`);
            println(`copied ${from.location} → ${to.location}: ${plural(copied, 'new row')}`);
          }
        } finally {
          await to.close();
        }
      } finally {
        await from.close();
      }
    });
}
