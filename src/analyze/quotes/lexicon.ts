/** General word lists for quote attribution. */

const PARTICIPLE_CUES_LIST = ['saying', 'telling', 'adding', 'writing', 'declaring', 'asking', 'noting', 'arguing', 'insisting', 'warning', 'explaining', 'stating'];
/** Participles that attribute speech to the subject of the main clause ("..., saying, “...”"). */
export const PARTICIPLE_CUES: ReadonlySet<string> = new Set(PARTICIPLE_CUES_LIST);

/** Verbs and phrases that attribute speech (also belief and report verbs, as attribution corpora do). */
export const CUE_WORDS: readonly string[] = [
  'according to', 'pointed out', 'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'wrote', 'writes',
  'posted', 'tweeted', 'insisted', 'insists', 'warned', 'warns', 'stated', 'states', 'declared', 'declares',
  'announced', 'announces', 'explained', 'explains', 'noted', 'notes', 'argued', 'argues', 'claimed', 'claims',
  'asserted', 'asserts', 'stressed', 'stresses', 'emphasized', 'emphasised', 'acknowledged', 'acknowledges',
  'admitted', 'admits', 'replied', 'replies', 'responded', 'continued', 'recalled', 'suggested', 'suggests',
  'urged', 'urges', 'called', 'calls', 'described', 'describes', 'reported', 'reports', 'predicted', 'predicts',
  'promised', 'promises', 'vowed', 'vows', 'pledged', 'conceded', 'concedes', 'complained', 'joked', 'quipped',
  'remarked', 'observed', 'maintained', 'maintains', 'contended', 'countered', 'charged', 'alleged', 'alleges',
  'testified', 'confirmed', 'confirms', 'denied', 'denies', 'asked', 'asks', 'believes', 'believe', 'believed',
  'thinks', 'think', 'thought', 'wrote', 'estimated', 'estimates', 'showed', 'shows', 'found', 'finds',
  'agreed', 'agrees', 'tweets', 'posts', 'announce', 'predicted', 'indicated', 'indicates', 'hinted', 'cautioned',
  'boasted', 'conceded', 'speculated', 'mused', 'reiterated', 'reiterates', 'repeated', 'signaled', 'signalled',
  'concluded', 'confessed', 'exclaimed', 'echoed', 'retorted', 'shouted', 'yelled', 'chanted', 'cried', 'whispered',
  'muttered', 'interrupted', 'recounted', 'opined', 'quoted', 'wondered', 'read', 'reads', 'explained',
  'demanded', 'demands', 'commented', 'comments', 'yells', 'shouts', 'cries', 'pleaded', 'insisting', 'scoffed',
  ...PARTICIPLE_CUES_LIST,
];

/** Cues that take a clause ("said that ...", "said the ..."), so that an indirect quote may follow. */
export const CLAUSE_CUES: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'insisted', 'insists', 'warned',
  'warns', 'stated', 'declared', 'announced', 'explained', 'noted', 'notes', 'argued', 'argues', 'claimed', 'claims',
  'asserted', 'stressed', 'emphasized', 'emphasised', 'acknowledged', 'admitted', 'suggested', 'suggests',
  'believes', 'believe', 'believed', 'thinks', 'think', 'thought', 'reported', 'reports', 'predicted', 'predicts',
  'promised', 'vowed', 'pledged', 'conceded', 'confirmed', 'denied', 'maintained', 'contended', 'charged',
  'alleged', 'testified', 'recalled', 'estimated', 'showed', 'shows', 'found', 'finds', 'agreed', 'indicated',
  'hinted', 'cautioned', 'boasted', 'reiterated', 'repeated', 'posted', 'tweeted', 'pointed out', 'replied',
  'responded', 'continued', 'signaled', 'signalled', 'complained', 'observed', 'remarked',
]);

/** Personal pronouns that can be speakers; `he`/`she` are resolved to the last named person. */
export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);

/** Words that reveal a first- or second-person speaker: a stripped quote rather than a paraphrase. */
export const FIRST_PERSON_RE = /\b(?:I|I'm|I’m|I've|I’ve|we|We|we're|we’re|our|Our|us|my|My|me)\b/;

/** Head nouns of descriptive speakers ("local officials", "a campaign spokesman"). */
export const SPEAKER_NOUNS: ReadonlySet<string> = new Set([
  'official', 'officials', 'source', 'sources', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople',
  'aide', 'aides', 'analyst', 'analysts', 'expert', 'experts', 'leader', 'leaders', 'president', 'minister',
  'secretary', 'envoy', 'campaign', 'office', 'government', 'administration', 'ministry', 'police', 'military',
  'army', 'prosecutor', 'prosecutors', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'statement', 'report',
  'reports', 'poll', 'polls', 'survey', 'study', 'researchers', 'residents', 'witnesses', 'people', 'voters',
  'critics', 'supporters', 'officers', 'authorities', 'diplomats', 'observers', 'media', 'counterpart', 'adviser',
  'advisers', 'advisor', 'advisors', 'chief', 'head', 'director', 'candidate', 'nominee', 'team', 'group',
  'organization', 'organisation', 'committee', 'agency', 'department', 'democrats', 'republicans', 'members',
  'member', 'staff', 'staffer', 'staffers', 'operative', 'operatives', 'strategist', 'strategists', 'economists',
  'economist', 'data', 'figures', 'polling', 'survey', 'surveys', 'documents', 'records', 'article', 'letter',
  'memo', 'website', 'paper', 'newspaper', 'network', 'court', 'judge', 'senator', 'governor', 'mayor', 'chairman',
  'chairwoman', 'manager', 'founder', 'executive', 'executives', 'company', 'firm', 'spokespersons', 'insiders',
  'person', 'man', 'woman', 'presidency', 'palace', 'representative', 'representatives', 'legislators', 'lawmakers',
  'lawmaker', 'commander', 'commanders', 'parliament', 'allies', 'ally', 'partner', 'partners', 'friends',
  'friend', 'family', 'others', 'both', 'delegation', 'delegations', 'negotiators', 'protesters', 'activists',
  'groups', 'pollsters', 'pollster', 'forecasters', 'scientists', 'doctors', 'physician', 'doctor', 'investigators',
]);

/** Party and political labels: "the Democrat said" refers back to a person; the label is no speaker. */
export const AFFILIATION_NOUNS: ReadonlySet<string> = new Set([
  'democrat', 'democrats', 'republican', 'republicans', 'conservative', 'conservatives', 'liberal', 'liberals',
  'independent', 'independents', 'libertarian', 'socialist', 'progressive', 'progressives', 'moderate', 'moderates',
]);

/** Cues whose object is the listener ("told reporters"), never the speaker. */
export const ADDRESSEE_CUES: ReadonlySet<string> = new Set(['told', 'tells', 'asked', 'asks', 'urged', 'urges']);

/** Heads that turn "the office of X" into an organisation speaker. */
export const ORG_SPEAKER_HEADS: ReadonlySet<string> = new Set([
  'office', 'government', 'ministry', 'campaign', 'administration', 'team', 'department', 'party', 'cabinet',
  'presidency', 'embassy', 'staff', 'palace',
]);
/** Heads that turn "a spokesman for X" into a (nameless) person speaker. */
export const PERSON_SPEAKER_HEADS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'aides', 'lawyer', 'lawyers', 'attorney', 'adviser',
  'advisor', 'advisers', 'advisors', 'representative',
]);

/** Words that may sit between a speaker and the cue ("Varga also said", "Okafor earlier this week called"). */
export const ADVERBIAL_TAIL_RE =
  /(?:[\s,]+(?:also|earlier|later|then|previously|again|once|further|repeatedly|reportedly|recently|separately|publicly|privately|quickly|simply|has|have|had|was|is|were|are|would|will|did|does|do|later|this week|last week|this month|last month|on \w+day|\w+day|yesterday|today|tonight|last year|this year|in a statement|in an interview|in a speech|in a post|on Twitter|on Telegram))+\s*$/;

/** How something was said: platforms, interviews, conferences. The first group is the channel. */
export const CHANNEL_RE = new RegExp(
  [
    String.raw`\bon (social media|Telegram|Twitter|X|Facebook|Instagram|TikTok|YouTube|Truth Social|Weibo|state television|state TV|national television|television|TV|radio|(?:his|her|their) (?:website|blog|podcast|show|account|Facebook page|Twitter account))\b`,
    String.raw`\b(?:in|during) (?:an?|the|his|her|their) ((?:(?:exclusive|television|TV|radio|phone|telephone|video|written|recorded|joint|televised|brief) )?(?:interview|statement|speech|post|tweet|video|letter|op-ed|press release|briefing|address|message|memo|email|podcast)(?: (?:with|to|on|for) (?:(?:the|a|an|former) )?(?:[A-Z][\w'’.-]*|host|anchor)(?: (?:[A-Z][\w'’.-]*|host|anchor))*)?)`,
    String.raw`\b(?:at|during) (?:an?|the|his|her|their)(?: [\w-]+)? ((?:press|news) conference|(?:press|news) briefing|briefing|rally|summit|hearing|town hall|debate|news conference)`,
    String.raw`\b(?:told|speaking to|speaking with|talking to) (reporters|journalists|the press|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)`,
    String.raw`\bwith the (caption)\b`,
  ].join('|'),
);

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATION_RE =
  /(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Inc|Corp|Ltd|Co|vs|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Prof|Rev|Adm|Maj|Cmdr|Ft|Mt|Gov|Pres|Supt|approx|etc)|\b[A-Z]|(?:\b[A-Za-z]\.)+[A-Za-z])\.$/;

/** Lower-case words allowed inside a speaker phrase ("the press office of the regional government"). */
export const PHRASE_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'of', 'for', 'at', 'from', 'in', 'and', 'former', 'top', 'senior',
  'chief', 'regional', 'deputy', 'foreign', 'state', 'press', 'national', 'security', 'special', 'prime', 'vice',
  'presidential', 'host', 'anchor', 'several', 'some', 'many', 'two', 'three', 'other', 'local', 'federal',
  'military', 'defense', 'defence', 'interior', 'finance', 'treasury', 'another', 'one', 'unnamed', 'anonymous',
  'independent', 'longtime', 'current', 'acting', 'general', 'government', 'party',
  'campaign', 'economic', 'political', 'republican', 'democratic', 'conservative', 'liberal', 'new', 'recent',
  'public', 'private', 'polling', 'election', 'opposition', 'ruling', 'head', 'executive', 'managing', 'research',
  'policy', 'communications', 'media', 'council', 'union', 'majority', 'minority', 'leadership',
  'trade', 'energy', 'health', 'justice', 'legal', 'intelligence', 'police', 'senate', 'congressional', 'western', 'eastern', 'northern', 'southern', 'top-level', 'high-ranking', 'elected', 'appointed',
]);
