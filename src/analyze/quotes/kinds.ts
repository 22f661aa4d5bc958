import type { QuoteKind } from './types.js';

/**
 * Whether a quote of this kind is printed inside quotation marks: only `direct` and `partial`
 * quotes stand in quotation marks in their source. `unmarked` and `indirect` quotes are reported
 * speech, printed in the outlet's own words and attributed to it.
 */
export function isPrintedInMarks(kind: QuoteKind): boolean {
  return kind === 'direct' || kind === 'partial';
}
