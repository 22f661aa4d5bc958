/**
 * Words that name a figure as an earlier or superseded value ("up from the 12 reported on Monday",
 * "an earlier toll of 9", "the 40 previously reported"): such a value is shown as earlier, never
 * compared as a current report. General news wording per bundled language; every word lower-case.
 */
export interface EarlierWords {
  /**
   * Adjectives and adverbs that, standing before a figure (with at most a few determiners and
   * report nouns between: "an earlier toll of"), make it an earlier value.
   */
  readonly before: ReadonlySet<string>;
  /** Report nouns and participles allowed between such a word and the figure ("toll", "estimate", "reported"). */
  readonly between: ReadonlySet<string>;
  /** Adverbs after a figure, next to a report participle ("reported earlier", "previously given"). */
  readonly after: ReadonlySet<string>;
  /** Participles of reporting that carry an `after` adverb. */
  readonly reportParticiples: ReadonlySet<string>;
  /** Change verbs beyond the bundle's that make the value after `from` the earlier one ("revised from 9"). */
  readonly fromChange: ReadonlySet<string>;
}

interface Lists {
  before: string[];
  between: string[];
  after: string[];
  reportParticiples: string[];
  fromChange: string[];
}

const LISTS: Readonly<Record<string, Lists>> = {
  en: {
    before: ['earlier', 'previous', 'previously', 'initial', 'initially', 'original', 'originally', 'prior'],
    between: ['the', 'a', 'an', 'its', 'their', 'of', 'toll', 'tally', 'count', 'estimate', 'estimates', 'figure', 'figures', 'total', 'number', 'report', 'reports', 'reported', 'given', 'stated', 'announced', 'estimated', 'death', 'casualty', 'official'],
    after: ['earlier', 'previously', 'initially', 'originally', 'before'],
    reportParticiples: ['reported', 'given', 'stated', 'announced', 'estimated', 'cited', 'released', 'published', 'put', 'said'],
    fromChange: ['revised', 'corrected', 'updated', 'adjusted', 'raised', 'lowered', 'increased', 'decreased', 'rising', 'falling', 'climbing', 'jumping'],
  },
  de: {
    before: ['zuvor', 'vorher', 'ursprünglich', 'anfangs', 'anfänglich', 'früher', 'frühere', 'früheren', 'vorherige', 'vorherigen'],
    between: ['der', 'die', 'das', 'den', 'dem', 'von', 'nach', 'noch', 'angaben', 'bilanz', 'zahl', 'schätzung', 'schätzungen', 'gemeldet', 'gemeldeten', 'genannt', 'genannten', 'angegeben', 'angegebenen', 'offizielle', 'offiziellen'],
    after: ['zuvor', 'vorher', 'ursprünglich', 'anfangs'],
    reportParticiples: ['gemeldet', 'genannt', 'angegeben', 'berichtet', 'geschätzt', 'mitgeteilt'],
    fromChange: ['korrigiert', 'gestiegen', 'gesunken', 'erhöht', 'gesenkt', 'revidiert', 'angestiegen'],
  },
  fr: {
    before: ['précédemment', 'auparavant', 'initialement', 'initial', 'initiale', 'précédent', 'précédente', 'antérieur', 'antérieure'],
    between: ['le', 'la', 'les', 'un', 'une', 'de', 'des', 'du', 'bilan', 'chiffre', 'estimation', 'décompte', 'nombre', 'total', 'annoncé', 'annoncés', 'annoncées', 'rapporté', 'rapportés', 'officiel', 'faisait', 'état'],
    after: ['précédemment', 'auparavant', 'initialement'],
    reportParticiples: ['annoncé', 'annoncés', 'annoncées', 'rapporté', 'rapportés', 'rapportées', 'évoqué', 'évoqués', 'signalé', 'signalés', 'donné', 'donnés'],
    fromChange: ['révisé', 'révisée', 'corrigé', 'corrigée', 'augmenté', 'relevé', 'abaissé'],
  },
  es: {
    before: ['anteriormente', 'previamente', 'inicialmente', 'inicial', 'anterior', 'previo', 'previa', 'originalmente'],
    between: ['el', 'la', 'los', 'las', 'un', 'una', 'de', 'del', 'balance', 'cifra', 'recuento', 'estimación', 'número', 'total', 'informados', 'informadas', 'reportados', 'reportadas', 'oficial', 'daba', 'cuenta'],
    after: ['anteriormente', 'previamente', 'inicialmente', 'antes', 'originalmente'],
    reportParticiples: ['informados', 'informadas', 'reportados', 'reportadas', 'anunciados', 'anunciadas', 'citados', 'citadas', 'registrados', 'registradas', 'contabilizados', 'contabilizadas'],
    fromChange: ['revisado', 'revisada', 'corregido', 'corregida', 'elevado', 'elevada', 'aumentado', 'subido', 'bajado'],
  },
  it: {
    before: ['precedentemente', 'inizialmente', 'iniziale', 'precedente', 'originariamente'],
    between: ['il', 'lo', 'la', 'i', 'gli', 'le', 'un', 'una', 'di', 'del', 'della', 'dei', 'bilancio', 'cifra', 'conteggio', 'stima', 'numero', 'totale', 'riferiti', 'riportati', 'annunciati', 'ufficiale', 'parlava'],
    after: ['precedentemente', 'inizialmente', 'prima', 'precedenza'],
    reportParticiples: ['riferiti', 'riportati', 'annunciati', 'comunicati', 'segnalati', 'indicati', 'registrati'],
    fromChange: ['rivisto', 'rivista', 'corretto', 'corretta', 'salito', 'salita', 'aumentato', 'sceso', 'scesa'],
  },
  nl: {
    before: ['eerder', 'eerdere', 'aanvankelijk', 'aanvankelijke', 'oorspronkelijk', 'oorspronkelijke', 'voorheen', 'vorige'],
    between: ['de', 'het', 'een', 'van', 'nog', 'tol', 'balans', 'aantal', 'schatting', 'telling', 'totaal', 'gemeld', 'gemelde', 'genoemd', 'genoemde', 'officiële'],
    after: ['eerder', 'aanvankelijk', 'oorspronkelijk', 'voorheen', 'eerst'],
    reportParticiples: ['gemeld', 'genoemd', 'opgegeven', 'bericht', 'geschat', 'aangekondigd'],
    fromChange: ['bijgesteld', 'gecorrigeerd', 'gestegen', 'gedaald', 'verhoogd', 'verlaagd', 'opgelopen'],
  },
  pt: {
    before: ['anteriormente', 'previamente', 'inicialmente', 'inicial', 'anterior', 'prévio', 'prévia', 'originalmente'],
    between: ['o', 'a', 'os', 'as', 'um', 'uma', 'de', 'do', 'da', 'dos', 'das', 'balanço', 'número', 'contagem', 'estimativa', 'total', 'cifra', 'informados', 'divulgados', 'reportados', 'oficial'],
    after: ['anteriormente', 'previamente', 'inicialmente', 'antes', 'originalmente'],
    reportParticiples: ['informados', 'divulgados', 'reportados', 'anunciados', 'registrados', 'contabilizados'],
    fromChange: ['revisto', 'revista', 'corrigido', 'corrigida', 'subido', 'aumentado', 'descido'],
  },
};

const NONE: EarlierWords = { before: new Set(), between: new Set(), after: new Set(), reportParticiples: new Set(), fromChange: new Set() };

/** The earlier-value words of a bundled language (primary subtag); none for other languages. */
export function earlierWordsOf(code: string): EarlierWords {
  const lists = LISTS[code];
  if (lists === undefined) return NONE;
  return {
    before: new Set(lists.before),
    between: new Set(lists.between),
    after: new Set(lists.after),
    reportParticiples: new Set(lists.reportParticiples),
    fromChange: new Set(lists.fromChange),
  };
}
