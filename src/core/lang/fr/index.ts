import type { LanguageBundle } from '../types.js';
import { figures } from './figures.js';
import { currencies, numbers, people, units } from './numbers.js';

/** French (fr), as written in news in France, Belgium, Switzerland, Canada and Africa. */
export const fr: LanguageBundle = {
  code: 'fr',
  name: 'French',
  chronoLocale: 'fr',
  sentences: {
    abbreviations: [
      'M.', 'MM.', 'Mme.', 'Mlle.', 'Mgr.', 'Dr.', 'Pr.', 'Me.', 'St.', 'Ste.', 'av.', 'bd.', 'boul.', 'cf.', 'chap.',
      'env.', 'ex.', 'p. ex.', 'pp.', 'art.', 'vol.', 'gén.',
      'col.', 'cap.', 'lt.', 'sgt.', 'dép.', 'tél.', 'c.-à-d.',
    ],
    ambiguousAbbreviations: [
      'etc.', 'janv.', 'févr.', 'avr.', 'juil.', 'sept.', 'oct.', 'nov.', 'déc.', 'lun.', 'mar.', 'mer.', 'jeu.',
      'ven.', 'sam.', 'dim.', 'S.A.', 'Cie.', 'min.', 'h.', 'hab.',
    ],
    openers: [
      'le', 'la', 'les', 'l', 'un', 'une', 'des', 'il', 'elle', 'ils', 'elles', 'on', 'nous', 'je', 'vous', 'ce', 'cette',
      'ces', 'cet', 'son', 'sa', 'ses', 'leur', 'leurs', 'mais', 'et', 'ou', 'donc', 'or', 'car', 'en', 'dans', 'au',
      'aux', 'à', 'après', 'avant', 'pour', 'quand', 'lorsque', 'si', 'selon', 'pourtant', 'cependant', 'toutefois',
      'ainsi', 'alors', 'puis', 'depuis', 'aussi', 'par', 'sur', 'plusieurs', 'certains', 'de', 'du', 'c', 'qui', 'que',
      'quoi', 'pourquoi', 'comment', 'mardi', 'lundi',
    ],
    ordinalPeriod: false,
    ordinalContext: [],
    elisions: ["l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "presqu'"],
  },
  quotes: {
    pairs: [
      { open: '«', close: '»' },
      { open: '“', close: '”' },
      { open: '‹', close: '›' },
      { open: '"', close: '"' },
    ],
    // Dialogue in fiction and some interviews: "– Oui, répondit-il."
    dialogueDashes: ['–', '—'],
    spacedMarks: true,
  },
  speech: {
    verbs: [
      'a déclaré', 'a dit', 'a affirmé', 'a expliqué', 'a ajouté', 'a indiqué', 'a souligné', 'a précisé', 'a assuré',
      'a estimé', 'a annoncé', 'a confirmé', 'a démenti', 'a reconnu', 'a averti', 'a prévenu', 'a répondu', 'a écrit',
      'a martelé', 'a insisté', 'a rappelé', 'a lancé', 'a réagi', 'a jugé', 'a dénoncé', 'a promis', 'a admis',
      'ont déclaré', 'ont dit', 'ont affirmé', 'ont expliqué', 'ont ajouté', 'ont indiqué', 'ont souligné', 'ont précisé',
      'ont annoncé', 'ont confirmé', 'avait déclaré', 'avait dit', 'déclare', 'déclarent', 'dit', 'disent', 'affirme',
      'affirment', 'explique', 'expliquent', 'ajoute', 'ajoutent', 'indique', 'indiquent', 'souligne', 'soulignent',
      'précise', 'précisent', 'assure', 'assurent', 'estime', 'estiment', 'annonce', 'annoncent', 'confirme', 'confirment',
      'reconnaît', 'avertit', 'répond', 'répondent', 'écrit', 'écrivent', 'insiste', 'rappelle', 'lance', 'juge', 'dénonce',
      'déclara', 'dit-il', 'dit-elle', 'a-t-il déclaré', 'a-t-elle déclaré', 'a-t-il dit', 'a-t-elle dit', 'a-t-il ajouté',
      'a-t-elle ajouté', 'a-t-il expliqué', 'a-t-elle expliqué', 'a-t-il souligné', 'a-t-elle souligné', 'a-t-il assuré',
      'a-t-elle assuré', 'a-t-il précisé', 'a-t-elle précisé', 'a-t-il indiqué', 'a-t-elle indiqué', 'a-t-il estimé',
      'a-t-elle estimé', 'explique-t-il', 'explique-t-elle', 'ajoute-t-il', 'ajoute-t-elle', 'estime-t-il', 'estime-t-elle',
      'affirme-t-il', 'affirme-t-elle', 'souligne-t-il', 'souligne-t-elle', 'précise-t-il', 'précise-t-elle', 'assure-t-il',
      'assure-t-elle', 'confie-t-il', 'confie-t-elle', 'a confié', 'confie', 'selon lui', 'selon elle',
    ],
    participles: ['déclarant', 'disant', 'affirmant', 'ajoutant', 'expliquant', 'soulignant', 'précisant', 'assurant', 'estimant', 'indiquant', 'avertissant'],
    according: ['selon', "d'après", 'd’après', 'de source', 'cité par', 'citée par'],
    accordingAfter: [],
    pronouns: ['il', 'elle', 'ils', 'elles', 'nous', 'je', 'on'],
    speakerNouns: [
      'porte-parole', 'responsable', 'responsables', 'source', 'sources', 'expert', 'experts', 'experte', 'analyste',
      'analystes', 'témoin', 'témoins', 'habitant', 'habitants', 'police', 'autorités', 'parquet', 'procureur', 'avocat',
      'avocate', 'avocats', 'communiqué', 'représentant', 'représentante', 'conseiller', 'conseillère', 'entourage',
    ],
    complementizers: ['que', "qu'"],
  },
  titles: {
    honorifics: ['M.', 'MM.', 'Mme', 'Mmes', 'Mlle', 'Me', 'Mgr', 'Dr', 'Pr', 'Monsieur', 'Madame'],
    roles: [
      'président', 'présidente', 'présidents', 'président de la république', 'premier ministre', 'première ministre',
      'ministre', 'ministres', "ministre de l'intérieur", 'ministre des affaires étrangères', 'chancelier', 'chancelière',
      'secrétaire', "secrétaire d'état", 'sénateur', 'sénatrice', 'député', 'députée', 'maire', 'préfet', 'préfète',
      'gouverneur', 'roi', 'reine', 'prince', 'princesse', 'pape', 'juge', 'procureur', 'procureure', 'directeur',
      'directrice', 'pdg', 'patron', 'patronne', 'général', 'colonel', 'capitaine', 'commandant', 'ambassadeur',
      'ambassadrice', 'porte-parole', 'chef', 'cheffe', "chef de l'état", 'dirigeant', 'dirigeante', 'professeur',
      'professeure', 'archevêque', 'évêque', 'commissaire',
    ],
  },
  numbers,
  currencies,
  units,
  people,
  figures,
  countries: {
    aliases: {
      US: ['USA', 'É.-U.', 'E.-U.', 'Amérique'], GB: ['Royaume-Uni', 'Grande-Bretagne', 'Angleterre', 'RU'],
      NL: ['Hollande'], AE: ['EAU', 'Émirats'], KR: ['Corée du Sud'], KP: ['Corée du Nord'], CD: ['RDC', 'RD Congo'],
      CI: ["Côte d'Ivoire", 'Côte d’Ivoire'],
    },
    demonyms: {
      US: ['américain', 'américaine', 'américains', 'américaines', 'états-unien', 'états-unienne'],
      GB: ['britannique', 'britanniques', 'anglais', 'anglaise', 'anglaises'],
      FR: ['français', 'française', 'françaises'], DE: ['allemand', 'allemande', 'allemands', 'allemandes'],
      ES: ['espagnol', 'espagnole', 'espagnols', 'espagnoles'], IT: ['italien', 'italienne', 'italiens', 'italiennes'],
      NL: ['néerlandais', 'néerlandaise', 'néerlandaises', 'hollandais'], BE: ['belge', 'belges'], CH: ['suisse', 'suisses'],
      PT: ['portugais', 'portugaise', 'portugaises'], PL: ['polonais', 'polonaise', 'polonaises'],
      RU: ['russe', 'russes'], UA: ['ukrainien', 'ukrainienne', 'ukrainiens', 'ukrainiennes'],
      CN: ['chinois', 'chinoise', 'chinoises'], JP: ['japonais', 'japonaise', 'japonaises'],
      TR: ['turc', 'turque', 'turcs', 'turques'], IL: ['israélien', 'israélienne', 'israéliens', 'israéliennes'],
      IR: ['iranien', 'iranienne', 'iraniens', 'iraniennes'], DZ: ['algérien', 'algérienne', 'algériens', 'algériennes'],
      MA: ['marocain', 'marocaine', 'marocains', 'marocaines'], CA: ['canadien', 'canadienne', 'canadiens', 'canadiennes'],
      IN: ['indien', 'indienne', 'indiens', 'indiennes'], BR: ['brésilien', 'brésilienne', 'brésiliens', 'brésiliennes'],
    },
  },
  boilerplate: {
    comments: ['commentaires', 'réagir', 'laisser un commentaire', 'voir les commentaires', 'réagissez'],
    related: ['à lire aussi', 'lire aussi', 'sur le même sujet', 'articles liés', 'à voir aussi', 'les plus lus', 'nos recommandations', 'vous aimerez aussi'],
    newsletter: ['newsletter', 'lettre d’information', "lettre d'information", 'inscrivez-vous', 's’abonner', "s'abonner", 'abonnez-vous'],
    readMore: ['lire la suite', 'en savoir plus', 'cliquez ici', 'voir plus', 'lire plus'],
    copyright: ['tous droits réservés', 'copyright', '©'],
    advertising: ['publicité', 'contenu sponsorisé', 'sponsorisé', 'partenaire'],
    share: ['partager', 'partager sur facebook', 'partager sur twitter', 'envoyer par e-mail', 'copier le lien'],
  },
};
