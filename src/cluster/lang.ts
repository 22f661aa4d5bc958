/**
 * What the clusterer needs to know of a language: the shared text toolkit (sentences, words,
 * stop words, stems), and what the clusterer adds to it: words that say nothing about what
 * happened (reporting verbs, calendar words), capitals that are not names, the small words inside
 * names. General knowledge of each language; no entry names a person, place or event of any data set.
 */
import { textToolkit, type TextToolkit } from '../core/text/index.js';
import { NAME_CONNECTORS, NON_NAME_CAPITALS, STOPWORDS } from './word-lists.js';

export interface ClusterLanguage {
  readonly code: string;
  /** Function words (normalised, see `kit.normalize`): dropped from the vocabulary and the happening. */
  isStopWord(word: string): boolean;
  /** Reporting and filler verbs ("said", "told"): vocabulary, but never the happening. */
  readonly notHappening: ReadonlySet<string>;
  /** Capitalised words that are not names (weekdays, titles, sentence openers). */
  readonly nonNameCapitals: ReadonlySet<string>;
  /** Lower-case words allowed inside a name ("of", "de", "van"). */
  readonly nameConnectors: ReadonlySet<string>;
  /**
   * Last words of names that name a kind of body, not one ("Holdings", "Party", "Bank"): a name
   * ending with one does not also stand for its last word, as "Mara Velt" stands for "Velt".
   */
  readonly genericNameHeads: ReadonlySet<string>;
  /** Inflections (and the nominalisations Snowball reaches: "resignation" / "resigned") to one stem. */
  stem(word: string): string;
  /** The shared text toolkit of the language (sentences, words, stop words, stems). */
  readonly kit: TextToolkit;
}

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

const ENGLISH: LanguageRules = {
  code: 'en',
  notHappening: words(
    'said say says saying told tell tells according official officials source sources report reported reports reporting statement added adding ' +
      'announced announce announces asked ask noted explained claimed stated confirmed revealed described ' +
      'year years week weeks day days month months time times today yesterday tomorrow monday tuesday ' +
      'wednesday thursday friday saturday sunday morning evening night percent people thing things way ' +
      'news story article update updated breaking read more photo video image caption share',
  ),
  nonNameCapitals: NON_NAME_CAPITALS,
  nameConnectors: NAME_CONNECTORS,
  genericNameHeads: words(
    'holdings group inc corp corporation company co ltd plc llc bank party university college school council ministry ' +
      'department agency committee commission association union federation institute foundation club airlines airways ' +
      'times post news journal herald press court hospital church army police services systems technologies industries',
  ),
};

const SPANISH: LanguageRules = {
  code: 'es',
  notHappening: words('dijo dice afirmó aseguró según informó señaló explicó añadió declaró año años día días semana mes'),
  nonNameCapitals: words('el la los las un una en de del y por para con según lunes martes miércoles jueves viernes sábado domingo'),
  nameConnectors: words('de del la las los y'),
  genericNameHeads: new Set(),
};

const ITALIAN: LanguageRules = {
  code: 'it',
  notHappening: words('detto dice ha affermato secondo riferito spiegato aggiunto dichiarato anno anni giorno giorni settimana mese'),
  nonNameCapitals: words('il la lo i gli le un una in di del della e per con secondo lunedì martedì mercoledì giovedì venerdì sabato domenica'),
  nameConnectors: words('di de del della da'),
  genericNameHeads: new Set(),
};

const DUTCH: LanguageRules = {
  code: 'nl',
  notHappening: words('zei zegt zeiden volgens meldde verklaarde jaar jaren dag dagen week maand'),
  nonNameCapitals: words('de het een in op van en voor met volgens maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'),
  nameConnectors: words('van de der den het ter'),
  genericNameHeads: words('groep bank nv bv'),
};

const GERMAN: LanguageRules = {
  code: 'de',
  notHappening: words('sagte sagt sagten teilte mit laut berichtete erklärte jahr jahre tag tage woche monat'),
  nonNameCapitals: words('der die das ein eine in am im und für mit laut montag dienstag mittwoch donnerstag freitag samstag sonntag'),
  nameConnectors: words('von van der de zu'),
  genericNameHeads: words('gruppe bank ag gmbh'),
};

const FRENCH: LanguageRules = {
  code: 'fr',
  notHappening: words('dit déclaré selon affirmé indiqué expliqué ajouté annoncé an ans année jour jours semaine mois'),
  nonNameCapitals: words('le la les un une en de du et pour avec selon lundi mardi mercredi jeudi vendredi samedi dimanche'),
  nameConnectors: words('de du des la le'),
  genericNameHeads: new Set(),
};

const PORTUGUESE: LanguageRules = {
  code: 'pt',
  notHappening: words('disse diz afirmou segundo informou explicou acrescentou declarou ano anos dia dias semana mês'),
  nonNameCapitals: words('o a os as um uma em de do da e para com segundo segunda terça quarta quinta sexta sábado domingo'),
  nameConnectors: words('de da do dos das e'),
  genericNameHeads: new Set(),
};

/**
 * The toolkit's stop words and stems (stopwords-iso, Snowball) for every language, but the
 * English stop words stay the function words of `word-lists.ts`: the stopwords-iso English list
 * is a search-engine list that also drops words that say what happened ("fire", "test", "open",
 * "show", "run").
 */
/** What the clusterer adds to the toolkit for a language. */
type LanguageRules = Omit<ClusterLanguage, 'kit' | 'stem' | 'isStopWord'>;

function withKit(l: LanguageRules): ClusterLanguage {
  const kit = textToolkit(l.code);
  const isStopWord = l.code === 'en' ? (w: string): boolean => STOPWORDS.has(w) : (w: string): boolean => kit.isStopWord(w);
  return { ...l, isStopWord, stem: (w) => kit.stem(w), kit };
}
const LANGUAGES: ReadonlyMap<string, ClusterLanguage> = new Map(
  [ENGLISH, SPANISH, ITALIAN, DUTCH, GERMAN, FRENCH, PORTUGUESE].map((l) => [l.code, withKit(l)]),
);

/**
 * The language data for an ISO 639-1 code ("en", "es-ES" → "es"); English when absent. Other
 * languages get the toolkit's stop words and stemmer where it has them, and no rules of another
 * language (their frequent words still weigh little through the IDF).
 */
export function clusterLanguage(code: string | null | undefined): ClusterLanguage {
  if (!code) return LANGUAGES.get('en')!;
  const base = code.toLowerCase().slice(0, 2);
  return LANGUAGES.get(base) ?? neutral(base);
}

const NEUTRAL = new Map<string, ClusterLanguage>();
function neutral(code: string): ClusterLanguage {
  let lang = NEUTRAL.get(code);
  if (!lang) {
    lang = withKit({ code, notHappening: new Set(), nonNameCapitals: new Set(), nameConnectors: new Set(), genericNameHeads: new Set() });
    NEUTRAL.set(code, lang);
  }
  return lang;
}
