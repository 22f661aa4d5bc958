import type { TextBlock } from './blocks.js';
import { classifyHeading, hasFurniturePhrase } from './lexicon.js';
import type { HtmlElement } from './tree.js';
import { countWords } from './text.js';

/** Blocks up to this many words can be prompts, labels or link lines; longer ones are prose. */
const MAX_PROMPT_WORDS = 30;
/** Share of a short block's characters inside links above which it is a link line, not prose. */
const MAX_LINK_DENSITY = 0.5;
/** A list whose items are mostly links is a related-articles list. */
const MAX_LIST_LINK_DENSITY = 0.6;
/** Blocks shorter than this may repeat (table cells, labels); longer repeats are captions or pull quotes. */
const MIN_WORDS_TO_DEDUPE = 6;
/** A block this long that ends like a sentence is prose even when it is mostly links. */
const MIN_SENTENCE_WORDS = 10;
/** "By Jane Doe | March 3, 2024 at 9:10 AM - Updated 11:40 AM": a byline and its stamps. */
const MAX_BYLINE_DATE_WORDS = 30;

function isBylineWithDate(text: string): boolean {
  const parts = text.split(/\s+[|·•–—-]\s+/);
  if (parts.length < 2 || !REGEXPS.byline.test(parts[0] ?? '')) return false;
  return parts.slice(1).every((p) => isDateLine(p));
}

/** A reporter's role line is this short. */
const MAX_ROLE_LINE_WORDS = 8;
/** Credit, byline and stamp rules only look at blocks this short. */
const MAX_CREDIT_WORDS = 15;
/** A block of up to this many words that is only a section title ("Comments", "Lesen Sie auch") is a label. */
const MAX_LABEL_WORDS = 6;
/** A line of this many comma-separated short items and no sentence end is a list of tags. */
const MIN_TAG_ITEMS = 5;
const MAX_TAG_ITEM_WORDS = 4;
/** Notices (comment policies, reprint terms) are looked for in this much of a block. */
const NOTICE_WINDOW_CHARS = 600;
/** Only the start of a block is matched against phrase patterns: bounds regex work. */
const PATTERN_WINDOW_CHARS = 300;

/**
 * Known boilerplate phrases. Every pattern is anchored and has no nested quantifiers, so matching
 * is linear on untrusted text.
 */
const REGEXPS = {
  /** A whole block that is only a label. */
  label:
    /^(?:advertisement|advertising|advert|sponsored(?: content)?|promoted(?: content)?|ad|ads|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue(?: with content)?|skip (?:to )?(?:main )?(?:content|advertisement)|share|share this(?: article| story)?|share tweet.{0,20}|tweet|email|e-mail|print|print (?:this )?article|order reprints|reprints|text size|comments?|whatsapp|facebook|twitter|linkedin|pinterest|reddit|copy link|link copied|save|bookmark|listen(?: to this article)?|close|loading(?: content)?[. ]*|play video|watch video|image|photo|video|gallery|caption|expand|menu|top|back to top|next|previous|more|highlights|key points|read more|about the author|about this author|author|breaking news(?: emails?)?|related|related (?:articles?|stories|content|coverage|posts|topics|news)|topics|tags|trending(?: now)?|most (?:read|popular|viewed|shared)|recommended(?: for you)?|you (?:may|might) also like|more (?:from|on|stories|news)\b.{0,60}|more great .{0,40}stories|editor'?s picks|don't miss|up next|read next|top stories|latest(?: news| stories)?|follow us.{0,60}|like this (?:article|story)|getty(?: images)?|more [\p{L} ]{0,30} news|iklan|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|reklama|реклама|広告|광고|annonce|advertentie|(?:image|photo|slide|picture)?\s*\d+\s*(?:of|\/)\s*\/?\s*\d+)[.:!?…]{0,3}$/iu,
  /** A block that begins with a cross-link prefix: "ALSO READ: ...", "Read more: ...". */
  crossLink:
    /^(?:also read|read also|read more|more reading|see also|also see|related|related article|related story|related coverage|related content|recommended|recommended reading|suggested reading|further reading|read next|watch|watch now|listen|click here|more|more on this(?: story)?|more from|editor's note:? read|must read|don't miss|you may also like|also watch|also on|read the full story|read full article|read the latest|just in|breaking|filed under|posted in|categories|category|tags?)\s*[:|>»›\-–—]/i,
  /** Video/audio player fallbacks and script/cookie requirements. */
  playerFallback:
    /(?:your browser (?:does ?n[o']t|doesn[’']t|is not able to|cannot) (?:support|play)|(?:please )?(?:enable|turn on) (?:javascript|js|cookies)|javascript (?:is )?(?:disabled|required)|requires javascript|upgrade (?:to )?a (?:modern|newer|supported) browser|this video (?:is (?:not )?available|cannot be played|has been removed)|media playback is (?:un)?supported|video player is loading|to view this video)/i,
  /** Prompts to subscribe, share, sign up or follow: only counted in short blocks. */
  prompt:
    /(?:\bsubscribe\b|\bsubscription\b|\bsign up\b|\bsign-up\b|\bnewsletters?\b|\bfollow us\b|\bfollow @|\bfollow (?:him|her|them|the author|\S+ on (?:twitter|facebook|instagram))\b|\bfollow (?:ap'?s|our) (?:full )?coverage\b|\bshare (?:this|it|on|via)\b|\bclick here\b|\bdownload (?:our|the) app\b|\bsign in\b|\blog ?in\b|\bregister (?:now|for free|to)\b|\bcreate (?:a |an )?(?:free )?account\b|\bunlimited access\b|\bsupport (?:our|independent) journalism\b|\bdonate\b|\bget (?:the|our) (?:latest|best|top)\b|\bnews alerts\b|\bdelivered (?:to|straight to) your inbox\b|\byour inbox\b|\bjoin (?:the conversation|our)\b|\bleave a comment\b|\bpost (?:a )?comment\b|\bcomments? (?:are|is) closed\b|\bsee all comments\b|\bprivacy policy\b|\bterms of (?:use|service)\b|\ball rights reserved\b|\bcopyright\s*(?:©|ⓒ|\(c\)|@)|©\s*\d{4}|\bsubject to copyright\b|\bretrieved .{0,60} from https?:|\breport (?:an? )?(?:typo|error|correction)\b|\bwhatsapp channel\b|\btelegram channel\b|\bgoogle news\b|\bif you (?:enjoyed|liked) this\b|\baffiliate (?:commission|links?)\b|\bwant more stories like this\b|\bsend (?:you )?an email\b)/i,
  /** Cookie/consent banners. */
  cookie: /\bcookies?\b.{0,120}\b(?:consent|accept|agree|privacy|personalis|personaliz|experience|settings|preferences)\b/i,
  /** Image credits and captions that announce themselves. */
  credit:
    /^(?:\(?(?:photo|photograph|image|picture|pic|illustration|graphic|video|file photo|credit|credits|source|courtesy|photos)(?: credit)?\s*(?:[:/|©.-]|by\b|copyright\b|caption\b)|(?:image|media|video) (?:copyright|caption|credit)|©|\((?:ap|afp|reuters|getty|epa|ap photo|afp photo|photo)\b)/i,
  /** A caption's trailing credit: "(Image: Getty)", "AP Photo/Jane Doe", "Credit: NASA", "[File: Reuters]". */
  creditTail:
    /(?:(?:\/|\||\bvia\b|\bfor\b)\s*(?:getty images?|ap|afp|reuters|epa(?:-efe)?|shutterstock|alamy|bloomberg|the associated press|associated press|istock(?:photo)?|ap photo|afp via getty images)\)?|\((?:image|photo|photograph|picture|credit|illustration|source)s?\s*:[^()]{0,80}\)|\[(?:file|photo|image)\s*:[^[\]]{0,60}\]|\b(?:ap photo|reuters|afp|getty images?|epa)\s*\/\s*[^/]{1,60}|(?:\bcredit|\bphoto|\bimage)\s*:\s*[^.:]{1,60}|\((?:ap|afp|reuters|getty images?|epa)\))\.?\s*$/i,
  /** An explicit photo credit closing a caption of any length. */
  captionCredit:
    /(?:\((?:image|photo|photograph|picture|credit|illustration)s?\s*:[^()]{0,80}\)|\[(?:file|photo|image)\s*:[^[\]]{0,60}\]|\((?:AP|AFP|Reuters|REUTERS|Getty Images|EPA)(?: Photo)?(?:\s*\/[^()]{0,60})?\)|\b(?:AP|AFP|Reuters) Photo\s*\/[^/]{1,60}|\bPhoto(?:graph)?(?: illustration)? by [^.]{1,60}|\bCredit:\s*[^.]{1,60}|\/\s*Getty Images?|\bREUTERS\/[^/]{1,40})\.?\s*$/,
  /** Short meta lines: reading time, updated stamps. */
  metaLine: /^(?:\d+\s*(?:min|mins|minute|minutes)(?: read| reading)?|(?:published|updated|posted|last updated|first published|modified)\b.{0,80})$/i,
  byline:
    /^(?:By|BY|by)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}){0,3}(?:\s*[|,-]\s*.{0,60})?$/u,
  /** Agency credit lines: "Jane Doe, AP National Writer", "Associated Press", "Detroit News wire services". */
  agencyLine:
    /^(?:[^,]{0,80},\s*)?(?:the )?(?:associated press|reuters|afp|agence france-presse|ap|dpa|efe|ansa|[\p{L} ]{0,30} wire services|(?:ap|afp|reuters) [\p{L} ]{0,30}(?:writer|correspondent|reporter|editor))\.?$/iu,
  /** A reporter's role line: "Courier staff writer", "Wirtschaftsredakteurin", "corresponsal en Bruselas". */
  roleLine:
    /^(?:[\p{L}.'’-]+\s+){0,4}(?:staff |senior |special |chief |political |foreign |business )?(?:writer|reporter|correspondent|editor|photographer|columnist|contributor)s?(?:\s+(?:in|at|for)\s+[\p{L} .'’-]{1,30})?\.?$|^(?:[\p{L}.'’-]+\s+){0,3}(?:redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|correspondant(?:e)?|rédact(?:eur|rice)|envoyée? spéciale?|corresponsal|redactor(?:a)?|enviad[oa] especial|redattore|redattrice|corrispondente|inviat[oa]|verslaggever|correspondent|redacteur|repórter|redator(?:a)?|correspondente|enviad[oa] especial)(?:\s+(?:in|en|em|a|à|bei|aus|für|de|di|da|te)\s+[\p{L} .'’-]{1,30})?\.?$/iu,
  /** Contributor notes at the end of wire copy. */
  contributors:
    /(?:^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b|\bcontributed (?:reporting|to this (?:report|story|article))\b|^\(?this (?:story|article|report) (?:was|has been) (?:updated|corrected)\b)/i,
  /** A block that is only an e-mail address or a social-media profile link. */
  contactOnly: /^(?:\S{1,64}@\S{1,200}\.\p{L}{2,}|(?:https?:\/\/)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin|threads)\.(?:com|net)\/\S{1,100})$/iu,
  sentenceEnd: /[.!?…。！？]["'”’»)\]]*$/,
  /** Ends in a letter or digit (a label, a name, a date), possibly inside closing quotes or brackets. */
  endsLikeLabel: /[\p{L}\p{N}]["'”’»)\]]*$/u,
} as const;

/** Words that, with numbers and punctuation, make up a date or time stamp and nothing else. */
const DATE_WORDS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
    'am pm a m p utc gmt est edt cst cdt mst mdt pst pdt et ct pt bst cet cest ist amt jst kst aest ' +
    'hst hdt akst akdt aedt acst awst nzst nzdt sgt hkt wib msk eet eest wet west mez mesz ' +
    'at on of the updated update published posted original originally last modified de às h hrs ' +
    // German, French, Spanish, Italian, Dutch, Portuguese months, days and stamp words.
    'januar jänner februar märz mai juni juli august oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'um uhr am vom aktualisiert veröffentlicht erstellt stand ' +
    'janvier février mars avril juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'le à publié mis jour modifié ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo ' +
    'del las los actualizado publicado hace ' +
    'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica ' +
    'alle ore il aggiornato pubblicato ' +
    'januari februari maart mei augustus oktober maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ' +
    'om uur op bijgewerkt gepubliceerd ' +
    'janeiro fevereiro março maio junho julho setembro outubro dezembro segunda terça quarta quinta sexta sábado feira ' +
    'às atualizado publicado em'
  ).split(' '),
);
const MAX_DATE_LINE_TOKENS = 24;

/** True for a short line that is only a date and/or time stamp ("Nov. 20, 2019, 9:28 AM UTC"). */
function isDateLine(text: string): boolean {
  const tokens = text.toLowerCase().match(/\p{L}+|\d+/gu);
  if (!tokens || tokens.length > MAX_DATE_LINE_TOKENS) return false;
  let hasNumber = false;
  for (const t of tokens) {
    if (/^\d+$/.test(t)) hasNumber = true;
    else if (!DATE_WORDS.has(t)) return false;
  }
  return hasNumber && tokens.some((t) => !/^\d+$/.test(t) || t.length === 4);
}

/** "storm, flood warning, river levels, city council, emergency services": keywords, not prose. */
function isTagLine(text: string): boolean {
  if (REGEXPS.sentenceEnd.test(text)) return false;
  const items = text.split(/\s*[,;|·•]\s*/);
  if (items.length < MIN_TAG_ITEMS) return false;
  return items.every((item) => {
    const w = countWords(item);
    return w >= 1 && w <= MAX_TAG_ITEM_WORDS;
  });
}

function head(text: string): string {
  return text.length > PATTERN_WINDOW_CHARS ? text.slice(0, PATTERN_WINDOW_CHARS) : text;
}

/**
 * True when a line of text is boilerplate by its wording alone: labels, cross-links, player
 * fallbacks, short prompts, cookie banners, credits, agency and contributor lines, date stamps.
 * Used for plain text and HTML alike.
 */
export function isBoilerplateText(text: string): boolean {
  const start = head(text);
  const words = countWords(text);
  if (REGEXPS.label.test(start) || REGEXPS.contactOnly.test(start)) return true;
  if (words <= MAX_LABEL_WORDS && classifyHeading(text) !== null) return true;
  if (words <= MAX_DATE_LINE_TOKENS && !REGEXPS.sentenceEnd.test(text) && isDateLine(start)) return true;
  if (hasFurniturePhrase((text.length > NOTICE_WINDOW_CHARS ? text.slice(0, NOTICE_WINDOW_CHARS) : text).toLowerCase(), words, MAX_PROMPT_WORDS)) return true;
  if (words <= MAX_PROMPT_WORDS * 2 && isTagLine(text)) return true;
  if (words <= MAX_BYLINE_DATE_WORDS && isBylineWithDate(start)) return true;
  if (REGEXPS.playerFallback.test(start) && words <= MAX_PROMPT_WORDS * 2) return true;
  if (REGEXPS.contributors.test(start) && words <= MAX_PROMPT_WORDS * 2) return true;
  if (words > MAX_PROMPT_WORDS) return false;
  if (REGEXPS.crossLink.test(start)) return true;
  if (REGEXPS.prompt.test(start)) return true;
  if (REGEXPS.cookie.test(start)) return true;
  if (REGEXPS.captionCredit.test(text.slice(-120))) return true;
  if (words > MAX_CREDIT_WORDS) return false;
  if (REGEXPS.credit.test(start)) return true;
  if (REGEXPS.creditTail.test(text.slice(-120))) return true;
  if (REGEXPS.metaLine.test(start) || REGEXPS.byline.test(start) || REGEXPS.agencyLine.test(start)) return true;
  if (words <= MAX_ROLE_LINE_WORDS && REGEXPS.roleLine.test(start)) return true;
  return isDateLine(start);
}

function linkDensity(block: TextBlock): number {
  return block.text.length === 0 ? 0 : block.linkChars / block.text.length;
}

/** Lists whose items are mostly link text (related articles, tag clouds, share bars). */
function findLinkLists(blocks: readonly TextBlock[]): Set<HtmlElement> {
  const totals = new Map<HtmlElement, { chars: number; linkChars: number; words: number }>();
  for (const b of blocks) {
    if (!b.list) continue;
    const t = totals.get(b.list) ?? { chars: 0, linkChars: 0, words: 0 };
    t.chars += b.text.length;
    t.linkChars += b.linkChars;
    t.words += countWords(b.text);
    totals.set(b.list, t);
  }
  const lists = new Set<HtmlElement>();
  for (const [list, t] of totals) {
    if (t.chars > 0 && t.linkChars / t.chars > MAX_LIST_LINK_DENSITY) lists.add(list);
  }
  return lists;
}

/** What the page says about itself, to recognise blocks that only repeat it. */
export interface PageContext {
  title: string | null;
  /** The page's own URLs (fetched, canonical): a block that is only one of them is a share line. */
  urls: readonly (string | null)[];
  /** Site name and byline: a block that is only one of them is a label, not text. */
  siteName: string | null;
  byline: string | null;
}

/** Author bios close the article; only the last few blocks are checked. */
const AUTHOR_BIO_TAIL_BLOCKS = 4;
const MAX_AUTHOR_BIO_WORDS = 80;
const AUTHOR_BIO_VERB = /^(?:is|was|has|had|joined|covers|writes|reports|lives|worked|works|holds|previously|currently|'s|’s)\b/i;

/** True when the block starts with the author's name followed by a bio verb ("Jane Doe is a ..."). */
function isAuthorBio(text: string, byline: string | null): boolean {
  if (!byline) return false;
  const names = byline.split(/\s*(?:,|\band\b|&)\s*/).map((n) => n.trim()).filter((n) => n.length >= 3);
  for (const name of names) {
    const first = name.split(/\s+/)[0] ?? '';
    for (const candidate of [name, first.length >= 3 ? first : null]) {
      if (!candidate || !text.startsWith(candidate)) continue;
      const rest = text.slice(candidate.length).replace(/^\s*\([^()]{0,80}\)/, '').trimStart();
      if (AUTHOR_BIO_VERB.test(rest)) return true;
    }
  }
  return false;
}

function normalizeUrl(url: string): string {
  return url.trim().toLowerCase().replace(/^https?:\/\/(?:www\.)?/, '').replace(/[/#?]+$/, '');
}

function normalizeForCompare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Drops boilerplate blocks from an article: phrase patterns (in several languages, see
 * lexicon.ts), short link-dominated lines, link lists, credit-only captions, the links and
 * teasers after a "Related articles" heading, the headline again, header lines before the
 * first paragraph of prose, repeats of earlier blocks. Returns the surviving paragraphs in
 * order. Pure.
 */
export function filterBoilerplate(blocks: readonly TextBlock[], page: PageContext): string[] {
  const linkLists = findLinkLists(blocks);
  const seen = new Set<string>();
  const normalTitle = page.title ? normalizeForCompare(page.title) : null;
  const titleWords = page.title ? wordSet(page.title) : null;
  const pageUrls = new Set(page.urls.filter((u): u is string => !!u).map(normalizeUrl));
  const labels = new Set([page.siteName, page.byline].filter((l): l is string => !!l).map(normalizeForCompare));
  const kept: TextBlock[] = [];
  // After a heading such as "Related articles" inside the text: its links and teasers, until prose resumes.
  let inTailSection: 'tail' | 'comments' | null = null;
  // Header lines are dropped only when prose follows (a page of short lines, a calendar, keeps them).
  let firstProse = blocks.findIndex((b) => countWords(b.text) >= MIN_SENTENCE_WORDS && REGEXPS.sentenceEnd.test(b.text) && b.list === null);
  if (firstProse < 0) firstProse = 0;
  for (const [index, block] of blocks.entries()) {
    const words = countWords(block.text);
    if (words === 0) continue;
    const normalText = normalizeForCompare(block.text);
    if (labels.has(normalText)) continue;
    if (index >= blocks.length - AUTHOR_BIO_TAIL_BLOCKS && words <= MAX_AUTHOR_BIO_WORDS && isAuthorBio(block.text, page.byline)) continue;
    // Captions describe pictures and repeat or annotate the text; they are not article prose.
    if (block.isCaption) continue;
    if (pageUrls.has(normalizeUrl(block.text))) continue;
    // A sentence with links is prose; a link line (headline, label) has no final punctuation.
    const isSentence = words >= MIN_SENTENCE_WORDS && REGEXPS.sentenceEnd.test(block.text);
    const isProse = isSentence && linkDensity(block) < MAX_TAIL_PROSE_LINK_DENSITY && block.list === null;
    const heading = words <= MAX_LABEL_WORDS ? classifyHeading(block.text) : null;
    if (heading === 'tail' || heading === 'comments') {
      inTailSection = heading;
      continue;
    }
    // Related links run until prose resumes; readers' comments run until the next heading.
    if (inTailSection === 'tail') {
      if (!isProse) continue;
      inTailSection = null;
    } else if (inTailSection === 'comments') {
      if (!HEADING_BLOCK_TAGS.has(block.tag)) continue;
      inTailSection = null;
    }
    if (!isSentence) {
      if (block.list && linkLists.has(block.list)) continue;
      if (words <= MAX_PROMPT_WORDS && linkDensity(block) > MAX_LINK_DENSITY) continue;
    }
    if (isBoilerplateText(block.text)) continue;
    const normal = normalText;
    if (normalTitle !== null && normal === normalTitle) continue;
    // The headline again, slightly reworded (the <h1> beside og:title, the title with the site name), near the top.
    if (titleWords !== null && kept.length < HEADLINE_ZONE_BLOCKS && words <= MAX_HEADLINE_WORDS && !isSentence && isHeadlineLike(wordSet(block.text), titleWords)) continue;
    // Before the first paragraph of prose: the page's header (kicker, standfirst, credit line), not the article.
    if (index < firstProse && index < HEADER_ZONE_BLOCKS && words <= MAX_HEADER_LINE_WORDS && REGEXPS.endsLikeLabel.test(block.text) && block.list === null && block.tag !== 'td' && block.tag !== 'th') continue;
    // Repeated captions and pull quotes: keep the first occurrence. Short repeats (table cells,
    // list labels) are legitimately repeated.
    if (words >= MIN_WORDS_TO_DEDUPE) {
      if (seen.has(normal)) continue;
      seen.add(normal);
    }
    kept.push(block);
  }
  return kept.map((b) => b.text);
}

const HEADING_BLOCK_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Blocks near the top where the headline may be repeated. */
const HEADLINE_ZONE_BLOCKS = 3;
const MAX_HEADLINE_WORDS = 30;
/** Word-set overlap (Jaccard) above which a block is the headline reworded. */
const MIN_HEADLINE_SIMILARITY = 0.75;
/** Share of a block's words found in the title above which the block is the headline (the title adds the site name). */
const MIN_HEADLINE_CONTAINMENT = 0.9;
const MIN_HEADLINE_CONTAINED_WORDS = 4;
/** Short lines ending in a word (no punctuation, no emoji) among the first blocks, before the first paragraph of prose, are header lines. */
const MAX_HEADER_LINE_WORDS = 15;
const HEADER_ZONE_BLOCKS = 4;
/** Prose that ends a "related articles" run: few links. */
const MAX_TAIL_PROSE_LINK_DENSITY = 0.3;

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function isHeadlineLike(block: ReadonlySet<string>, title: ReadonlySet<string>): boolean {
  if (similarity(block, title) >= MIN_HEADLINE_SIMILARITY) return true;
  if (block.size < MIN_HEADLINE_CONTAINED_WORDS) return false;
  let inTitle = 0;
  for (const w of block) if (title.has(w)) inTitle++;
  return inTitle / block.size >= MIN_HEADLINE_CONTAINMENT;
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

