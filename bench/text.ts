/**
 * Text toolkit cost per language: the same invented report (eight sentences, translated) in
 * English, German, Spanish and Chinese, built into 2,000 articles of 24 sentences each with a
 * seeded shuffle, then split into sentences, tokenised, reduced to stemmed terms, and
 * fingerprinted with the language. Reports articles/s per operation and the cost of each
 * language relative to English (issue target: within 1.5×).
 */
import { textToolkit } from '../src/core/index.js';
import { fingerprint } from '../src/dedup/index.js';
import { createRng, randomInt } from '../test/helpers/copy-edits.js';

const ARTICLES = 2000;
const SENTENCES_PER_ARTICLE = 24;
const ROUNDS = 5;

const REPORT: Record<string, string[]> = {
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

function buildArticles(sentences: string[], seed: number): string[] {
  const rng = createRng(seed);
  const articles: string[] = [];
  for (let a = 0; a < ARTICLES; a++) {
    const picked: string[] = [];
    for (let s = 0; s < SENTENCES_PER_ARTICLE; s++) picked.push(sentences[randomInt(rng, sentences.length)]!);
    // Paragraphs of three sentences, as news pages have.
    const paragraphs: string[] = [];
    for (let p = 0; p < picked.length; p += 3) paragraphs.push(picked.slice(p, p + 3).join(sentences === REPORT.zh ? '' : ' '));
    articles.push(paragraphs.join('\n\n'));
  }
  return articles;
}

export async function run(): Promise<void> {
  await Promise.resolve();
  console.log(`text toolkit benchmark: ${ARTICLES} articles of ${SENTENCES_PER_ARTICLE} sentences per language, best of ${ROUNDS} rounds`);
  const operations: Record<string, (language: string, text: string) => number> = {
    sentences: (language, text) => textToolkit(language).sentences(text).length,
    words: (language, text) => textToolkit(language).words(text).length,
    'terms (stemmed)': (language, text) => textToolkit(language).terms(text, { stem: true }).length,
    fingerprint: (language, text) => fingerprint(text, language).shingles.length,
  };
  const languages = Object.keys(REPORT);
  const articles = new Map(languages.map((language) => [language, buildArticles(REPORT[language]!, 20261122)]));
  // Rounds interleave the languages, so that load on the machine weighs on each alike; the best round counts.
  const best = new Map<string, number>();
  let sink = 0;
  for (const [name, op] of Object.entries(operations)) {
    for (const language of languages) op(language, articles.get(language)![0]!); // warm up: toolkit, stemmer, stop words
    for (let r = 0; r < ROUNDS; r++) {
      for (const language of languages) {
        const start = process.hrtime.bigint();
        for (const a of articles.get(language)!) sink += op(language, a);
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const key = `${language} ${name}`;
        best.set(key, Math.min(best.get(key) ?? Infinity, seconds));
      }
    }
  }
  for (const language of languages) {
    const chars = articles.get(language)!.reduce((n, a) => n + a.length, 0);
    const parts = Object.keys(operations).map((name) => {
      const seconds = best.get(`${language} ${name}`)!;
      const ratio = seconds / best.get(`en ${name}`)!;
      return `${name} ${(ARTICLES / seconds).toFixed(0)}/s (${((seconds / ARTICLES) * 1e3).toFixed(3)} ms, ${ratio.toFixed(2)}× en)`;
    });
    console.log(`  ${language} (${(chars / ARTICLES).toFixed(0)} chars/article): ${parts.join('; ')}`);
  }
  if (sink < 0) console.log(sink);
}
