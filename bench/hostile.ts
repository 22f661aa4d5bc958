/**
 * `npm run bench -- hostile`: hostile and oversized input against the server and the CLI.
 *
 * Server: `crosscheck serve` (a child process, from the sources) over the example stories, four
 * probe clients requesting ordinary pages one after another (story list, a story, the outlets)
 * while pathological documents are posted one at a time (5 MB bodies: nesting 400,000 deep,
 * 900,000 unclosed tags, one 4.5 MB attribute, a 4.5 MB article as HTML and as text, JSON nested
 * 2,000,000 deep), then the story holding the huge article is read (story, article, web page, its
 * fact sheet). Reports each heavy request's answer and time and the probes' p50 / p99 / max
 * meanwhile (target p99 under 100 ms).
 *
 * CLI: peak RSS and time of `crosscheck ingest` on a 30 MB HTML article, a 30 MB `.txt` article
 * and a 30 MB JSONL line, and of `crosscheck story` on a story holding a 10 MB article, beside
 * the same commands on a 2 KB article (the process's own footprint). Target: peak memory under
 * 10x the input.
 *
 * Env: HOSTILE_BENCH_MB (size of the CLI inputs, default 30), HOSTILE_BENCH_STORY_MB (default 10),
 * HOSTILE_BENCH_PART (`server` or `cli`: one part only).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hugeAttribute, longArticleHtml, longArticleParagraphs, nestedDivs, unclosedTags } from '../test/helpers/hostile.js';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');
const ENTRY = resolve(ROOT, 'src', 'cli', 'index.ts');
const CLI_MB = Number(process.env.HOSTILE_BENCH_MB ?? 30);
const STORY_MB = Number(process.env.HOSTILE_BENCH_STORY_MB ?? 10);
const PART = process.env.HOSTILE_BENCH_PART ?? 'all';
const TOKEN = 'bench-token';
const PROBES = 4;
const TITLE = 'Flood waters reach the capital as the river keeps rising';
const LEAD = 'Flood waters reached the capital on Tuesday as the river kept rising, forcing 2,000 people from their homes, officials said.';

interface Answer {
  status: number;
  ms: number;
  body: string;
}

function call(port: number, method: string, path: string, body?: string): Promise<Answer> {
  return new Promise((resolveCall) => {
    const started = performance.now();
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}` };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(body));
      headers.Authorization = `Bearer ${TOKEN}`;
    }
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolveCall({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error) => resolveCall({ status: 0, ms: performance.now() - started, body: String(error) }));
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Probe clients requesting ordinary pages one after another until stopped; latencies of the requests answered while running. */
function probe(port: number, paths: string[]): { stop: () => Promise<{ latencies: number[]; errors: number }> } {
  let running = true;
  const latencies: number[] = [];
  let errors = 0;
  const loops = Array.from({ length: PROBES }, async (_, k) => {
    let i = k;
    while (running) {
      const answer = await call(port, 'GET', paths[i++ % paths.length]!);
      if (answer.status !== 200) errors++;
      latencies.push(answer.ms);
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { latencies, errors };
    },
  };
}

function line(label: string, heavy: string, probes: { latencies: number[]; errors: number }): void {
  const sorted = [...probes.latencies].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)}${heavy.padEnd(30)}${String(sorted.length).padStart(7)}${percentile(sorted, 50).toFixed(1).padStart(8)}${percentile(sorted, 99).toFixed(1).padStart(8)}${(sorted.at(-1) ?? NaN).toFixed(1).padStart(9)}${String(probes.errors).padStart(7)}`,
  );
}

function describeAnswer(answer: Answer): string {
  let code = '';
  try {
    const parsed = JSON.parse(answer.body) as { error?: { code?: string } };
    code = parsed.error?.code ? ` ${parsed.error.code}` : '';
  } catch {
    // not JSON (a web page)
  }
  return `${answer.status}${code} in ${(answer.ms / 1000).toFixed(2)} s`;
}

async function startServe(db: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'serve', '--db', db, '--port', '0', '--seed-examples'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CROSSCHECK_TOKEN: TOKEN, NO_COLOR: '1' },
  });
  let out = '';
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /serving http:\/\/[^:]+:(\d+)\//.exec(out);
      if (m) resolvePort(Number(m[1]));
    });
    child.stderr.setEncoding('utf8').on('data', () => undefined);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening: ${out}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolveStop) => {
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

async function serverPart(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-hostile-'));
  const server = await startServe(join(dir, 'hostile.db'));
  try {
    const { port } = server;
    const list = JSON.parse((await call(port, 'GET', '/api/stories?limit=5')).body) as { stories: Array<{ id: number }> };
    const storyId = list.stories[0]?.id ?? 1;
    const paths = ['/api/stories?limit=20', `/api/stories/${storyId}`, '/api/outlets'];
    // Warm: the first answers load modules.
    for (const path of paths) await call(port, 'GET', path);
    console.log(`server: ${PROBES} probe clients on ${paths.join(', ')}, one after another; heavy requests one at a time (bodies up to 5 MB)`);
    console.log(`${'while'.padEnd(34)}${'heavy request answered'.padEnd(30)}${'probes'.padStart(7)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'max ms'.padStart(9)}${'errors'.padStart(7)}`);

    const idle = probe(port, paths);
    await new Promise((r) => setTimeout(r, 3000));
    line('nothing else (3 s)', '-', await idle.stop());

    const article = (html: string | null, text: string | null, id: string): string =>
      JSON.stringify({ id, title: TITLE, source: `Hostile ${id}`, published: '2026-10-14T08:00:00Z', ...(html === null ? {} : { html }), ...(text === null ? {} : { text }) });
    const heavy: Array<{ label: string; body: () => string }> = [
      { label: 'POST nesting 400,000 deep', body: () => article(nestedDivs(400_000), null, 'nested') },
      { label: 'POST 900,000 unclosed <b>', body: () => article(unclosedTags(900_000), null, 'unclosed') },
      { label: 'POST a 4.5 MB attribute', body: () => article(hugeAttribute(4_500_000), null, 'attribute') },
      { label: 'POST a 4.5 MB article (HTML)', body: () => article(longArticleHtml(4_500_000, TITLE, 3).replace('<article>', `<article><p>${LEAD}</p>`), null, 'html') },
      { label: 'POST a 4.5 MB article (text)', body: () => article(null, `${LEAD}\n\n${longArticleParagraphs(4_500_000, 5).join('\n\n')}`, 'text') },
      { label: 'POST JSON nested 2,000,000 deep', body: () => `{"text":"x","title":${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}}` },
    ];
    let textArticle: number | null = null;
    let textStory: number | null = null;
    for (const h of heavy) {
      const body = h.body();
      const probes = probe(port, paths);
      const answer = await call(port, 'POST', '/api/articles', body);
      line(h.label, describeAnswer(answer), await probes.stop());
      if (h.label.includes('(text)') && answer.status === 201) {
        const stored = JSON.parse(answer.body) as { articleId: number; storyId: number };
        textArticle = stored.articleId;
        textStory = stored.storyId;
      }
    }
    if (textArticle !== null && textStory !== null) {
      const reads: Array<{ label: string; path: string }> = [
        { label: 'GET the story of the 4.5 MB text', path: `/api/stories/${textStory}` },
        { label: 'GET its web page', path: `/stories/${textStory}` },
        { label: 'GET the 4.5 MB article', path: `/api/articles/${textArticle}` },
        { label: 'GET its article page', path: `/articles/${textArticle}` },
      ];
      for (const r of reads) {
        const probes = probe(port, paths);
        const answer = await call(port, 'GET', r.path);
        line(r.label, describeAnswer(answer), await probes.stop());
      }
      // The fact sheet: built in a worker; polled until it is there.
      const probes = probe(port, paths);
      const started = performance.now();
      let answer = await call(port, 'GET', `/api/stories/${textStory}/factsheet`);
      while (answer.status === 202 && performance.now() - started < 300_000) {
        await new Promise((r) => setTimeout(r, 500));
        answer = await call(port, 'GET', `/api/stories/${textStory}/factsheet`);
      }
      line('its fact sheet, polled until built', `${answer.status} after ${((performance.now() - started) / 1000).toFixed(2)} s`, await probes.stop());
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the CLI under /usr/bin/time: wall seconds, peak RSS in MiB, exit code, last line of output. */
function measured(args: string[]): { seconds: number; rssMb: number; code: number; last: string } {
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const command = time ?? process.execPath;
  const commandArgs = time ? ['-f', 'TIME %e %M', process.execPath, '--import', 'tsx', ENTRY, ...args] : ['--import', 'tsx', ENTRY, ...args];
  const started = performance.now();
  const run = spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const m = /TIME ([\d.]+) (\d+)/.exec(run.stderr ?? '');
  const lines = `${run.stdout ?? ''}${run.stderr ?? ''}`.split('\n').filter((l) => l.trim() && !l.startsWith('TIME '));
  return { seconds: m ? Number(m[1]) : seconds, rssMb: m ? Number(m[2]) / 1024 : NaN, code: run.status ?? -1, last: (lines.at(-1) ?? '').slice(0, 110) };
}

function cliPart(): void {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-hostile-cli-'));
  try {
    const bytes = CLI_MB * 1024 * 1024;
    const inputs: Array<{ label: string; file: string }> = [];
    const write = (name: string, content: string): string => {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    };
    const small = longArticleParagraphs(2_000, 9);
    inputs.push({ label: 'a 2 KB article (.txt)', file: write('small.txt', `${TITLE}\n\n${small.join('\n\n')}`) });
    inputs.push({ label: `a ${CLI_MB} MB article (.html)`, file: write('big.html', longArticleHtml(bytes, TITLE)) });
    inputs.push({ label: `a ${CLI_MB} MB article (.txt)`, file: write('big.txt', `${TITLE}\n\n${longArticleParagraphs(bytes, 8).join('\n\n')}`) });
    inputs.push({
      label: `a ${CLI_MB} MB JSONL line`,
      file: write('big.jsonl', `${JSON.stringify({ id: 'big', title: TITLE, source: 'Big Wire', published: '2026-10-14T08:00:00Z', text: longArticleParagraphs(bytes, 6).join('\n\n') })}\n`),
    });
    console.log(`\ncli: crosscheck ingest, each input into a new store (from the sources through tsx; peak RSS of the process and its worker threads)`);
    console.log(`${'input'.padEnd(30)}${'MB'.padStart(7)}${'seconds'.padStart(9)}${'peak RSS MiB'.padStart(14)}${'over the 2 KB run'.padStart(19)}${'x input'.padStart(9)}  exit, last line`);
    let base = NaN;
    for (const input of inputs) {
      const db = join(dir, `${input.label.replace(/\W+/g, '-')}.db`);
      const run = measured(['ingest', input.file, '--db', db, '--no-progress']);
      const mb = statSync(input.file).size / 1024 / 1024;
      if (Number.isNaN(base)) base = run.rssMb;
      const over = run.rssMb - base;
      console.log(
        `${input.label.padEnd(30)}${mb.toFixed(1).padStart(7)}${run.seconds.toFixed(1).padStart(9)}${run.rssMb.toFixed(0).padStart(14)}${over.toFixed(0).padStart(19)}${(mb > 1 ? (over / mb).toFixed(1) : '-').padStart(9)}  ${run.code}, ${run.last}`,
      );
      rmSync(db, { force: true });
    }

    // A story of five short reports and one STORY_MB article of the same event: `crosscheck story` builds its sheet inline.
    const storyLines = [0, 1, 2, 3, 4].map((k) =>
      JSON.stringify({ id: `short-${k}`, title: TITLE, source: `Outlet ${k}`, published: '2026-10-14T08:00:00Z', text: `${LEAD}\n\n${longArticleParagraphs(3_000, 20 + k).join('\n\n')}` }),
    );
    const smallStory = write('story-small.jsonl', `${storyLines.join('\n')}\n`);
    const bigStory = write(
      'story-big.jsonl',
      `${[...storyLines, JSON.stringify({ id: 'long', title: TITLE, source: 'Big Wire', published: '2026-10-14T09:00:00Z', text: `${LEAD}\n\n${longArticleParagraphs(STORY_MB * 1024 * 1024, 4).join('\n\n')}` })].join('\n')}\n`,
    );
    console.log(`\ncli: crosscheck story on a story of 5 short reports, then on the same with a ${STORY_MB} MB article of the event (the sheet built inline, from a cold cache)`);
    let storyBase = NaN;
    for (const [label, file] of [
      ['5 short reports', smallStory],
      [`and a ${STORY_MB} MB article`, bigStory],
    ] as const) {
      const db = join(dir, `${label.replace(/\W+/g, '-')}.db`);
      const ingest = measured(['ingest', file, '--db', db, '--no-progress']);
      const stories = JSON.parse(spawnSync(process.execPath, ['--import', 'tsx', ENTRY, 'stories', '--db', db, '--json', '--largest', '--limit', '1'], { cwd: ROOT, encoding: 'utf8' }).stdout) as
        | Array<{ id: number; articleCount: number }>
        | { stories: Array<{ id: number; articleCount: number }> };
      const top = (Array.isArray(stories) ? stories : stories.stories)[0];
      const run = measured(['story', String(top?.id ?? 1), '--db', db]);
      if (Number.isNaN(storyBase)) storyBase = run.rssMb;
      console.log(
        `${label.padEnd(30)} ingest ${ingest.seconds.toFixed(1)} s, ${ingest.rssMb.toFixed(0)} MiB; story #${top?.id} (${top?.articleCount} articles): ${run.seconds.toFixed(1)} s, peak RSS ${run.rssMb.toFixed(0)} MiB (${(run.rssMb - storyBase).toFixed(0)} over the short story), exit ${run.code}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  if (PART === 'all' || PART === 'server') await serverPart();
  if (PART === 'all' || PART === 'cli') cliPart();
}
