import type Database from 'better-sqlite3';
import type { OutletProfile } from '../../core/types.js';
import type { OutletProfileWriter } from '../port.js';
import type { Sync } from './sync.js';

interface ProfileRecord {
  name: string;
  domains: string;
  country: string | null;
  language: string | null;
  owner: string | null;
  labels: string;
}

/** A damaged JSON column reads as empty rather than failing every story page. */
function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Outlet profiles on SQLite (table `outlet_profiles`). */
export class SqliteOutletProfiles implements Sync<OutletProfileWriter> {
  constructor(private readonly db: Database.Database) {}

  list(): OutletProfile[] {
    const rows = this.db.prepare('SELECT name, domains, country, language, owner, labels FROM outlet_profiles ORDER BY name').all() as ProfileRecord[];
    return rows.map((r) => ({ ...r, domains: parseJson<string[]>(r.domains, []), labels: parseJson<Record<string, string>>(r.labels, {}) }));
  }

  put(profiles: readonly OutletProfile[], at: string): { added: number; updated: number } {
    const exists = this.db.prepare('SELECT 1 FROM outlet_profiles WHERE name = ?').pluck();
    const remove = this.db.prepare('DELETE FROM outlet_profiles WHERE name = ?');
    const insert = this.db.prepare(
      'INSERT INTO outlet_profiles (name, domains, country, language, owner, labels, updated_at) VALUES (@name, @domains, @country, @language, @owner, @labels, @at)',
    );
    let added = 0;
    let updated = 0;
    for (const p of profiles) {
      if (exists.get(p.name) === undefined) added++;
      else updated++;
      // Deleted first so that a new spelling of the name (another case) is kept.
      remove.run(p.name);
      insert.run({ name: p.name, domains: JSON.stringify(p.domains), country: p.country, language: p.language, owner: p.owner, labels: JSON.stringify(p.labels), at });
    }
    return { added, updated };
  }
}
