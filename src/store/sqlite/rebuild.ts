/**
 * A rebuild of the derived rows beside the live ones, on SQLite: TEMP tables of the same names
 * shadow the live derived tables on one connection (names resolve to `temp` first), so that the
 * repositories, unchanged, read the live articles and write the rebuild. Writing only TEMP tables
 * takes no lock on the database file: other writers go on meanwhile. The swap copies the TEMP rows
 * over the live ones in one transaction.
 */
import type Database from 'better-sqlite3';
import type { RebuildOptions, SavedState } from '../port.js';
import { firstFreeStoryId, setIdFloor } from './stories.js';

/** The tables a rebuild writes afresh (what the story pipeline derives), in the order they are filled. */
const REBUILT = ['stories', 'assignments', 'story_merges', 'copies', 'copy_groups', 'pipeline_state'] as const;
/** Shadowed so that the rebuild reads none of the old stories' projections and keeps its own floor and keys. */
const SHADOWED = [...REBUILT, 'fact_sheets', 'fact_sheet_entities', 'copy_keys', 'meta'] as const;
/** Columns that hold a story id, per table: moved up together when the rebuild's ids must move. */
const STORY_ID_COLUMNS: Record<string, readonly string[]> = {
  stories: ['id', 'merged_into'],
  assignments: ['story_id', 'first_story_id'],
  story_merges: ['from_story', 'into_story'],
};

/**
 * Creates the rebuild's tables (as the live ones, without references to the live articles, which
 * a TEMP table cannot name); its meta starts as the live one with `floor` as the id floor.
 */
export function createScratch(db: Database.Database, floor: number): void {
  dropScratch(db);
  const names = SHADOWED.map((t) => `'${t}'`).join(',');
  const tables = db.prepare(`SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name IN (${names})`).all() as Array<{ name: string; sql: string }>;
  const indexes = db.prepare(`SELECT sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name IN (${names}) AND sql IS NOT NULL`).pluck().all() as string[];
  for (const t of tables) {
    db.exec(t.sql.replace(/^CREATE TABLE\s+/i, 'CREATE TEMP TABLE ').replace(/\s+REFERENCES\s+"?articles"?\s*\(\s*"?id"?\s*\)/gi, ''));
  }
  for (const sql of indexes) db.exec(sql.replace(/^CREATE\s+(UNIQUE\s+)?INDEX\s+/i, (_m, unique: string | undefined) => `CREATE ${unique ?? ''}INDEX temp.`));
  db.exec('INSERT INTO temp.meta SELECT * FROM main.meta');
  setIdFloor(db, 'temp', floor);
}

export function dropScratch(db: Database.Database): void {
  // Children before parents: a dropped table's rows are deleted first, and references are checked.
  for (const t of [...SHADOWED].reverse()) db.exec(`DROP TABLE IF EXISTS temp.${t}`);
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(table) as string[]).map((c) => `"${c}"`);
}

/**
 * Inside the caller's write transaction: replaces the live derived rows with the rebuild's, clears
 * the old stories' projections (fact sheets, entity index), keeps copy keys made meanwhile, moves the
 * epoch. Story ids move up by the returned shift when another writer gave ids at or above the
 * rebuild's floor while it ran.
 */
export function swapIn(db: Database.Database, options: Pick<RebuildOptions, 'shiftState'>): number {
  const scratchFloor = Number(db.prepare("SELECT value FROM temp.meta WHERE key = 'story_id_floor'").pluck().get());
  const shift = Math.max(0, firstFreeStoryId(db, 'main') - scratchFloor);
  db.exec(
    `DELETE FROM main.story_merges; DELETE FROM main.assignments; DELETE FROM main.fact_sheet_entities; DELETE FROM main.fact_sheets;
     DELETE FROM main.copy_groups; DELETE FROM main.copies; DELETE FROM main.pipeline_state; DELETE FROM main.stories;`,
  );
  for (const table of REBUILT) {
    if (table === 'pipeline_state') continue;
    const cols = columns(db, table);
    const moved = STORY_ID_COLUMNS[table] ?? [];
    const select = cols.map((c) => (moved.includes(c.slice(1, -1)) ? `${c} + @shift` : c));
    db.prepare(`INSERT INTO main.${table} (${cols.join(', ')}) SELECT ${select.join(', ')} FROM temp.${table}`).run({ shift });
  }
  const states = db.prepare('SELECT name, version, seq, data, updated_at AS updatedAt FROM temp.pipeline_state').all() as Array<SavedState & { name: string; updatedAt: string }>;
  const save = db.prepare('INSERT INTO main.pipeline_state (name, version, seq, data, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (const s of states) {
    const state = shift === 0 ? s : (options.shiftState?.(s.name, { version: s.version, seq: s.seq, data: s.data }, shift) ?? null);
    if (state) save.run(s.name, state.version, state.seq, state.data, s.updatedAt);
  }
  const keyCols = columns(db, 'copy_keys').join(', ');
  db.exec(`INSERT OR REPLACE INTO main.copy_keys (${keyCols}) SELECT ${keyCols} FROM temp.copy_keys`);
  db.exec("INSERT INTO main.meta (key, value) VALUES ('derived_epoch', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
  // The floor of the stories now live; the next rebuild starts above them all.
  setIdFloor(db, 'main', scratchFloor + shift);
  return shift;
}
