/**
 * One invented news report (eight sentences: a council approves a bridge; a quote, figures in the
 * language's formats, titles, a relative date), written in English and translated by hand into
 * German, Spanish, French, Italian, Dutch, Portuguese and Chinese, for benchmarks that compare the
 * cost of one text across languages. Invented: it names no real place or person.
 */
import { createRng, randomInt } from '../test/helpers/copy-edits.js';

export const REPORT: Record<string, string[]> = {
  en: [
    'The city council of Westbrook approved a new bridge over the river on Wednesday, at a cost of $1.2 billion.',
    'Mr. Alvarez, the head of the transport office, said the bridge would halve commuting times for 40,000 residents.',
    '"This is the largest project the city has ever undertaken," he told reporters at a news conference.',
    'Construction is due to start next spring and to last about three years, according to the plan.',
    'Some residents along the river said they feared noise and traffic jams during the works.',
    'The bridge will be 1,200 metres long, with six lanes and a cycle path.',
    'Dr. Chen, an engineer at the state university, said the design met every safety standard.',
    'The council will hold public hearings before the work begins, officials said.',
  ],
  de: [
    'Der Stadtrat von Westbrook hat am Mittwoch eine neue Brücke über den Fluss genehmigt, die 1,2 Mrd. Dollar kosten soll.',
    'Herr Alvarez, der Leiter des Verkehrsamts, sagte, die Brücke werde die Pendelzeiten für 40.000 Einwohner halbieren.',
    '„Das ist das größte Projekt, das die Stadt je begonnen hat“, sagte er vor Journalisten auf einer Pressekonferenz.',
    'Der Bau soll laut dem Plan im nächsten Frühjahr beginnen und etwa drei Jahre dauern.',
    'Einige Anwohner am Fluss sagten, sie fürchteten Lärm und Staus während der Arbeiten.',
    'Die Brücke wird 1.200 Meter lang sein, mit sechs Fahrspuren und einem Radweg.',
    'Dr. Chen, Ingenieur an der staatlichen Universität, sagte, der Entwurf erfülle z. B. alle Sicherheitsnormen.',
    'Der Stadtrat werde vor Beginn der Arbeiten öffentliche Anhörungen abhalten, teilten Beamte mit.',
  ],
  es: [
    'El ayuntamiento de Westbrook aprobó el miércoles un nuevo puente sobre el río, con un coste de 1.200 millones de dólares.',
    'El Sr. Alvarez, jefe de la oficina de transporte, dijo que el puente reduciría a la mitad los trayectos de 40.000 vecinos.',
    '«Es el mayor proyecto que la ciudad ha emprendido jamás», dijo a los periodistas en una rueda de prensa.',
    'Según el plan, las obras comenzarán la próxima primavera y durarán unos tres años.',
    'Algunos vecinos de la ribera dijeron que temían el ruido y los atascos durante las obras.',
    'El puente medirá 1.200 metros de largo, con seis carriles y un carril bici.',
    'La Dra. Chen, ingeniera de la universidad estatal, afirmó que el diseño cumplía todas las normas de seguridad.',
    'El ayuntamiento celebrará audiencias públicas antes de que empiecen las obras, según fuentes oficiales.',
  ],
  fr: [
    'Le conseil municipal de Westbrook a approuvé mercredi un nouveau pont sur la rivière, pour un coût de 1,2 milliard de dollars.',
    'M. Alvarez, le chef du bureau des transports, a déclaré que le pont réduirait de moitié les trajets de 40 000 habitants.',
    '« C’est le plus grand projet que la ville ait jamais entrepris », a-t-il dit aux journalistes lors d’une conférence de presse.',
    'Les travaux doivent commencer au printemps prochain et durer environ trois ans, selon le plan.',
    'Des riverains ont dit craindre le bruit et les embouteillages pendant les travaux.',
    'Le pont mesurera 1 200 mètres de long, avec six voies et une piste cyclable.',
    'Mme Chen, ingénieure à l’université d’État, a affirmé que le projet respectait toutes les normes de sécurité.',
    'Le conseil tiendra des audiences publiques avant le début des travaux, ont indiqué des responsables.',
  ],
  it: [
    'Il consiglio comunale di Westbrook ha approvato mercoledì un nuovo ponte sul fiume, con un costo di 1,2 miliardi di dollari.',
    'Il signor Alvarez, capo dell’ufficio trasporti, ha detto che il ponte dimezzerà i tempi di percorrenza per 40.000 residenti.',
    '«È il più grande progetto che la città abbia mai intrapreso», ha detto ai giornalisti durante una conferenza stampa.',
    'Secondo il piano, i lavori inizieranno la prossima primavera e dureranno circa tre anni.',
    'Alcuni residenti lungo il fiume hanno detto di temere rumore e ingorghi durante i lavori.',
    'Il ponte sarà lungo 1.200 metri, con sei corsie e una pista ciclabile.',
    'La dottoressa Chen, ingegnere dell’università statale, ha affermato che il progetto rispetta tutte le norme di sicurezza.',
    'Il consiglio terrà udienze pubbliche prima dell’inizio dei lavori, hanno riferito i funzionari.',
  ],
  nl: [
    'De gemeenteraad van Westbrook heeft woensdag een nieuwe brug over de rivier goedgekeurd, die 1,2 miljard dollar gaat kosten.',
    'De heer Alvarez, hoofd van de verkeersdienst, zei dat de brug de reistijd van 40.000 inwoners zou halveren.',
    '“Dit is het grootste project dat de stad ooit heeft aangepakt”, zei hij tegen verslaggevers op een persconferentie.',
    'Volgens het plan begint de bouw volgend voorjaar en duurt die ongeveer drie jaar.',
    'Sommige bewoners langs de rivier zeiden dat ze bang waren voor lawaai en files tijdens de werkzaamheden.',
    'De brug wordt 1.200 meter lang, met zes rijstroken en een fietspad.',
    'Dr. Chen, ingenieur aan de staatsuniversiteit, zei dat het ontwerp aan alle veiligheidsnormen voldeed.',
    'De gemeenteraad houdt openbare hoorzittingen voordat het werk begint, zeiden ambtenaren.',
  ],
  pt: [
    'A câmara municipal de Westbrook aprovou na quarta-feira uma nova ponte sobre o rio, com um custo de 1,2 bilhão de dólares.',
    'O Sr. Alvarez, chefe do departamento de transportes, disse que a ponte reduziria à metade o trajeto de 40.000 moradores.',
    '“É o maior projeto que a cidade já empreendeu”, disse ele aos jornalistas numa entrevista coletiva.',
    'Segundo o plano, as obras devem começar na próxima primavera e durar cerca de três anos.',
    'Alguns moradores da margem do rio disseram temer o barulho e os engarrafamentos durante as obras.',
    'A ponte terá 1.200 metros de comprimento, com seis faixas e uma ciclovia.',
    'A Dra. Chen, engenheira da universidade estadual, afirmou que o projeto cumpria todas as normas de segurança.',
    'A câmara realizará audiências públicas antes do início das obras, disseram as autoridades.',
  ],
  zh: [
    '韦斯特布鲁克市议会周三批准在河上修建一座新桥，耗资十二亿美元。',
    '交通办公室负责人阿尔瓦雷斯先生说，这座桥将使四万名居民的通勤时间减半。',
    '他在新闻发布会上对记者说：“这是本市有史以来最大的工程。”',
    '根据计划，工程将于明年春天开工，工期约为三年。',
    '一些住在河边的居民说，他们担心施工期间的噪音和交通拥堵。',
    '大桥全长一千二百米，设有六条车道和一条自行车道。',
    '州立大学的工程师陈博士说，设计符合所有安全标准。',
    '官员说，市议会将在开工前举行公开听证会。',
  ],
};

/**
 * `count` articles of `perArticle` sentences drawn from `sentences` with a seeded random pick, in
 * paragraphs of three sentences as news pages have (joined without spaces in Chinese).
 */
export function buildArticles(sentences: string[], seed: number, count: number, perArticle: number): string[] {
  const rng = createRng(seed);
  const articles: string[] = [];
  for (let a = 0; a < count; a++) {
    const picked: string[] = [];
    for (let s = 0; s < perArticle; s++) picked.push(sentences[randomInt(rng, sentences.length)]!);
    const paragraphs: string[] = [];
    for (let p = 0; p < picked.length; p += 3) paragraphs.push(picked.slice(p, p + 3).join(sentences === REPORT.zh ? '' : ' '));
    articles.push(paragraphs.join('\n\n'));
  }
  return articles;
}
