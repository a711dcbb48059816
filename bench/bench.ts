// `npm run bench [-- --sizes 1k,10k,100k] [--sections parse,load,...] [--no-shared] [--fresh-cache]`: generates synthetic
// corpora, runs every section of bench/sections on each, prints a table on stderr-free stdout and the
// JSON (also written to bench/results/latest.json). Each figure sits next to its naive baseline,
// measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {sections} from './sections/index.js';
import {syntheticCorpus} from './generate.js';
import {collectFiles} from '../src/cli/files.js';
import {loadArticles} from '../src/cli/load.js';
import {round} from './measure.js';
import {buildCorpusForBench} from './corpus.js';
import {memoryChild} from './sections/memory.js';
import {BENCH_CACHE_VERSION, benchCacheDir, type BenchCorpus, type BenchFigure, type SectionContext} from './sections/types.js';
import type {Article} from '../src/types.js';
import type {Corpus} from '../src/corpus/types.js';

interface Row extends BenchFigure {
  corpus: string;
  section: string;
  /** baseline / value (or value / baseline when higher is better): how many times better than naive. */
  gain: number | null;
  met: boolean | null;
}

function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(text.trim());
  if (!m) throw new Error(`--sizes: '${text}' is not a size like 1k or 500`);
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
}

const label = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  return round(x).toLocaleString('en-US');
}

function table(rows: Row[]): string {
  const head = ['corpus', 'metric', 'value', 'unit', 'naive', 'gain', 'target', 'note'];
  const body = rows.map((r) => [r.corpus, r.metric, fmt(r.value), r.unit, fmt(r.baseline), r.gain ? `${fmt(r.gain)}x` : '-',
    r.target ? `${fmt(r.target)}${r.met === null ? '' : r.met ? ' ok' : ' MISSED'}` : '-', r.note ?? '']);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  return all.map((row) => row.map((c, i) => (i === row.length - 1 ? c : i >= 2 && i <= 6 && i !== 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return memoryChild(process.argv[3]!, process.argv[4]!, process.argv[5]!);
  const {values} = parseArgs({
    args: process.argv.slice(2),
    options: {sizes: {type: 'string'}, sections: {type: 'string'}, 'no-shared': {type: 'boolean'}, out: {type: 'string'}, 'fresh-cache': {type: 'boolean'}},
    allowPositionals: false,
  });
  const sizes = (values.sizes ?? '1k,10k,100k').split(',').map(parseSize);
  const only = values.sections?.split(',').map((s) => s.trim());
  const root = packageRoot();
  const log = (m: string): void => void process.stderr.write(`bench: ${m}\n`);
  const scratchRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-scratch-'));
  const started = Date.now();
  const loadAtStart = os.loadavg();

  const corpora: BenchCorpus[] = [];
  const shared = path.resolve(root, '..', 'shared', 'corpus');
  if (!values['no-shared'] && fs.existsSync(shared)) {
    const {files} = collectFiles([shared]);
    corpora.push({label: 'shared', count: files.length, dir: shared, bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0), synthetic: false});
  } else log('../shared/corpus absent or --no-shared: real-news parse throughput not measured');
  for (const n of sizes) {
    const {dir, bytes} = syntheticCorpus(n, log);
    const corpus: BenchCorpus = {label: label(n), count: n, dir, bytes, synthetic: true};
    const kept = benchCacheDir(corpus);
    if (kept && values['fresh-cache']) fs.rmSync(kept, {recursive: true, force: true});
    corpora.push(corpus);
  }

  const rows: Row[] = [];
  try {
    for (const corpus of corpora) {
      let articles: Promise<readonly Article[]> | undefined;
      let built: Promise<Corpus> | undefined;
      let scratchN = 0;
      // Big corpora keep their cache between runs (a cold parse of 100k takes many minutes); others start empty.
      const cacheDir = benchCacheDir(corpus) ?? path.join(scratchRoot, `${corpus.label}-cache`);
      const ctx: SectionContext = {
        corpus,
        cacheDir,
        articles: () =>
          (articles ??= loadArticles([corpus.dir], {cacheDir, cacheVersion: BENCH_CACHE_VERSION}).then((r) => {
            log(`${corpus.label}: ${r.articles.length} articles loaded for the sections (${Math.round(r.stats.ms)} ms)`);
            return r.articles;
          })),
        built: () => (built ??= ctx.articles().then((a) => buildCorpusForBench(a, log, corpus.label))),
        scratch: () => {
          const dir = path.join(scratchRoot, `${corpus.label}-${scratchN++}`);
          fs.mkdirSync(dir, {recursive: true});
          return dir;
        },
        log: (m) => log(`${corpus.label}: ${m}`),
      };
      for (const section of sections) {
        if (only && !only.includes(section.name)) continue;
        if (section.appliesTo ? !section.appliesTo(corpus) : !corpus.synthetic) continue;
        let figures: BenchFigure[];
        try {
          figures = await section.run(ctx);
        } catch (error) {
          log(`${corpus.label}: section ${section.name} failed: ${(error as Error)?.stack ?? String(error)}`);
          continue;
        }
        for (const f of figures) {
          const gain = f.baseline && f.value ? (f.higherIsBetter ? f.value / f.baseline : f.baseline / f.value) : null;
          const met = f.target === undefined || f.target === null ? null : f.higherIsBetter ? f.value >= f.target : f.value <= f.target;
          const row: Row = {corpus: corpus.label, section: section.name, ...f, value: round(f.value), baseline: f.baseline == null ? null : round(f.baseline), gain: gain && round(gain), met};
          rows.push(row);
          log(`${corpus.label}: ${f.metric} = ${fmt(f.value)} ${f.unit}${f.baseline ? ` (naive ${fmt(f.baseline)})` : ''}`);
        }
      }
    }
  } finally {
    fs.rmSync(scratchRoot, {recursive: true, force: true});
  }

  const result = {
    date: new Date().toISOString(),
    machine: {cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? null, memoryGb: round(os.totalmem() / 2 ** 30), node: process.version,
      // Other work on the machine inflates every wall-clock figure: the 1, 5 and 15 minute load averages.
      loadAverageAtStart: loadAtStart.map(round), loadAverageAtEnd: os.loadavg().map(round)},
    corpora: corpora.map((c) => ({label: c.label, articles: c.count, mb: round(c.bytes / 1048576), synthetic: c.synthetic})),
    seconds: round((Date.now() - started) / 1000),
    results: rows,
  };
  const out = values.out ?? path.join(root, 'bench', 'results', 'latest.json');
  fs.mkdirSync(path.dirname(out), {recursive: true});
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result) + '\n\n');
  process.stdout.write(table(rows) + '\n');
  log(`done in ${result.seconds} s; JSON written to ${path.relative(process.cwd(), out)}`);
}

await main();
