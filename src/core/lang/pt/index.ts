import type { LanguageBundle } from '../types.js';
import { figures } from './figures.js';
import { currencies, numbers, people, units } from './numbers.js';

/** Portuguese (pt), as written in news in Brazil, Portugal and Africa. */
export const pt: LanguageBundle = {
  code: 'pt',
  name: 'Portuguese',
  chronoLocale: 'pt',
  sentences: {
    abbreviations: [
      'Sr.', 'Sra.', 'Srta.', 'Dr.', 'Dra.', 'Prof.', 'Profa.', 'Eng.', 'Exmo.', 'Exma.', 'Gen.', 'Cel.', 'Cap.', 'Ten.',
      'Sgt.', 'Dom.', 'D.', 'Pe.', 'Sto.', 'Sta.', 'V. Exa.', 'p. ex.', 'pág.', 'págs.', 'art.', 'arts.', 'nº.',
      'aprox.', 'av.', 'tel.', 'vol.', 'cf.', 'ex.',
    ],
    ambiguousAbbreviations: [
      'etc.', 'S.A.', 'Ltda.', 'Cia.', 'EUA.', 'jan.', 'fev.', 'mar.', 'abr.', 'mai.', 'jun.', 'jul.', 'ago.', 'set.',
      'out.', 'nov.', 'dez.', 'min.', 'h.',
    ],
    openers: [
      'o', 'a', 'os', 'as', 'um', 'uma', 'uns', 'umas', 'ele', 'ela', 'eles', 'elas', 'eu', 'nós', 'você', 'seu', 'sua',
      'seus', 'suas', 'este', 'esta', 'esse', 'essa', 'isso', 'isto', 'aquele', 'mas', 'e', 'ou', 'porém', 'em', 'no',
      'na', 'nos', 'nas', 'ao', 'à', 'após', 'antes', 'depois', 'para', 'por', 'com', 'de', 'do', 'da', 'quando',
      'enquanto', 'se', 'segundo', 'contudo', 'entretanto', 'no entanto', 'além', 'também', 'assim', 'então', 'já',
      'não', 'há', 'que', 'quem', 'como', 'por que', 'muitos', 'alguns', 'vários', 'todos',
    ],
    ordinalPeriod: false,
    ordinalContext: [],
    elisions: [],
  },
  quotes: {
    pairs: [
      { open: '“', close: '”' },
      { open: '«', close: '»' },
      { open: '"', close: '"' },
      { open: '‘', close: '’' },
    ],
    dialogueDashes: ['—', '–'],
    spacedMarks: false,
  },
  speech: {
    verbs: [
      'disse', 'disseram', 'diz', 'dizem', 'dizia', 'tem dito', 'havia dito', 'afirmou', 'afirmaram', 'afirma', 'afirmam',
      'declarou', 'declararam', 'declara', 'explicou', 'explicaram', 'explica', 'acrescentou', 'acrescenta',
      'adicionou', 'ressaltou', 'ressalta', 'destacou', 'destaca', 'salientou', 'sublinhou', 'frisou', 'assegurou',
      'garantiu', 'garante', 'anunciou', 'anunciaram', 'anuncia', 'confirmou', 'confirmaram', 'confirma', 'negou',
      'nega', 'admitiu', 'reconheceu', 'respondeu', 'escreveu', 'escreve', 'alertou', 'advertiu', 'avisou', 'informou',
      'informa', 'relatou', 'contou', 'comentou', 'defendeu', 'criticou', 'prometeu', 'pediu', 'reiterou', 'publicou',
      'avaliou', 'avalia', 'considerou', 'considera', 'indicou', 'apontou', 'sustentou', 'observou',
    ],
    participles: ['dizendo', 'afirmando', 'acrescentando', 'explicando', 'ressaltando', 'destacando', 'declarando', 'alertando', 'garantindo'],
    according: ['segundo', 'de acordo com', 'conforme', 'citado por', 'citada por', 'nas palavras de'],
    accordingAfter: [],
    pronouns: ['ele', 'ela', 'eles', 'elas', 'nós', 'eu'],
    speakerNouns: [
      'porta-voz', 'porta-vozes', 'funcionário', 'funcionária', 'funcionários', 'autoridade', 'autoridades', 'fonte',
      'fontes', 'especialista', 'especialistas', 'analista', 'analistas', 'testemunha', 'testemunhas', 'morador',
      'moradores', 'moradora', 'polícia', 'ministério público', 'procurador', 'procuradora', 'advogado', 'advogada',
      'advogados', 'comunicado', 'nota', 'representante', 'representantes', 'responsável', 'responsáveis',
    ],
    complementizers: ['que'],
  },
  titles: {
    honorifics: ['Sr.', 'Sra.', 'Srta.', 'Dr.', 'Dra.', 'Prof.', 'Profa.', 'Dom', 'Dona', 'senhor', 'senhora'],
    roles: [
      'presidente', 'presidentes', 'vice-presidente', 'primeiro-ministro', 'primeira-ministra', 'ministro', 'ministra',
      'ministros', 'chanceler', 'secretário', 'secretária', 'senador', 'senadora', 'deputado', 'deputada', 'governador',
      'governadora', 'prefeito', 'prefeita', 'presidente da câmara', 'rei', 'rainha', 'príncipe', 'princesa', 'papa',
      'juiz', 'juíza', 'procurador', 'procuradora', 'diretor', 'diretora', 'director', 'directora', 'general', 'coronel',
      'capitão', 'comandante', 'embaixador', 'embaixadora', 'porta-voz', 'chefe', 'líder', 'professor', 'professora',
      'arcebispo', 'bispo', 'delegado', 'delegada', 'comissário', 'comissária',
    ],
  },
  numbers,
  currencies,
  units,
  people,
  figures,
  countries: {
    aliases: {
      US: ['EUA', 'E.U.A.', 'Estados Unidos', 'América'], GB: ['Reino Unido', 'Grã-Bretanha', 'Inglaterra'],
      NL: ['Holanda'], AE: ['EAU', 'Emirados'], KR: ['Coreia do Sul'], KP: ['Coreia do Norte'],
    },
    demonyms: {
      US: ['americano', 'americana', 'americanos', 'americanas', 'norte-americano', 'norte-americana', 'norte-americanos', 'norte-americanas', 'estadunidense', 'estadunidenses'],
      GB: ['britânico', 'britânica', 'britânicos', 'britânicas', 'inglês', 'inglesa', 'ingleses', 'inglesas'],
      FR: ['francês', 'francesa', 'franceses', 'francesas'], DE: ['alemão', 'alemã', 'alemães', 'alemãs'],
      ES: ['espanhol', 'espanhola', 'espanhóis', 'espanholas'], IT: ['italiano', 'italiana', 'italianos', 'italianas'],
      NL: ['holandês', 'holandesa', 'holandeses', 'neerlandês'], PT: ['português', 'portuguesa', 'portugueses', 'portuguesas'],
      BR: ['brasileiro', 'brasileira', 'brasileiros', 'brasileiras'], AR: ['argentino', 'argentina', 'argentinos', 'argentinas'],
      AO: ['angolano', 'angolana', 'angolanos', 'angolanas'], MZ: ['moçambicano', 'moçambicana', 'moçambicanos'],
      RU: ['russo', 'russa', 'russos', 'russas'], UA: ['ucraniano', 'ucraniana', 'ucranianos', 'ucranianas'],
      CN: ['chinês', 'chinesa', 'chineses', 'chinesas'], JP: ['japonês', 'japonesa', 'japoneses', 'japonesas'],
      IL: ['israelense', 'israelenses', 'israelita', 'israelitas'], IR: ['iraniano', 'iraniana', 'iranianos', 'iranianas'],
      VE: ['venezuelano', 'venezuelana', 'venezuelanos', 'venezuelanas'],
    },
  },
  boilerplate: {
    comments: ['comentários', 'comente', 'deixe seu comentário', 'ver comentários'],
    related: ['leia também', 'veja também', 'notícias relacionadas', 'relacionadas', 'mais lidas', 'você pode gostar', 'saiba mais'],
    newsletter: ['newsletter', 'assine', 'assine a newsletter', 'inscreva-se', 'cadastre-se', 'subscreva'],
    readMore: ['leia mais', 'continue lendo', 'continuar a ler', 'ver mais', 'clique aqui'],
    copyright: ['todos os direitos reservados', 'copyright', '©'],
    advertising: ['publicidade', 'anúncio', 'conteúdo patrocinado', 'patrocinado'],
    share: ['compartilhar', 'partilhar', 'compartilhe', 'compartilhar no facebook', 'enviar por e-mail', 'copiar link'],
  },
};
