import type { OutletProfile } from '../../core/types.js';
import type { OutletProfileWriter } from '../port.js';
import type { Db } from './db.js';

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

/** Outlet profiles on PostgreSQL (table `outlet_profiles`, one per name in any case). */
export class PostgresOutletProfiles implements OutletProfileWriter {
  constructor(private readonly db: Db) {}

  async list(): Promise<OutletProfile[]> {
    // Ordered as SQLite orders its NOCASE key: ASCII letters folded.
    const rows = await this.db.rows<ProfileRecord>('SELECT name, domains, country, language, owner, labels FROM outlet_profiles ORDER BY lower(name), name');
    return rows.map((r) => ({ ...r, domains: parseJson<string[]>(r.domains, []), labels: parseJson<Record<string, string>>(r.labels, {}) }));
  }

  async put(profiles: readonly OutletProfile[], at: string): Promise<{ added: number; updated: number }> {
    let added = 0;
    let updated = 0;
    for (const p of profiles) {
      // Deleted first so that a new spelling of the name (another case) is kept.
      if ((await this.db.run('DELETE FROM outlet_profiles WHERE lower(name) = lower($1)', [p.name])) > 0) updated++;
      else added++;
      await this.db.run('INSERT INTO outlet_profiles (name, domains, country, language, owner, labels, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        p.name,
        JSON.stringify(p.domains),
        p.country,
        p.language,
        p.owner,
        JSON.stringify(p.labels),
        at,
      ]);
    }
    return { added, updated };
  }
}
