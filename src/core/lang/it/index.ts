import type { LanguageBundle } from '../types.js';
import { figures } from './figures.js';
import { currencies, numbers, people, units } from './numbers.js';

/** Italian (it), as written in news in Italy and Switzerland. */
export const it: LanguageBundle = {
  code: 'it',
  name: 'Italian',
  chronoLocale: 'it',
  sentences: {
    abbreviations: [
      'Sig.', 'Sigg.', 'Dott.', 'Dr.', 'Prof.', 'Avv.', 'Ing.', 'Arch.',
      'On.', 'Sen.', 'Gen.', 'Col.', 'Cap.', 'Ten.', 'Mons.', 'S.', 'Ss.', 'Egr.', 'Gent.', 'Spett.', 'p.', 'pag.',
      'pagg.', 'art.', 'artt.', 'cfr.', 'es.', 'n.', 'nr.', 'num.', 'vol.', 'c.a.', 'ca.', 'cit.', 'sec.',
    ],
    ambiguousAbbreviations: [
      'ecc.', 'etc.', 'S.p.A.', 'Spa.', 'S.r.l.', 'Srl.', 'feb.', 'mar.', 'apr.', 'mag.', 'giu.', 'lug.', 'ago.',
      'set.', 'ott.', 'nov.', 'dic.', 'min.',
    ],
    openers: [
      'il', 'lo', 'la', 'i', 'gli', 'le', 'l', 'un', 'uno', 'una', 'lui', 'lei', 'loro', 'noi', 'io', 'voi', 'suo', 'sua',
      'suoi', 'sue', 'questo', 'questa', 'questi', 'queste', 'quello', 'quella', 'ma', 'e', 'o', 'però', 'in', 'nel',
      'nella', 'a', 'al', 'alla', 'dopo', 'prima', 'per', 'con', 'da', 'dal', 'dalla', 'quando', 'mentre', 'se', 'secondo',
      'tuttavia', 'inoltre', 'anche', 'così', 'poi', 'intanto', 'non', 'c', 'ci', 'che', 'chi', 'cosa', 'perché', 'come',
      'molti', 'alcuni', 'tutti', 'già', 'ora',
    ],
    ordinalPeriod: false,
    ordinalContext: [],
    elisions: [
      "l'", "un'", "dell'", "nell'", "all'", "dall'", "sull'", "coll'", "d'", "c'", "quell'", "quest'", "anch'", "bell'",
      "sant'", "tutt'", "senz'", "dev'", "com'", "dov'", "cos'", "mezz'", "pover'",
    ],
  },
  quotes: {
    pairs: [
      { open: '«', close: '»' },
      { open: '“', close: '”' },
      { open: '"', close: '"' },
      { open: '‘', close: '’' },
    ],
    dialogueDashes: ['—', '–'],
    spacedMarks: false,
  },
  speech: {
    verbs: [
      'ha detto', 'hanno detto', 'aveva detto', 'dice', 'dicono', 'disse', 'dissero', 'ha dichiarato', 'hanno dichiarato',
      'dichiara', 'dichiarato', 'ha affermato', 'hanno affermato', 'afferma', 'affermato', 'ha spiegato', 'hanno spiegato',
      'spiega', 'spiegato', 'ha aggiunto', 'hanno aggiunto', 'aggiunge', 'ha sottolineato', 'sottolinea', 'ha precisato',
      'precisa', 'ha annunciato', 'hanno annunciato', 'annuncia', 'ha confermato', 'conferma', 'ha assicurato', 'assicura',
      'ha ribadito', 'ribadisce', 'ha osservato', 'osserva', 'ha avvertito', 'avverte', 'ha ammesso',
      'ammette', 'ha risposto', 'risponde', 'ha scritto', 'scrive', 'ha commentato', 'commenta', 'ha raccontato',
      'racconta', 'ha riferito', 'riferisce', 'ha denunciato', 'denuncia', 'ha negato', 'nega', 'ha smentito',
      'smentisce', 'ha promesso', 'ha chiesto', 'chiede', 'ha detto a', 'ha insistito', 'insiste', 'ha evidenziato',
      'ha dichiarato a', 'ha twittato', 'ha ricordato', 'ricorda', 'ha stimato', 'ritiene', 'ha ritenuto',
    ],
    participles: ['dicendo', 'affermando', 'aggiungendo', 'spiegando', 'sottolineando', 'precisando', 'dichiarando', 'assicurando', 'avvertendo'],
    according: ['secondo', 'stando a', 'a detta di', 'citato da', 'citata da', 'come riferito da', 'come riporta'],
    accordingAfter: [],
    pronouns: ['lui', 'lei', 'loro', 'noi', 'io', 'egli', 'ella'],
    speakerNouns: [
      'portavoce', 'funzionario', 'funzionari', 'funzionaria', 'fonte', 'fonti', 'esperto', 'esperti', 'esperta',
      'analista', 'analisti', 'testimone', 'testimoni', 'residente', 'residenti', 'abitanti', 'polizia', 'autorità',
      'procura', 'procuratore', 'avvocato', 'avvocati', 'comunicato', 'nota', 'rappresentante', 'rappresentanti',
      'responsabile', 'responsabili', 'carabinieri',
    ],
    complementizers: ['che'],
  },
  titles: {
    honorifics: ['Sig.', 'Sig.ra', 'Sig.na', 'Dott.', 'Dott.ssa', 'Dr.', 'Prof.', 'Prof.ssa', 'Avv.', 'Ing.', 'On.', 'signor', 'signora'],
    roles: [
      'presidente', 'presidenti', 'premier', 'primo ministro', 'presidente del consiglio', 'ministro', 'ministra',
      'ministri', 'cancelliere', 'segretario', 'segretaria', 'senatore', 'senatrice', 'deputato', 'deputata',
      'governatore', 'governatrice', 'sindaco', 'sindaca', 'prefetto', 're', 'regina', 'principe', 'principessa', 'papa',
      'giudice', 'procuratore', 'procuratrice', 'direttore', 'direttrice', 'amministratore delegato', 'generale',
      'colonnello', 'capitano', 'comandante', 'ambasciatore', 'ambasciatrice', 'portavoce', 'capo', 'leader',
      'professore', 'professoressa', 'arcivescovo', 'vescovo', 'commissario', 'commissaria', 'questore',
    ],
  },
  numbers,
  currencies,
  units,
  people,
  figures,
  countries: {
    aliases: {
      US: ['USA', 'Stati Uniti', 'Usa', 'America'], GB: ['Regno Unito', 'Gran Bretagna', 'Inghilterra', 'UK'],
      NL: ['Olanda'], AE: ['Emirati'], KR: ['Corea del Sud'], KP: ['Corea del Nord'],
    },
    demonyms: {
      US: ['americano', 'americana', 'americani', 'americane', 'statunitense', 'statunitensi'],
      GB: ['britannico', 'britannica', 'britannici', 'britanniche', 'inglese', 'inglesi'],
      FR: ['francese', 'francesi'], DE: ['tedesco', 'tedesca', 'tedeschi', 'tedesche'],
      ES: ['spagnolo', 'spagnola', 'spagnoli', 'spagnole'], IT: ['italiano', 'italiana', 'italiani', 'italiane'],
      NL: ['olandese', 'olandesi', 'neerlandese'], PT: ['portoghese', 'portoghesi'], CH: ['svizzero', 'svizzera', 'svizzeri'],
      AT: ['austriaco', 'austriaca', 'austriaci', 'austriache'], RU: ['russo', 'russa', 'russi', 'russe'],
      UA: ['ucraino', 'ucraina', 'ucraini', 'ucraine'], CN: ['cinese', 'cinesi'], JP: ['giapponese', 'giapponesi'],
      TR: ['turco', 'turca', 'turchi', 'turche'], IL: ['israeliano', 'israeliana', 'israeliani', 'israeliane'],
      IR: ['iraniano', 'iraniana', 'iraniani', 'iraniane'], LY: ['libico', 'libica', 'libici', 'libiche'],
      BR: ['brasiliano', 'brasiliana', 'brasiliani', 'brasiliane'], PL: ['polacco', 'polacca', 'polacchi', 'polacche'],
    },
  },
  boilerplate: {
    comments: ['commenti', 'commenta', 'lascia un commento', 'vedi i commenti'],
    related: ['leggi anche', 'articoli correlati', 'potrebbe interessarti', 'ti potrebbe interessare', 'i più letti', 'correlati', 'altre notizie'],
    newsletter: ['newsletter', 'iscriviti', 'iscriviti alla newsletter', 'abbonati'],
    readMore: ['leggi di più', 'continua a leggere', 'leggi tutto', 'clicca qui', 'scopri di più'],
    copyright: ['tutti i diritti riservati', 'riproduzione riservata', 'copyright', '©'],
    advertising: ['pubblicità', 'contenuto sponsorizzato', 'sponsorizzato'],
    share: ['condividi', 'condividi su facebook', 'condividi su twitter', 'invia per email', 'copia link'],
  },
};
