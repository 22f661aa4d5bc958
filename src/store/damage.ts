/** Damaged stored values: reported once per process as they are met, read around; `crosscheck doctor` repairs them. */

/** A stored value that could not be read as what it should be: which table, row and column. */
export interface DamagedRow {
  table: string;
  id: number;
  column: string;
  problem: string;
}

/**
 * Damaged rows met while reading, each reported once per process (stderr by default): reading
 * goes on with what can be recovered. `crosscheck doctor` finds and repairs them all.
 */
let damageReporter: (damage: DamagedRow) => void = (damage) => {
  process.stderr.write(`crosscheck: ${describeDamage(damage)} (run \`crosscheck doctor --repair\`)\n`);
};
const reportedDamage = new Set<string>();

/** Where damaged rows are reported; returns the previous reporter. */
export function onDamagedRow(reporter: (damage: DamagedRow) => void): (damage: DamagedRow) => void {
  const previous = damageReporter;
  damageReporter = reporter;
  return previous;
}

export function describeDamage(damage: DamagedRow): string {
  return `table ${damage.table}, row ${damage.id}, column ${damage.column}: ${damage.problem}`;
}

export function reportDamage(damage: DamagedRow): void {
  const key = `${damage.table}:${damage.id}:${damage.column}`;
  if (reportedDamage.has(key)) return;
  reportedDamage.add(key);
  damageReporter(damage);
}

/**
 * An article's paragraphs: the stored JSON array, or, when that is damaged, the text split at
 * its paragraph breaks (the text is the paragraphs joined by blank lines), reported.
 */
export function readParagraphs(row: { id: number; paragraphs: string; text: string }): { paragraphs: string[]; damage: DamagedRow | null } {
  let problem: string;
  try {
    const value = JSON.parse(row.paragraphs) as unknown;
    if (Array.isArray(value) && value.every((p) => typeof p === 'string')) return { paragraphs: value, damage: null };
    problem = 'not a JSON array of strings';
  } catch (error) {
    problem = `not valid JSON (${(error as Error).message})`;
  }
  const paragraphs = row.text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  return { paragraphs, damage: { table: 'articles', id: row.id, column: 'paragraphs', problem: `${problem}; read from the text instead` } };
}

/** What is wrong with a stored JSON text, or null when it is what it should be. */
export function jsonProblem(text: unknown, expect: 'object' | 'array' | 'any'): string | null {
  if (typeof text !== 'string') return 'not text';
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (expect === 'array' && !Array.isArray(value)) return 'not a JSON array';
  if (expect === 'object' && (value === null || typeof value !== 'object' || Array.isArray(value))) return 'not a JSON object';
  return null;
}
