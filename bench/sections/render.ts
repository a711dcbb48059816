// Keypress to next frame: the time from a key arriving on stdin to the write that carries the next
// frame (not the begin-synchronized-update marker Ink writes just before it), with the real app
// (Root, real search engine, in-memory reading store) at 120x40, the way the app renders (standard
// log-update, maxFps 60). Two walks: j/k back and forth over the same 20 articles (what each
// article's panes cost once computed), and j down through 200 articles never shown before (each
// key a new summary, quote picker and related articles: what scrolling a list costs). Baseline:
// the same app drawing every list row instead of the visible window, timed on a sample at 1k only
// (it is seconds per frame beyond).
import {createElement, useState, type ReactElement} from 'react';
import {Box, render, Text, useInput} from 'ink';
import {createSearchEngine} from '../../src/search/index.js';
import {createMemoryStore} from '../../src/state/memory-store.js';
import {Root} from '../../src/ui/components/Root.js';
import {createTheme} from '../../src/ui/theme.js';
import type {Article} from '../../src/types.js';
import {now, percentile} from '../measure.js';
import {FakeStdin, FakeStdout} from '../../test/ui/helpers/terminal.js';
import type {BenchFigure, BenchSection} from './types.js';

const COLUMNS = 120;
const ROWS = 40;
const PRESSES = 200;
const FRAME_TIMEOUT_MS = 2000;

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Ink brackets each frame in synchronized-update markers (a terminal shows it at once). */
const SYNC_MARKERS = new Set(['\u001b[?2026h', '\u001b[?2026l']);

/** Milliseconds from each key to the next frame written. */
async function latencies(element: ReactElement, keys: readonly string[]): Promise<number[]> {
  const stdout = new FakeStdout(COLUMNS, ROWS, false);
  const stdin = new FakeStdin();
  const app = render(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FakeStdout(COLUMNS, ROWS, false) as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 60,
  });
  const samples: number[] = [];
  try {
    await pause(100);
    for (const key of keys) {
      const frame = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no frame after a key (is CI set? Ink draws nothing live under CI)')), FRAME_TIMEOUT_MS);
        const onFrame = (chunk: string): void => {
          if (SYNC_MARKERS.has(chunk)) return;
          stdout.off('frame', onFrame);
          clearTimeout(timer);
          resolve(now());
        };
        stdout.on('frame', onFrame);
      });
      const start = now();
      stdin.send(key);
      samples.push((await frame) - start);
      await pause(20); // beyond Ink's 60 fps throttle window, as a person's key repeat is
    }
  } finally {
    app.unmount();
  }
  return samples;
}

/** The naive list: every article a row, the cursor moved by j/k. */
function everyRow(articles: readonly Article[]) {
  return function AllRows() {
    const [cursor, setCursor] = useState(0);
    useInput((input) => setCursor((c) => Math.max(0, c + (input === 'j' ? 1 : -1))));
    return createElement(
      Box,
      {flexDirection: 'column'},
      articles.map((a, i) => createElement(Text, {key: a.id, wrap: 'truncate-end', inverse: i === cursor}, `● ${a.headline}`)),
    );
  };
}

export const renderSection: BenchSection = {
  name: 'ui',
  async run({corpus, built, log}) {
    const c = await built();
    const engine = createSearchEngine(c);
    const store = createMemoryStore();
    const keys = Array.from({length: PRESSES}, (_, i) => (Math.floor(i / 20) % 2 === 0 ? 'j' : 'k'));
    log(`ui: ${PRESSES} keypresses at ${corpus.label}`);
    const root = createElement(Root, {phase: {kind: 'ready', corpus: c, engine, failures: []}, store, theme: createTheme({color: true}), onQuit() {}});
    const samples = await latencies(root, keys);
    // A fresh mount resuming at the middle of the list, far from the articles shown above: every j
    // selects an article not shown yet.
    const fresh = createMemoryStore();
    fresh.setGlobal({lastArticle: c.articles[Math.floor(c.articles.length / 2)]?.id ?? null});
    const scrollRoot = createElement(Root, {phase: {kind: 'ready', corpus: c, engine, failures: []}, store: fresh, theme: createTheme({color: true}), onQuit() {}});
    const scroll = await latencies(scrollRoot, Array.from({length: PRESSES}, () => 'j'));
    // The leader picker (ink-select-input) opened with l and closed with Esc: a mount of the picker
    // and its rows on every other key, the most it costs a frame.
    const pickerKeys = Array.from({length: PRESSES / 2}, (_, i) => (i % 2 === 0 ? 'l' : '\u001b'));
    const picker = await latencies(root, pickerKeys);
    let baseline: number | null = null;
    let note = `j/k in the list at ${COLUMNS}x${ROWS}, ${PRESSES} presses`;
    if (corpus.count <= 1000) {
      const naive = await latencies(createElement(everyRow(c.articles)), ['j', 'k', 'j', 'k', 'j']);
      baseline = percentile(naive, 50);
      note += '; baseline: every row drawn, 5 presses';
    }
    const figures: BenchFigure[] = [
      {metric: 'ui.key-to-frame.p50', value: percentile(samples, 50), unit: 'ms', baseline, target: 16, note},
      {metric: 'ui.key-to-frame.p95', value: percentile(samples, 95), unit: 'ms', baseline: null, target: 33},
      {metric: 'ui.scroll-key-to-frame.p50', value: percentile(scroll, 50), unit: 'ms', baseline: null, target: 16, note: `j down through ${PRESSES} articles not shown before`},
      {metric: 'ui.scroll-key-to-frame.p95', value: percentile(scroll, 95), unit: 'ms', baseline: null, target: 33},
      {metric: 'ui.picker-key-to-frame.p50', value: percentile(picker, 50), unit: 'ms', baseline: null, target: 16, note: `l/Esc opening and closing the leader picker, ${pickerKeys.length} presses`},
      {metric: 'ui.picker-key-to-frame.p95', value: percentile(picker, 95), unit: 'ms', baseline: null, target: 33},
    ];
    return figures;
  },
};
