import type { LanguageBundle } from '../types.js';
import { figures } from './figures.js';
import { currencies, numbers, people, units } from './numbers.js';

/** Spanish (es), as written in news in Spain and Latin America. */
export const es: LanguageBundle = {
  code: 'es',
  name: 'Spanish',
  chronoLocale: 'es',
  sentences: {
    abbreviations: [
      'Sr.', 'Sra.', 'Srta.', 'Sres.', 'Sras.', 'Dr.', 'Dra.', 'Lic.', 'Ing.', 'Arq.', 'Prof.', 'Profa.', 'D.', 'Dña.',
      'Da.', 'Excmo.', 'Excma.', 'Ilmo.', 'Sto.', 'Sta.', 'Gral.', 'Cnel.', 'Cap.', 'Tte.', 'Sgto.', 'Mons.', 'Ud.', 'Uds.',
      'Vd.', 'Vds.', 'p. ej.', 'pág.', 'págs.', 'núm.', 'art.', 'arts.', 'aprox.', 'avda.', 'av.', 'admón.',
      'dpto.', 'depto.', 'ej.', 'Col.', 'vol.',
    ],
    ambiguousAbbreviations: [
      'etc.', 'S.A.', 'S. A.', 'S.L.', 'Cía.', 'EE. UU.', 'EE.UU.', 'ene.', 'feb.', 'mar.', 'abr.', 'jun.', 'jul.', 'ago.',
      'sept.', 'set.', 'oct.', 'nov.', 'dic.', 'a. m.', 'p. m.', 'a.m.', 'p.m.', 'hs.', 'min.', 'km.',
    ],
    openers: [
      'el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'él', 'ella', 'ellos', 'ellas', 'yo', 'nosotros', 'usted',
      'su', 'sus', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'eso', 'esto', 'pero', 'y', 'o', 'sin', 'en', 'a', 'al',
      'del', 'de', 'con', 'para', 'por', 'tras', 'desde', 'cuando', 'mientras', 'si', 'según', 'sin embargo', 'además',
      'también', 'así', 'luego', 'después', 'antes', 'entonces', 'no', 'hay', 'ya', 'aunque', 'qué', 'quién', 'cómo',
      'por qué', 'muchos', 'algunos', 'varios', 'otros', 'todos',
    ],
    ordinalPeriod: false,
    ordinalContext: [],
    elisions: [],
  },
  quotes: {
    pairs: [
      { open: '«', close: '»' },
      { open: '“', close: '”' },
      { open: '"', close: '"' },
      { open: '‘', close: '’' },
    ],
    // Dialogue and quoted speech: "—No lo sé —dijo el ministro—."
    dialogueDashes: ['—', '–'],
    spacedMarks: false,
  },
  speech: {
    verbs: [
      'dijo', 'dijeron', 'dice', 'dicen', 'decía', 'ha dicho', 'han dicho', 'había dicho', 'afirmó', 'afirmaron', 'afirma',
      'afirman', 'ha afirmado', 'declaró', 'declararon', 'declara', 'ha declarado', 'aseguró', 'aseguraron', 'asegura',
      'aseguran', 'ha asegurado', 'explicó', 'explicaron', 'explica', 'ha explicado', 'señaló', 'señalaron', 'señala',
      'ha señalado', 'indicó', 'indicaron', 'indica', 'ha indicado', 'añadió', 'añadieron', 'añade', 'agregó', 'agregaron',
      'agrega', 'manifestó', 'manifestaron', 'sostuvo', 'sostiene', 'subrayó', 'destacó', 'destaca', 'apuntó', 'precisó',
      'advirtió', 'advierte', 'anunció', 'anunciaron', 'anuncia', 'ha anunciado', 'confirmó', 'confirmaron', 'confirma',
      'negó', 'niega', 'reconoció', 'reconoce', 'admitió', 'respondió', 'contestó', 'escribió', 'escribe', 'insistió',
      'recordó', 'recuerda', 'aseveró', 'expresó', 'comentó', 'relató', 'contó', 'sentenció', 'denunció', 'criticó',
      'prometió', 'pidió', 'reiteró', 'publicó', 'tuiteó', 'estimó', 'considera', 'consideró', 'opinó',
    ],
    participles: ['diciendo', 'afirmando', 'añadiendo', 'agregando', 'señalando', 'explicando', 'asegurando', 'advirtiendo', 'subrayando', 'indicando'],
    according: ['según', 'de acuerdo con', 'conforme a', 'citado por', 'citada por', 'en palabras de'],
    accordingAfter: [],
    pronouns: ['él', 'ella', 'ellos', 'ellas', 'nosotros', 'yo'],
    speakerNouns: [
      'portavoz', 'portavoces', 'vocero', 'vocera', 'voceros', 'funcionario', 'funcionaria', 'funcionarios', 'fuente',
      'fuentes', 'experto', 'experta', 'expertos', 'analista', 'analistas', 'testigo', 'testigos', 'vecino', 'vecinos',
      'vecina', 'policía', 'autoridades', 'fiscalía', 'fiscal', 'abogado', 'abogada', 'abogados', 'comunicado',
      'representante', 'representantes', 'responsable', 'responsables',
    ],
    complementizers: ['que'],
  },
  titles: {
    honorifics: ['Sr.', 'Sra.', 'Srta.', 'Don', 'Doña', 'D.', 'Dña.', 'Dr.', 'Dra.', 'Lic.', 'Ing.', 'señor', 'señora'],
    roles: [
      'presidente', 'presidenta', 'presidentes', 'vicepresidente', 'vicepresidenta', 'primer ministro', 'primera ministra',
      'ministro', 'ministra', 'ministros', 'canciller', 'secretario', 'secretaria', 'senador', 'senadora', 'diputado',
      'diputada', 'gobernador', 'gobernadora', 'alcalde', 'alcaldesa', 'rey', 'reina', 'príncipe', 'princesa', 'papa',
      'juez', 'jueza', 'fiscal', 'director', 'directora', 'consejero', 'consejera', 'general', 'coronel', 'capitán',
      'comandante', 'embajador', 'embajadora', 'portavoz', 'jefe', 'jefa', 'líder', 'mandatario', 'mandataria',
      'profesor', 'profesora', 'arzobispo', 'obispo', 'delegado', 'delegada', 'comisario', 'comisaria',
    ],
  },
  numbers,
  currencies,
  units,
  people,
  figures,
  countries: {
    aliases: {
      US: ['EE. UU.', 'EE.UU.', 'EEUU', 'EUA', 'USA', 'Norteamérica'], GB: ['Reino Unido', 'Gran Bretaña', 'Inglaterra'],
      NL: ['Holanda'], AE: ['EAU', 'Emiratos'], KR: ['Corea del Sur'], KP: ['Corea del Norte'], CD: ['RDC'],
    },
    demonyms: {
      US: ['estadounidense', 'estadounidenses', 'norteamericano', 'norteamericana', 'norteamericanos', 'norteamericanas'],
      GB: ['británico', 'británica', 'británicos', 'británicas', 'inglés', 'inglesa', 'ingleses', 'inglesas'],
      FR: ['francés', 'francesa', 'franceses', 'francesas'], DE: ['alemán', 'alemana', 'alemanes', 'alemanas'],
      ES: ['español', 'española', 'españoles', 'españolas'], IT: ['italiano', 'italiana', 'italianos', 'italianas'],
      NL: ['neerlandés', 'neerlandesa', 'neerlandeses', 'holandés', 'holandesa', 'holandeses'],
      PT: ['portugués', 'portuguesa', 'portugueses', 'portuguesas'], RU: ['ruso', 'rusa', 'rusos', 'rusas'],
      UA: ['ucraniano', 'ucraniana', 'ucranianos', 'ucranianas'], CN: ['chino', 'china', 'chinos', 'chinas'],
      JP: ['japonés', 'japonesa', 'japoneses', 'japonesas'], MX: ['mexicano', 'mexicana', 'mexicanos', 'mexicanas'],
      AR: ['argentino', 'argentina', 'argentinos', 'argentinas'], CO: ['colombiano', 'colombiana', 'colombianos', 'colombianas'],
      VE: ['venezolano', 'venezolana', 'venezolanos', 'venezolanas'], CL: ['chileno', 'chilena', 'chilenos', 'chilenas'],
      PE: ['peruano', 'peruana', 'peruanos', 'peruanas'], CU: ['cubano', 'cubana', 'cubanos', 'cubanas'],
      BR: ['brasileño', 'brasileña', 'brasileños', 'brasileñas'], IL: ['israelí', 'israelíes'], IR: ['iraní', 'iraníes'],
      TR: ['turco', 'turca', 'turcos', 'turcas'], MA: ['marroquí', 'marroquíes'],
    },
  },
  boilerplate: {
    comments: ['comentarios', 'deja tu comentario', 'comentar', 'ver comentarios', 'participa'],
    related: ['noticias relacionadas', 'te puede interesar', 'también te puede interesar', 'lee también', 'lea también', 'más noticias', 'lo más leído', 'relacionado', 'contenido relacionado'],
    newsletter: ['boletín', 'newsletter', 'suscríbete', 'suscribirse', 'recibe nuestro boletín', 'apúntate'],
    readMore: ['leer más', 'seguir leyendo', 'ver más', 'haz clic aquí', 'pincha aquí'],
    copyright: ['todos los derechos reservados', 'copyright', '©'],
    advertising: ['publicidad', 'anuncio', 'contenido patrocinado', 'patrocinado'],
    share: ['compartir', 'compartir en facebook', 'compartir en twitter', 'enviar por correo', 'copiar enlace'],
  },
};
