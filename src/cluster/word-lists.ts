/**
 * General English word lists used by the feature extractor. They name no person, place or event:
 * function words, reporting verbs and calendar words that carry no story identity.
 */

/**
 * English function words and very common news verbs: dropped from the vocabulary vector. Other
 * languages use the text toolkit's stop words (see `lang.ts` for why English does not).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against ago all almost along already also although always am among an and another any ' +
    'anyone anything are around as at back be became because become been before being below between both but by ' +
    'came can could did do does doing done down during each either else even ever every few first for from ' +
    'further get gets getting go goes going gone got had has have having he her here hers herself him himself his ' +
    'how however i if in including into is it its itself just last later least less like made make makes many may me ' +
    'might more most much must my myself near never new next no nor not now of off often on once one only onto or ' +
    'other others our ours ourselves out over own per put rather s said same say says see seen several she should ' +
    'since so some still such than that the their theirs them themselves then there these they this those though ' +
    'through thus to too toward towards under until up upon us very was we well were what whatever when where ' +
    'whether which while who whom whose why will with within without would yet you your yours yourself ' +
    'told tell tells according also t don didn doesn isn wasn won aren couldn wouldn shouldn hasn haven ' +
    'll ve re d m mr mrs ms dr st via'
  ).split(' '),
);

/**
 * Capitalised words that are not names: sentence openers, pronouns, titles and calendar words.
 * A capitalised sequence is cut at these words, so "On Monday President Smith" yields "smith".
 */
export const NON_NAME_CAPITALS: ReadonlySet<string> = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'mr mrs ms dr sir lord lady prof president vice prime minister secretary senator sen rep governor gov mayor ' +
    'foreign interior defence defense finance home justice health state federal national deputy general attorney ' +
    'chancellor ambassador envoy spokesman spokeswoman spokesperson commissioner chairman chairwoman ceo ' +
    'king queen prince princess chief judge justice col lt sgt ' +
    'said says according however meanwhile also after before while when where what who why how ' +
    'he she it they we i you his her its their our this that these those there here then but and or ' +
    'in on at by for from with to of as a an the if so no yes not all some many one two three ' +
    'today yesterday tomorrow tonight update updated breaking photo video reuters ap afp cnn ' +
    'read more click share advertisement'
  ).split(' '),
);

/** Lower-case words allowed inside a capitalised name: "Bank of England", "Leonardo da Vinci". */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'de', 'da', 'del', 'der', 'van', 'von', 'la', 'le', 'al', 'bin', 'du', 'di']);
