import type { LanguageBundle } from '../types.js';
import { figures } from './figures.js';
import { currencies, numbers, people, units } from './numbers.js';

/** Dutch (nl), as written in news in the Netherlands and Flanders. */
export const nl: LanguageBundle = {
  code: 'nl',
  name: 'Dutch',
  chronoLocale: 'nl',
  sentences: {
    abbreviations: [
      'dhr.', 'mevr.', 'mw.', 'mr.', 'dr.', 'drs.', 'ir.', 'ing.', 'prof.', 'ds.', 'st.', 'gen.', 'kol.', 'lt.', 'kap.',
      'bijv.', 'bv.', 'i.p.v.', 'd.w.z.', 'm.b.t.', 'n.a.v.', 't.a.v.', 'z.g.', 'zgn.', 'resp.', 'ca.', 'nr.',
      'art.', 'blz.', 'vgl.', 'm.i.v.', 'i.v.m.', 'incl.', 'excl.', 'tel.', 'mln.', 'mld.', 'mrd.', 'vz.',
    ],
    ambiguousAbbreviations: [
      'enz.', 'etc.', 'B.V.', 'N.V.', 'jan.', 'feb.', 'mrt.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'okt.',
      'nov.', 'dec.', 'o.a.', 'e.a.', 'u.', 'min.',
    ],
    openers: [
      'de', 'het', 'een', "'t", 'hij', 'zij', 'ze', 'wij', 'we', 'ik', 'jij', 'je', 'u', 'zijn', 'haar', 'hun',
      'maar', 'en', 'of', 'want', 'dus', 'in', 'op', 'aan', 'bij', 'na', 'voor', 'met', 'als', 'toen', 'terwijl', 'dit',
      'dat', 'deze', 'die', 'daar', 'hier', 'ook', 'nog', 'dan', 'daarna', 'volgens', 'echter', 'toch', 'bovendien', 'er',
      'niet', 'geen', 'veel', 'sommige', 'alle', 'wat', 'wie', 'waarom', 'hoe', 'sinds', 'inmiddels',
    ],
    ordinalPeriod: false,
    ordinalContext: [],
    elisions: [],
  },
  quotes: {
    pairs: [
      { open: '‘', close: '’' },
      { open: '“', close: '”' },
      { open: '„', close: '”' },
      { open: "'", close: "'" },
      { open: '"', close: '"' },
      { open: '«', close: '»' },
    ],
    dialogueDashes: [],
    spacedMarks: false,
  },
  speech: {
    verbs: [
      'zei', 'zeiden', 'zegt', 'zeggen', 'heeft gezegd', 'hebben gezegd', 'had gezegd', 'verklaarde', 'verklaarden',
      'verklaart', 'heeft verklaard', 'stelde', 'stelden', 'stelt', 'liet weten', 'lieten weten', 'laat weten',
      'vertelde', 'vertelden', 'vertelt', 'benadrukte', 'benadrukt', 'voegde eraan toe', 'voegde toe', 'voegt toe',
      'legde uit', 'legt uit', 'waarschuwde', 'waarschuwt', 'kondigde aan', 'kondigt aan', 'heeft aangekondigd',
      'bevestigde', 'bevestigt', 'ontkende', 'ontkent', 'gaf toe', 'erkende', 'erkent', 'antwoordde', 'reageerde',
      'reageert', 'schreef', 'schrijft', 'meldde', 'meldt', 'meldden', 'twitterde', 'beloofde', 'vroeg', 'vraagt',
      'zo zei', 'zegt hij', 'zegt zij', 'zegt ze', 'zei hij', 'zei zij', 'zei ze', 'meent', 'meende', 'vindt',
      'vond', 'wist te melden', 'deelde mee', 'maakte bekend', 'heeft bekendgemaakt',
    ],
    participles: [],
    according: ['volgens', 'naar verluidt', 'aldus', 'zo meldt', 'zo zegt'],
    accordingAfter: [],
    pronouns: ['hij', 'zij', 'ze', 'wij', 'we', 'ik'],
    speakerNouns: [
      'woordvoerder', 'woordvoerster', 'woordvoerders', 'ambtenaar', 'ambtenaren', 'functionaris', 'bron', 'bronnen',
      'deskundige', 'deskundigen', 'expert', 'experts', 'analist', 'analisten', 'getuige', 'getuigen', 'ooggetuige',
      'buurtbewoner', 'buurtbewoners', 'bewoners', 'politie', 'autoriteiten', 'justitie', 'openbaar ministerie',
      'officier van justitie', 'advocaat', 'advocaten', 'verklaring', 'vertegenwoordiger',
    ],
    complementizers: ['dat'],
  },
  titles: {
    honorifics: ['dhr.', 'mevr.', 'mw.', 'mr.', 'dr.', 'drs.', 'ir.', 'prof.', 'meneer', 'mevrouw', 'de heer'],
    roles: [
      'president', 'presidente', 'premier', 'minister-president', 'minister', 'ministers', 'staatssecretaris',
      'kanselier', 'burgemeester', 'wethouder', 'gouverneur', 'commissaris van de koning', 'koning', 'koningin', 'prins',
      'prinses', 'paus', 'rechter', 'officier van justitie', 'directeur', 'directrice', 'topman', 'topvrouw', 'ceo',
      'voorzitter', 'generaal', 'kolonel', 'kapitein', 'commandant', 'ambassadeur', 'woordvoerder', 'leider',
      'fractievoorzitter', 'partijleider', 'kamerlid', 'senator', 'professor', 'hoogleraar', 'aartsbisschop', 'bisschop',
      'commissaris', 'eurocommissaris', 'korpschef',
    ],
  },
  numbers,
  currencies,
  units,
  people,
  figures,
  countries: {
    aliases: {
      US: ['VS', 'V.S.', 'Verenigde Staten', 'Amerika', 'USA'], GB: ['VK', 'Verenigd Koninkrijk', 'Groot-Brittannië', 'Engeland'],
      NL: ['Holland'], AE: ['VAE', 'Emiraten'], KR: ['Zuid-Korea'], KP: ['Noord-Korea'],
    },
    demonyms: {
      US: ['amerikaans', 'amerikaanse', 'amerikaan', 'amerikanen'], GB: ['brits', 'britse', 'brit', 'britten', 'engels', 'engelse'],
      FR: ['frans', 'franse', 'fransman', 'fransen'], DE: ['duits', 'duitse', 'duitser', 'duitsers'],
      ES: ['spaans', 'spaanse', 'spanjaard', 'spanjaarden'], IT: ['italiaans', 'italiaanse', 'italiaan', 'italianen'],
      NL: ['nederlands', 'nederlandse', 'nederlander', 'nederlanders', 'hollands', 'hollandse'],
      BE: ['belgisch', 'belgische', 'belg', 'belgen', 'vlaams', 'vlaamse'], PT: ['portugees', 'portugese', 'portugezen'],
      RU: ['russisch', 'russische', 'rus', 'russen'], UA: ['oekraïens', 'oekraïense', 'oekraïner', 'oekraïners'],
      CN: ['chinees', 'chinese', 'chinezen'], JP: ['japans', 'japanse', 'japanner', 'japanners'],
      TR: ['turks', 'turkse', 'turk', 'turken'], MA: ['marokkaans', 'marokkaanse', 'marokkaan', 'marokkanen'],
      IL: ['israëlisch', 'israëlische', 'israëli', "israëli's"], PL: ['pools', 'poolse', 'polen'],
      IR: ['iraans', 'iraanse', 'iraniër', 'iraniërs'], SR: ['surinaams', 'surinaamse', 'surinamer', 'surinamers'],
    },
  },
  boilerplate: {
    comments: ['reacties', 'reageer', 'plaats een reactie', 'bekijk reacties'],
    related: ['lees ook', 'gerelateerde artikelen', 'meer over dit onderwerp', 'ook interessant', 'meest gelezen', 'aanbevolen'],
    newsletter: ['nieuwsbrief', 'schrijf je in', 'meld je aan', 'abonneer', 'abonneren'],
    readMore: ['lees meer', 'lees verder', 'klik hier', 'meer weten', 'toon meer'],
    copyright: ['alle rechten voorbehouden', 'copyright', '©'],
    advertising: ['advertentie', 'reclame', 'gesponsord', 'in samenwerking met'],
    share: ['delen', 'deel dit artikel', 'delen op facebook', 'delen op twitter', 'mail dit artikel', 'kopieer link'],
  },
};
