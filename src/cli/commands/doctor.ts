import type { Command } from 'commander';
import { describeDamage } from '../../store/index.js';
import { EXIT_OK, EXIT_PARTIAL, openExistingStore } from '../context.js';
import { plural, printJson, println, status } from '../output.js';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('check the store: the file structure and every stored row a reader parses; --repair fixes what can be fixed without losing anything')
    .option('--db <path>', 'store path (default $CROSSCHECK_DB or data/crosscheck.db)')
    .option('--repair', 'repair damaged rows: paragraphs read again from the text, damaged caches and saved state deleted to be rebuilt')
    .option('--json', 'machine-readable output')
    .action(async (flags: { db?: string; repair?: boolean; json?: boolean }) => {
      const store = await openExistingStore(flags.db);
      try {
        const report = await store.examine({ repair: flags.repair === true });
        const unrepaired = report.damaged.filter((d) => d.repair === null).length;
        if (flags.json) printJson({ store: store.location, ...report });
        else {
          const rows = Object.entries(report.checked)
            .map(([table, n]) => `${n} ${table}`)
            .join(', ');
          println(`checked ${store.location}: ${rows || 'no rows'}`);
          for (const line of report.integrity) println(`structure: ${line}`);
          for (const damage of report.damaged) println(`${describeDamage(damage)}${damage.repair ? ` → ${damage.repair}` : ''}`);
          if (report.integrity.length === 0 && report.damaged.length === 0) println('no damage found');
          else if (!flags.repair && report.damaged.length) status(`${plural(report.damaged.length, 'damaged value')}: run with --repair to fix what can be fixed`);
          else if (flags.repair) status(`${report.repaired} repaired, ${unrepaired} left as they are`);
        }
        const healthy = report.integrity.length === 0 && (flags.repair ? unrepaired === 0 : report.damaged.length === 0);
        process.exitCode = healthy ? EXIT_OK : EXIT_PARTIAL;
      } finally {
        await store.close();
      }
    });
}
