/**
 * A rebuild of the derived rows beside the live ones, on PostgreSQL: on a session of its own,
 * TEMP tables of the same names shadow the live derived tables (PostgreSQL looks in the session's
 * temporary schema first), so that the repositories, unchanged, read the live articles and write
 * the rebuild. The TEMP tables take no lock other writers wait for, and vanish with the session
 * when the process dies. The swap copies the TEMP rows over the live ones in one transaction.
 */
import type { RebuildOptions, SavedState } from '../port.js';
import { ident, type Db } from './db.js';
import { bumpEpoch, firstFreeStoryId, setIdFloor } from './stories.js';

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

/** The stored (not generated) columns of a table of `schema`, in order. */
export async function storedColumns(db: Db, schema: string, table: string): Promise<string[]> {
  const rows = await db.rows<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [schema, table],
  );
  return rows.map((r) => r.name);
}

/**
 * Creates the rebuild's tables on this session (as the live ones of `schema`, without their
 * references to the live articles); its meta starts as the live one with `floor` as the id floor.
 */
export async function createScratch(db: Db, schema: string, floor: number): Promise<void> {
  for (const table of SHADOWED) {
    await db.run(`DROP TABLE IF EXISTS pg_temp.${table}`);
    await db.run(`CREATE TEMP TABLE ${table} (LIKE ${ident(schema)}.${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES INCLUDING IDENTITY)`);
  }
  await db.run(`INSERT INTO pg_temp.meta SELECT * FROM ${ident(schema)}.meta`);
  await setIdFloor(db, 'pg_temp.', floor);
}

/**
 * Inside the caller's write transaction: replaces the live derived rows with the rebuild's, clears
 * the old stories' projections (fact sheets, entity index), keeps copy keys made meanwhile, moves
 * the epoch. Story ids move up by the returned shift when another writer gave ids at or above the
 * rebuild's floor while it ran.
 */
export async function swapIn(db: Db, schema: string, options: Pick<RebuildOptions, 'shiftState'>): Promise<number> {
  const live = `${ident(schema)}.`;
  const scratchFloor = Number(await db.value<string>("SELECT value FROM pg_temp.meta WHERE key = 'story_id_floor'"));
  const shift = Math.max(0, (await firstFreeStoryId(db, live)) - scratchFloor);
  for (const table of ['story_merges', 'assignments', 'fact_sheet_entities', 'fact_sheets', 'copy_groups', 'copies', 'pipeline_state', 'stories']) {
    await db.run(`DELETE FROM ${live}${table}`);
  }
  for (const table of REBUILT) {
    if (table === 'pipeline_state') continue;
    const cols = await storedColumns(db, schema, table);
    const moved = STORY_ID_COLUMNS[table] ?? [];
    const select = cols.map((c) => (moved.includes(c) ? `${ident(c)} + $1::bigint` : ident(c)));
    const params = moved.length ? [shift] : [];
    await db.run(`INSERT INTO ${live}${table} (${cols.map(ident).join(', ')}) SELECT ${select.join(', ')} FROM pg_temp.${table}`, params);
  }
  const states = await db.rows<SavedState & { name: string; updatedAt: string }>('SELECT name, version, seq, data, updated_at AS "updatedAt" FROM pg_temp.pipeline_state');
  for (const s of states) {
    const state = shift === 0 ? s : (options.shiftState?.(s.name, { version: s.version, seq: s.seq, data: s.data }, shift) ?? null);
    if (state) {
      await db.run(`INSERT INTO ${live}pipeline_state (name, version, seq, data, updated_at) VALUES ($1, $2, $3, $4, $5)`, [s.name, state.version, state.seq, state.data, s.updatedAt]);
    }
  }
  const keyCols = (await storedColumns(db, schema, 'copy_keys')).map(ident);
  await db.run(
    `INSERT INTO ${live}copy_keys (${keyCols.join(', ')}) SELECT ${keyCols.join(', ')} FROM pg_temp.copy_keys
     ON CONFLICT (article_id) DO UPDATE SET ${keyCols.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  await bumpEpoch(db, live);
  // The floor of the stories now live; the next rebuild starts above them all.
  await setIdFloor(db, live, scratchFloor + shift);
  return shift;
}
