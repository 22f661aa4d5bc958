/**
 * What the clusterer needs to know of a language: words that say nothing about what happened
 * (function words, reporting verbs), how a word is reduced to the stem its inflections and
 * nominalisations share, and the abbreviations of country names. General knowledge of each
 * language; no entry names a person, place or event of any data set.
 */
import { NAME_CONNECTORS, NON_NAME_CAPITALS, STOPWORDS } from './word-lists.js';

export interface ClusterLanguage {
  readonly code: string;
  /** Function words (lower case): dropped from the vocabulary and the happening. */
  readonly stopwords: ReadonlySet<string>;
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
  /** Inflections and nominalisations to one stem: "resigned", "resignation" → "resign". */
  stem(word: string): string;
}

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** English inflection, then derivation: the verb and its nominalisations meet. */
function stemEnglish(w: string): string {
  let n = w.length;
  if (n <= 3) return w;
  // Inflection.
  if (w.endsWith('ies') && n > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ing') && n > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && n > 4 && !w.endsWith('eed')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  n = w.length;
  // Derivation: nominalisations back to their verb ("suspension" / "suspend", "agreement" /
  // "agree"), kept to long words so that short roots ("nation", "ment") are left alone.
  if (n > 7 && w.endsWith('ation')) w = w.slice(0, -5);
  else if (n > 6 && (w.endsWith('sion') || w.endsWith('ssion'))) w = w.endsWith('ssion') ? w.slice(0, -3) : w.slice(0, -4) + 'd';
  else if (n > 6 && w.endsWith('tion')) w = w.slice(0, -3);
  else if (n > 7 && w.endsWith('ment')) w = w.slice(0, -4);
  else if (n > 6 && (w.endsWith('ance') || w.endsWith('ence'))) w = w.slice(0, -4);
  else if (n > 6 && w.endsWith('ure') && !w.endsWith('ture')) w = w.slice(0, -3);
  // A final silent e and a doubled consonant are dropped so that "close"/"closed" and
  // "plan"/"planned" (after -ed above) meet.
  n = w.length;
  if (n > 4 && w.endsWith('e')) w = w.slice(0, -1);
  n = w.length;
  if (n > 4 && w[n - 1] === w[n - 2] && !'aeiouls'.includes(w[n - 1]!)) w = w.slice(0, -1);
  // "explosion" → "explod" above; "explode" → "explod" here; "decid"/"decis" likewise.
  return w;
}

/**
 * Romance and Dutch/German light stemming: plural and the common nominalisation endings, so that
 * "suspensión"/"suspender" or "dimisión"/"dimitir" do not need a dictionary to be compared
 * within one language. Longest suffix first; roots kept at four letters or more.
 */
function suffixStemmer(suffixes: readonly string[]): (w: string) => string {
  const sorted = [...suffixes].sort((a, b) => b.length - a.length);
  return (w) => {
    for (const s of sorted) if (w.length - s.length >= 4 && w.endsWith(s)) return w.slice(0, -s.length);
    return w;
  };
}

const ENGLISH: ClusterLanguage = {
  code: 'en',
  stopwords: STOPWORDS,
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
  stem: stemEnglish,
};

const SPANISH: ClusterLanguage = {
  code: 'es',
  stopwords: words(
    'a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellos en entre era es esa ' +
      'ese eso esta este esto estos fue fueron ha han hasta hay la las le les lo los más mas me mi muy ni no nos o otra otro ' +
      'para pero por que qué se sea ser si sí sin sobre su sus también tiene todo todos tras un una uno unos y ya',
  ),
  notHappening: words('dijo dice afirmó aseguró según informó señaló explicó añadió declaró año años día días semana mes'),
  nonNameCapitals: words('el la los las un una en de del y por para con según lunes martes miércoles jueves viernes sábado domingo'),
  nameConnectors: words('de del la las los y'),
  genericNameHeads: new Set(),
  stem: suffixStemmer(['aciones', 'ación', 'iones', 'ión', 'mientos', 'miento', 'es', 's', 'ar', 'er', 'ir', 'ó', 'aron', 'ieron']),
};

const ITALIAN: ClusterLanguage = {
  code: 'it',
  stopwords: words(
    'a ad al alla alle allo agli ai anche come con contro da dal dalla dai degli dei del della delle dello di e è era ed ' +
      'gli ha hanno i il in la le lo ma nel nella nelle non o per più quando questa questo se si sono su sua suo sul sulla ' +
      'tra un una uno che cui',
  ),
  notHappening: words('detto dice ha affermato secondo riferito spiegato aggiunto dichiarato anno anni giorno giorni settimana mese'),
  nonNameCapitals: words('il la lo i gli le un una in di del della e per con secondo lunedì martedì mercoledì giovedì venerdì sabato domenica'),
  nameConnectors: words('di de del della da'),
  genericNameHeads: new Set(),
  stem: suffixStemmer(['azioni', 'azione', 'zioni', 'zione', 'menti', 'mento', 'are', 'ere', 'ire', 'ato', 'ata', 'ati', 'ate', 'i', 'e', 'o', 'a']),
};

const DUTCH: ClusterLanguage = {
  code: 'nl',
  stopwords: words(
    'aan al als bij dan dat de den der des deze die dit door dus een en er had heeft hem het hij hun in is ja je kan ' +
      'maar met na naar niet nog nu of om onder ook op over te tegen toen tot uit van voor was wat werd wordt worden zal ze zich zij zijn',
  ),
  notHappening: words('zei zegt zeiden volgens meldde verklaarde jaar jaren dag dagen week maand'),
  nonNameCapitals: words('de het een in op van en voor met volgens maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'),
  nameConnectors: words('van de der den het ter'),
  genericNameHeads: words('groep bank nv bv'),
  stem: suffixStemmer(['ingen', 'ing', 'aties', 'atie', 'ties', 'tie', 'en', 's', 'de', 'te']),
};

const GERMAN: ClusterLanguage = {
  code: 'de',
  stopwords: words(
    'aber als am an auch auf aus bei bis das dass dem den der des die durch ein eine einem einen einer es für hat hatte ' +
      'im in ist mit nach nicht noch nur oder sich sie sind so um und uns vom von vor war wie wird wurde zu zum zur',
  ),
  notHappening: words('sagte sagt sagten teilte mit laut berichtete erklärte jahr jahre tag tage woche monat'),
  nonNameCapitals: words('der die das ein eine in am im und für mit laut montag dienstag mittwoch donnerstag freitag samstag sonntag'),
  nameConnectors: words('von van der de zu'),
  genericNameHeads: words('gruppe bank ag gmbh'),
  stem: suffixStemmer(['ungen', 'ung', 'ionen', 'ion', 'en', 'er', 'es', 'e', 's', 'n']),
};

const FRENCH: ClusterLanguage = {
  code: 'fr',
  stopwords: words(
    'à au aux avec ce ces dans de des du elle en est et été il ils la le les leur lui mais ne pas par pour qu que qui sa ' +
      'se ses son sont sur un une y a ont été était',
  ),
  notHappening: words('dit déclaré selon affirmé indiqué expliqué ajouté annoncé an ans année jour jours semaine mois'),
  nonNameCapitals: words('le la les un une en de du et pour avec selon lundi mardi mercredi jeudi vendredi samedi dimanche'),
  nameConnectors: words('de du des la le'),
  genericNameHeads: new Set(),
  stem: suffixStemmer(['ations', 'ation', 'ions', 'ion', 'ements', 'ement', 'er', 'es', 'e', 's', 'é', 'ée', 'és']),
};

const PORTUGUESE: ClusterLanguage = {
  code: 'pt',
  stopwords: words(
    'a ao aos as com como da das de do dos e é em entre era foi foram há mais mas na nas no nos o os ou para pela pelo ' +
      'por que se sem seu sua são também um uma',
  ),
  notHappening: words('disse diz afirmou segundo informou explicou acrescentou declarou ano anos dia dias semana mês'),
  nonNameCapitals: words('o a os as um uma em de do da e para com segundo segunda terça quarta quinta sexta sábado domingo'),
  nameConnectors: words('de da do dos das e'),
  genericNameHeads: new Set(),
  stem: suffixStemmer(['ações', 'ação', 'ções', 'ção', 'mentos', 'mento', 'es', 's', 'ar', 'er', 'ir', 'ou']),
};

const LANGUAGES: ReadonlyMap<string, ClusterLanguage> = new Map(
  [ENGLISH, SPANISH, ITALIAN, DUTCH, GERMAN, FRENCH, PORTUGUESE].map((l) => [l.code, l]),
);

/**
 * The language data for an ISO 639-1 code ("en", "es-ES" → "es"). Unknown or absent languages get a
 * neutral entry: no stop words of another language, no stemming (their frequent words still weigh
 * little through the IDF).
 */
export function clusterLanguage(code: string | null | undefined): ClusterLanguage {
  if (!code) return ENGLISH;
  const base = code.toLowerCase().slice(0, 2);
  return LANGUAGES.get(base) ?? neutral(base);
}

const NEUTRAL = new Map<string, ClusterLanguage>();
function neutral(code: string): ClusterLanguage {
  let lang = NEUTRAL.get(code);
  if (!lang) {
    lang = { code, stopwords: new Set(), notHappening: new Set(), nonNameCapitals: new Set(), nameConnectors: new Set(), genericNameHeads: new Set(), stem: (w) => w };
    NEUTRAL.set(code, lang);
  }
  return lang;
}
