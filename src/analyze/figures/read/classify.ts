import type { FigureLanguage, PersonRole } from '../lang/index.js';
import type { Token } from '../tokens.js';
import type { FigureKind } from '../types.js';
import { RATIO_UNITS, TIME_UNITS } from '../units.js';
import type { ReadStep } from './draft.js';

/** How far (tokens) a role word may stand from the count it qualifies. */
const ROLE_WINDOW = 8;

/** The general class of a figure, its unit and, for people, their role. */
export interface Classification {
  kind: FigureKind;
  unit: string;
  role: PersonRole | null;
}

/**
 * Classifies a figure by what it is counted in: money (a currency), a percentage, a duration,
 * another measurement unit, people (a noun naming people; with the role the sentence gives them:
 * killed, injured, missing ...), a count of any other noun, or a bare number.
 */
export function classify(
  unitName: string | null,
  currency: string | undefined,
  head: string | null,
  tokens: readonly Token[],
  span: readonly [number, number],
  lang: FigureLanguage,
): Classification {
  if (currency) return { kind: 'money', unit: unitName ?? '', role: null };
  if (unitName !== null) {
    if (RATIO_UNITS.has(unitName)) return { kind: 'percentage', unit: unitName, role: null };
    if (TIME_UNITS.has(unitName)) return { kind: 'duration', unit: unitName, role: null };
    return { kind: 'measure', unit: unitName, role: null };
  }
  if (head === null) return { kind: 'number', unit: '', role: null };
  const lemma = lang.singularize(head);
  const unit = lang.synonyms.get(lemma) ?? lemma;
  const roleNoun = lang.roleNouns.get(lemma);
  if (roleNoun) return { kind: roleNoun, unit: 'people', role: roleNoun };
  if (!lang.personNouns.has(lemma) && !lang.personNouns.has(unit)) return { kind: 'count', unit, role: null };
  const role = nearestRole(tokens, span, lang);
  return { kind: role ?? 'people', unit, role };
}

/** The role word nearest to the figure in its clause, before or after it. */
function nearestRole(tokens: readonly Token[], [start, end]: readonly [number, number], lang: FigureLanguage): PersonRole | null {
  const roleAt = (idx: number): PersonRole | null => {
    const t = tokens[idx];
    if (!t || !t.isWord) return null;
    return lang.roleWords.get(t.lower) ?? lang.roleNouns.get(lang.singularize(t.lower)) ?? null;
  };
  let blockedBefore = false;
  let blockedAfter = false;
  for (let d = 1; d <= ROLE_WINDOW; d++) {
    const before = start - d;
    if (tokens[before]?.text === ';' || tokens[before]?.isDigits) blockedBefore = true;
    if (!blockedBefore && before >= 0) {
      const role = roleAt(before);
      if (role) return role;
    }
    const after = end - 1 + d;
    if (tokens[after]?.text === ';' || tokens[after]?.isDigits) blockedAfter = true;
    if (!blockedAfter) {
      const role = roleAt(after);
      if (role) return role;
    }
  }
  return null;
}

/** Fills the kind, unit and role. */
export const readKind: ReadStep = {
  name: 'kind',
  read(d, { tokens, lang }) {
    if (d.age) {
      d.kind = 'age';
      d.unit = d.age.unit;
      return true;
    }
    const c = classify(d.unitName, d.unitEntry?.currency, d.noun?.head.lower ?? null, tokens, [d.first, d.end], lang);
    d.kind = c.kind;
    d.unit = c.unit;
    d.role = c.role;
    return true;
  },
};
