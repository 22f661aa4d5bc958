/**
 * Words of page furniture, per language: the titles of sections that are not the article
 * (comments, related posts, newsletter...) and the lines of prompts and notices (log in to
 * comment, all rights reserved...). Structure decides first (forms, fields, link lists,
 * repeated blocks); these lists catch what structure leaves. They extend the boilerplate
 * phrases of the language bundles (`src/core/lang/<xx>`, merged in below) with what only
 * extraction needs: headings of sections, prompts and longer notices. General knowledge of how
 * news sites label their furniture, in English, German, French, Spanish, Italian, Dutch and
 * Portuguese; nothing here comes from a particular site.
 */
import { BUNDLED_LANGUAGES, languageBundle } from '../core/lang/index.js';

export interface FurnitureLexicon {
  /**
   * Whole headings (lower case, without trailing punctuation or counts) of sections that run to
   * the end of their container: comments, related and recommended stories, most read, latest.
   */
  tailSections: readonly string[];
  /** Whole headings of boxes that hold only themselves: share, tags, newsletter, poll, advertising. */
  boxTitles: readonly string[];
  /** Prefixes of tail-section headings ("more from ...", "mehr zum thema ..."). */
  sectionTitlePrefixes: readonly string[];
  /**
   * Prompts and notices: a short block containing one of these is furniture. Plain lower-case
   * phrases, matched as substrings of the lower-cased block (no regular expressions: linear).
   */
  promptPhrases: readonly string[];
  /** Notices that may run longer (comment policies, reprint terms): matched in blocks up to 80 words. */
  noticePhrases: readonly string[];
}

export const FURNITURE_LEXICONS: Readonly<Record<string, FurnitureLexicon>> = {
  en: {
    tailSections: [
      'comments', 'comment', 'leave a comment', 'leave a reply', 'post a comment', 'add a comment',
      'join the discussion', 'join the conversation', 'discussion', 'reader comments', 'responses', 'related',
      'related articles', 'related stories', 'related posts', 'related content', 'related news', 'related coverage',
      'related topics', 'related links', 'related videos', 'see also', 'also read', 'read also', 'read more',
      'read next', 'more stories', 'more news', 'more videos', 'more on this', 'more on this story', 'recommended',
      'recommended for you', 'recommended stories', 'you may also like', 'you might also like',
      'you may be interested in', 'most read', 'most popular', 'most viewed', 'most shared', 'trending',
      'trending now', 'latest', 'latest news', 'latest stories', 'latest articles', 'latest posts', 'top stories',
      'popular posts', 'popular stories', 'popular videos', 'recent posts', 'recent articles', 'also in the news',
      'in other news', 'further reading', 'what to read next', "editor's picks", 'editors picks',
      'from around the web', 'around the web', 'promoted stories', 'sponsored stories',
    ],
    boxTitles: [
      'newsletter', 'sign up for our newsletter', 'subscribe', 'share', 'share this', 'share this article',
      'share this story', 'tags', 'topics', 'about the author', 'sponsored', 'sponsored content', 'advertisement',
      'poll', 'reader poll', 'readers poll', 'quick poll', 'vote', 'survey', 'your opinion', 'have your say',
      'refer a friend', 'follow us',
    ],
    sectionTitlePrefixes: ['more from ', 'more in ', 'more about ', 'other stories', 'also on ', 'elsewhere on '],
    promptPhrases: [
      'you must be logged in', 'log in to comment', 'log in to post', 'sign in to comment', 'login to comment',
      'to post a comment', 'to leave a comment', 'your email address will not be published',
      'required fields are marked', 'comments are closed', 'refer a friend', 'all rights reserved',
      'reprints and permissions', 'reprints & permissions', 'for reprint', 'sign up for our newsletter',
      'subscribe to our newsletter', 'get our newsletter', 'thanks for signing up', 'thank you for signing up',
      'you have already voted', 'view results', 'vote now', 'cast your vote', 'total votes',
    ],
    noticePhrases: [
      'comments are moderated', 'comments will be moderated', 'comments may be moderated', 'limit your comments',
      'keep your comments', 'keep comments civil', 'comment policy', 'commenting policy', 'community guidelines',
      'may not be reproduced', 'may not be published, broadcast', 'may not be republished', 'may not be redistributed',
      'reproduction in whole or in part', 'without prior written permission', 'without the prior written permission',
      'will not be approved', 'approved by a moderator', 'approved by the moderator',
    ],
  },
  de: {
    tailSections: [
      'kommentare', 'kommentar', 'kommentieren', 'kommentar schreiben', 'leserkommentare', 'diskussion',
      'diskutieren sie mit', 'ähnliche beiträge', 'ähnliche artikel', 'verwandte artikel',
      'das könnte sie auch interessieren', 'das könnte sie interessieren', 'auch interessant', 'mehr zum thema',
      'mehr zu diesem thema', 'weitere artikel', 'weitere meldungen', 'weitere nachrichten', 'lesen sie auch',
      'lesen sie mehr', 'mehr lesen', 'weiterlesen', 'neueste artikel', 'neueste beiträge', 'aktuelle artikel',
      'aktuelle nachrichten', 'meistgelesen', 'meistgelesene artikel', 'am meisten gelesen', 'beliebteste artikel',
      'beliebte beiträge', 'empfehlungen', 'unsere empfehlungen',
    ],
    boxTitles: [
      'ihre meinung', 'verwandte themen', 'newsletter', 'newsletter abonnieren', 'teilen', 'artikel teilen',
      'diesen artikel teilen', 'schlagwörter', 'themen', 'über den autor', 'zum autor', 'anzeige', 'werbung',
      'umfrage', 'abstimmung', 'freunde werben',
    ],
    sectionTitlePrefixes: ['mehr zum thema ', 'mehr aus ', 'mehr von ', 'weitere artikel ', 'auch interessant'],
    promptPhrases: [
      'sie müssen sich', 'sie müssen angemeldet', 'sie müssen eingeloggt', 'um einen kommentar', 'um kommentare',
      'um zu kommentieren', 'kommentar zu schreiben', 'kommentar abzugeben', 'melden sie sich an',
      'jetzt anmelden', 'jetzt registrieren', 'jetzt abonnieren', 'newsletter abonnieren', 'newsletter bestellen',
      'zum newsletter', 'alle rechte vorbehalten', 'ihre e-mail-adresse wird nicht veröffentlicht',
      'pflichtfelder sind mit', 'kommentare sind geschlossen', 'freunde werben', 'artikel verschenken',
    ],
    noticePhrases: [
      'kommentare werden moderiert', 'netiquette', 'kommentarrichtlinien', 'nachdruck nur mit', 'nachdruck nur nach',
      'vervielfältigung nur mit', 'ohne schriftliche genehmigung', 'ohne vorherige genehmigung',
      'werden nicht freigeschaltet', 'nicht veröffentlicht werden', 'vor der veröffentlichung geprüft',
    ],
  },
  fr: {
    tailSections: [
      'commentaires', 'commentaire', 'laisser un commentaire', 'laissez un commentaire', 'réagir', 'réactions',
      'vos réactions', 'à lire aussi', 'a lire aussi', 'lire aussi', 'voir aussi', 'sur le même sujet',
      'articles similaires', 'articles liés', 'articles connexes', 'dans la même rubrique', 'les plus lus',
      'les plus populaires', 'dernières actualités', 'derniers articles', 'à la une', 'recommandé pour vous',
      'recommandés pour vous',
    ],
    boxTitles: [
      'les plus partagés', 'newsletter', 'abonnez-vous', 'partager', 'partager cet article', 'mots-clés',
      'mots clés', 'à propos de l\'auteur', 'publicité', 'sondage', 'votre avis',
    ],
    sectionTitlePrefixes: ['plus d\'articles', 'plus sur ', 'à lire aussi', 'lire aussi'],
    promptPhrases: [
      'vous devez être connecté', 'vous devez vous connecter', 'pour publier un commentaire', 'pour poster un commentaire',
      'pour laisser un commentaire', 'pour réagir', 'votre adresse e-mail ne sera pas publiée',
      'votre adresse de messagerie ne sera pas publiée', 'les champs obligatoires sont indiqués',
      'tous droits réservés', 'abonnez-vous à notre newsletter', 'inscrivez-vous à notre newsletter',
      'recevez notre newsletter', 'parrainez un ami',
    ],
    noticePhrases: [
      'les commentaires sont modérés', 'charte de modération', 'reproduction interdite', 'toute reproduction',
      'sans autorisation préalable', 'sans l\'autorisation écrite', 'ne seront pas publiés', 'ne seront pas validés',
    ],
  },
  es: {
    tailSections: [
      'comentarios', 'comentario', 'deja un comentario', 'deja tu comentario', 'dejar un comentario',
      'deja una respuesta', 'noticias relacionadas', 'artículos relacionados', 'articulos relacionados',
      'relacionado', 'relacionados', 'relacionadas', 'te puede interesar', 'también te puede interesar',
      'le puede interesar', 'quizás te interese', 'lee también', 'lea también', 'ver también', 'más noticias',
      'más leídas', 'lo más leído', 'lo más visto', 'últimas noticias', 'noticias recientes', 'entradas recientes',
      'entradas relacionadas', 'te puede gustar', 'también te puede gustar', 'te recomendamos', 'recomendados',
    ],
    boxTitles: [
      'newsletter', 'boletín', 'suscríbete', 'compartir', 'comparte esta noticia', 'etiquetas', 'temas',
      'sobre el autor', 'publicidad', 'encuesta', 'tu opinión',
    ],
    sectionTitlePrefixes: ['más sobre ', 'más de ', 'más noticias'],
    promptPhrases: [
      'debes estar registrado', 'debes iniciar sesión', 'debe iniciar sesión', 'debes identificarte',
      'para publicar un comentario', 'para dejar un comentario', 'para escribir un comentario', 'para comentar',
      'tu dirección de correo electrónico no será publicada', 'los campos obligatorios están marcados',
      'todos los derechos reservados', 'suscríbete a nuestro', 'recibe nuestro boletín', 'recibe nuestra newsletter',
      'recomienda a un amigo',
    ],
    noticePhrases: [
      'los comentarios son moderados', 'comentarios serán moderados', 'normas de participación', 'prohibida su reproducción',
      'prohibida la reproducción', 'sin autorización previa', 'sin permiso previo', 'no serán aprobados',
      'no serán publicados', 'por el moderador',
    ],
  },
  it: {
    tailSections: [
      'commenti', 'commento', 'lascia un commento', 'articoli correlati', 'notizie correlate', 'correlati',
      'leggi anche', 'potrebbe interessarti', 'ti potrebbe interessare', 'potrebbero interessarti', 'i più letti',
      'più letti', 'ultime notizie', 'ultimi articoli', 'articoli recenti',
    ],
    boxTitles: [
      'newsletter', 'iscriviti alla newsletter', 'condividi', 'tag', 'argomenti', 'sull\'autore', 'pubblicità',
      'sondaggio', 'la tua opinione',
    ],
    sectionTitlePrefixes: ['altro su ', 'altri articoli', 'leggi anche'],
    promptPhrases: [
      'devi essere registrato', 'devi essere connesso', 'devi effettuare il login', 'per inviare un commento',
      'per scrivere un commento', 'per pubblicare un commento', 'per commentare', 'il tuo indirizzo email non sarà pubblicato',
      'i campi obbligatori sono contrassegnati', 'tutti i diritti riservati', 'iscriviti alla nostra newsletter',
      'riproduzione riservata',
    ],
    noticePhrases: ['i commenti sono moderati', 'riproduzione vietata', 'senza autorizzazione', 'è vietata la riproduzione'],
  },
  nl: {
    tailSections: [
      'reacties', 'reactie', 'reageer', 'plaats een reactie', 'laat een reactie achter', 'gerelateerde artikelen',
      'gerelateerd', 'lees ook', 'lees meer', 'meer nieuws', 'meest gelezen', 'populair', 'laatste nieuws',
      'recente berichten',
    ],
    boxTitles: [
      'nieuwsbrief', 'abonneer', 'delen', 'deel dit artikel', 'tags', 'onderwerpen', 'over de auteur', 'advertentie',
      'peiling', 'stemmen', 'uw mening',
    ],
    sectionTitlePrefixes: ['meer over ', 'meer van ', 'meer nieuws'],
    promptPhrases: [
      'je moet ingelogd zijn', 'je moet aangemeld zijn', 'u moet ingelogd zijn', 'om een reactie te plaatsen',
      'om te reageren', 'je e-mailadres wordt niet gepubliceerd', 'uw e-mailadres wordt niet gepubliceerd',
      'vereiste velden zijn gemarkeerd', 'alle rechten voorbehouden', 'schrijf je in voor', 'meld je aan voor',
    ],
    noticePhrases: ['reacties worden gemodereerd', 'zonder voorafgaande schriftelijke toestemming', 'niets uit deze uitgave'],
  },
  pt: {
    tailSections: [
      'comentários', 'comentário', 'deixe um comentário', 'deixe uma resposta', 'deixe seu comentário',
      'notícias relacionadas', 'artigos relacionados', 'relacionadas', 'leia também', 'veja também', 'leia mais',
      'mais lidas', 'mais lidos', 'últimas notícias', 'posts recentes', 'posts relacionados', 'você pode gostar',
      'você também pode gostar', 'você pode se interessar', 'veja mais', 'saiba mais',
    ],
    boxTitles: [
      'newsletter', 'assine', 'compartilhe', 'compartilhar', 'partilhar', 'tags', 'tópicos', 'sobre o autor',
      'publicidade', 'enquete', 'sondagem', 'sua opinião',
    ],
    sectionTitlePrefixes: ['mais sobre ', 'mais de ', 'mais notícias'],
    promptPhrases: [
      'você precisa estar logado', 'você precisa fazer login', 'para publicar um comentário', 'para postar um comentário',
      'para deixar um comentário', 'para comentar', 'o seu endereço de e-mail não será publicado',
      'seu endereço de e-mail não será publicado', 'campos obrigatórios são marcados', 'todos os direitos reservados',
      'assine nossa newsletter', 'inscreva-se na nossa newsletter', 'indique a um amigo',
    ],
    noticePhrases: [
      'os comentários são moderados', 'comentários são moderados', 'proibida a reprodução', 'é proibida a reprodução',
      'sem autorização prévia', 'não serão aprovados', 'pelo moderador', 'não serão publicados',
    ],
  },
};

/** Tail sections that hold readers' posts: prose that is not the article. */
const COMMENT_WORDS = /comment|kommentar|diskussion|diskutier|discussion|conversation|responses|reply|réagir|réactions|reacties|reactie|reageer|comentario|comentário|respuesta|resposta|commento|commenti|have your say|your opinion|ihre meinung/;

/** Every language's lists merged: a page's furniture is often in another language than its text. */
function merge(): { tails: Set<string>; comments: Set<string>; boxes: Set<string>; prefixes: string[]; prompts: string[]; notices: string[] } {
  const tails = new Set<string>();
  const comments = new Set<string>();
  const boxes = new Set<string>();
  const prefixes: string[] = [];
  const prompts: string[] = [];
  const notices: string[] = [];
  for (const lexicon of Object.values(FURNITURE_LEXICONS)) {
    for (const t of lexicon.tailSections) (COMMENT_WORDS.test(t) ? comments : tails).add(t);
    for (const t of lexicon.boxTitles) boxes.add(t);
    prefixes.push(...lexicon.sectionTitlePrefixes);
    prompts.push(...lexicon.promptPhrases);
    notices.push(...lexicon.noticePhrases);
  }
  // The language bundles' boilerplate phrases: as headings, and their longer copyright lines as prompts.
  for (const code of BUNDLED_LANGUAGES) {
    const phrases = languageBundle(code)?.boilerplate;
    if (!phrases) continue;
    for (const t of phrases.comments) comments.add(t);
    for (const t of phrases.related) tails.add(t);
    for (const t of [...phrases.newsletter, ...phrases.share, ...phrases.advertising, ...phrases.readMore]) boxes.add(t);
    // Single words ("copyright", "©") are too common in prose to mark a line alone.
    for (const t of phrases.copyright) if (t.includes(' ')) prompts.push(t);
  }
  for (const t of comments) tails.delete(t);
  return { tails, comments, boxes, prefixes, prompts, notices };
}

const MERGED = merge();
/** All prompt and notice phrases in one pattern: one linear scan of a block instead of one per phrase. */
const ANY_PHRASE = new RegExp([...MERGED.prompts, ...MERGED.notices].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
/** Headings longer than this are headlines, not section titles. */
const MAX_SECTION_TITLE_CHARS = 60;

/** Lower-cases and trims a heading: surrounding punctuation, a count ("Comments (12)", "12 Kommentare") removed. */
function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s\d:.,;!?…»«"'“”‘’()[\]|/>–—-]+|[\s\d:.,;!?…»«"'“”‘’()[\]|/<–—-]+$/g, '')
    .trim();
}

/**
 * What a heading says of the section it opens: `comments` (readers' posts, prose to the next
 * heading of its rank), `tail` (related and recommended stories: links and teasers, to the end of
 * its container or back to prose), `box` (only itself), or null.
 */
export type FurnitureHeading = 'comments' | 'tail' | 'box' | null;


/** Classifies a heading as the title of a furniture section (comments, related posts, newsletter...) in one of the languages. */
export function classifyHeading(text: string): FurnitureHeading {
  if (text.length > MAX_SECTION_TITLE_CHARS) return null;
  const heading = normalizeHeading(text);
  if (heading.length === 0) return null;
  if (MERGED.comments.has(heading)) return 'comments';
  if (MERGED.tails.has(heading) || MERGED.prefixes.some((p) => heading.startsWith(p))) return COMMENT_WORDS.test(heading) ? 'comments' : 'tail';
  return MERGED.boxes.has(heading) ? 'box' : null;
}

/** Notices (comment policies, reprint terms) run up to this many words. */
export const MAX_NOTICE_WORDS = 80;

/** True when a block contains a furniture prompt (short blocks) or notice (blocks up to MAX_NOTICE_WORDS). */
export function hasFurniturePhrase(lowerText: string, words: number, maxPromptWords: number): boolean {
  if (words > MAX_NOTICE_WORDS) return false;
  const m = ANY_PHRASE.exec(lowerText);
  if (!m) return false;
  if (words <= maxPromptWords) return true;
  // A longer block: only the notice phrases count (a prompt phrase can occur in prose).
  return MERGED.notices.some((p) => lowerText.includes(p));
}
