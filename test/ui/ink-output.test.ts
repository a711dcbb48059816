// Our drop-in for Ink's Output (src/ui/ink/output.ts, swapped in by the bundle) must compose
// exactly the frames Ink's own does: the same operations go to both and the strings must match,
// over random writes (styles, compound and 256-colour codes, resets, wide and combining
// characters, newlines, text off every edge), clips, transformers, and frames that reuse lines.
// (In the bundle ours measures with Ink's own string-width 8; here it gets the project's 7, so the
// pieces leave out what the two measure differently, such as a flag followed by a combining mark.)
import {describe, expect, it} from 'vitest';
import InkOutput from '../../node_modules/ink/build/output.js';
import Output, {SIMPLE_CHAR} from '../../src/ui/ink/output.js';
import {paint} from '../../src/ui/paint.js';
import {createTheme} from '../../src/ui/theme.js';

type Transformer = (line: string, index: number) => string;
type Clip = {x1: number | undefined; x2: number | undefined; y1: number | undefined; y2: number | undefined};
type Op = {kind: 'write'; x: number; y: number; text: string; transformers: Transformer[]} | {kind: 'clip'; clip: Clip} | {kind: 'unclip'};

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'Kishida', 'North Korea', ' ', '  ', 'said', '“quoted”', '—', '…', '│', '●', '★ ', '▸ ', 'Pyongyang',
  '윤석열', '日本の', 'ｶﾀｶﾅ', '👍', '🇯🇵', '👨‍👩‍👧', 'e\u0301', 'x\u200b', '\t',
  '\u001b[1m', '\u001b[2m', '\u001b[22m', '\u001b[3m', '\u001b[4m', '\u001b[7m', '\u001b[27m', '\u001b[31m', '\u001b[36m',
  '\u001b[39m', '\u001b[90m', '\u001b[0m', '\u001b[1;31m', '\u001b[2;7;33m', '\u001b[38;5;208m', '\u001b[48;2;10;20;30m', '\u001b[49m',
  '\u001b[m', '\u001b[;1m', '\u001b[?25h', '\u001b[A', '\u001b', '\u001b[12', 'ÄÖü', '¶3', '· ', '☔', '←', '\u00ad',
  '\n',
];

function randomText(next: () => number): string {
  let text = '';
  const n = 1 + Math.floor(next() * 12);
  for (let i = 0; i < n; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

const TRANSFORMERS: Transformer[] = [(line) => line.toUpperCase(), (line, index) => `${index}:${line}`, (line) => `\u001b[32m${line}\u001b[39m`];

function randomOps(next: () => number, width: number, height: number): Op[] {
  const ops: Op[] = [];
  let clips = 0;
  const n = 1 + Math.floor(next() * 10);
  const maybe = (value: number): number | undefined => (next() < 0.8 ? value : undefined);
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.12) {
      const x1 = Math.floor(next() * width);
      const y1 = Math.floor(next() * height);
      ops.push({kind: 'clip', clip: {x1: maybe(x1), x2: maybe(x1 + Math.floor(next() * width)), y1: maybe(y1), y2: maybe(y1 + Math.floor(next() * height))}});
      clips++;
    } else if (r < 0.18 && clips > 0) {
      ops.push({kind: 'unclip'});
      clips--;
    } else {
      const transformers = next() < 0.15 ? [TRANSFORMERS[Math.floor(next() * TRANSFORMERS.length)]!] : [];
      ops.push({kind: 'write', x: Math.floor(next() * (width + 6)) - 3, y: Math.floor(next() * (height + 4)) - 2, text: next() < 0.05 ? '' : randomText(next), transformers});
    }
  }
  return ops;
}

interface OutputLike {
  write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void;
  clip(clip: Clip): void;
  unclip(): void;
  get(): {output: string; height: number};
}

function compose(output: OutputLike, ops: readonly Op[]): {output: string; height: number} {
  for (const op of ops) {
    if (op.kind === 'write') output.write(op.x, op.y, op.text, {transformers: op.transformers});
    else if (op.kind === 'clip') output.clip(op.clip);
    else output.unclip();
  }
  return output.get();
}

const both = (width: number, height: number, ops: readonly Op[]) => ({
  ours: compose(new Output({width, height}), ops),
  ink: compose(new InkOutput({width, height}) as unknown as OutputLike, ops),
});

describe('Output (our drop-in for Ink 6.8 build/output.js)', () => {
  it('composes the same frame as Ink for 3000 random screens', () => {
    const next = random(20240607);
    let mismatches = 0;
    let first: unknown = null;
    for (let i = 0; i < 3000; i++) {
      const width = 1 + Math.floor(next() * 30);
      const height = 1 + Math.floor(next() * 8);
      const ops = randomOps(next, width, height);
      const {ours, ink} = both(width, height, ops);
      if (ours.output !== ink.output || ours.height !== ink.height) {
        mismatches++;
        first ??= {width, height, ops, ours, ink};
      }
    }
    expect(first).toBeNull();
    expect(mismatches).toBe(0);
  });

  it('composes the same frame as Ink for painted app lines, frame after frame (cached lines reused)', () => {
    const theme = createTheme({color: true});
    const width = 60;
    const lines = (selected: number): string[] =>
      Array.from({length: 12}, (_, i) =>
        paint(theme, [{text: i % 2 ? ' ' : '●', role: 'unread'}, {text: '★ ', role: 'star'}, {text: `Kishida meets 윤석열 in Seoul, story ${i}`, role: i === 3 ? 'match' : 'text'}], width, {
          base: i === selected ? 'selected' : null,
          pad: i === selected,
        }),
      );
    for (let selected = 0; selected < 12; selected++) {
      const ops: Op[] = lines(selected).map((text, y) => ({kind: 'write', x: 1, y, text, transformers: []}));
      const {ours, ink} = both(width + 2, 13, ops);
      expect(ours).toEqual(ink);
      // The selection bar really is in the frame (the comparison is not between two empty strings).
      expect(ours.output).toContain('\u001b[7m');
    }
  });

  it('keeps wide characters whole and blanks the cells they cover, as Ink does', () => {
    const ops: Op[] = [
      {kind: 'write', x: 0, y: 0, text: 'ab日本cd', transformers: []},
      {kind: 'write', x: 3, y: 0, text: '\u001b[31mX\u001b[39m', transformers: []},
    ];
    const {ours, ink} = both(10, 1, ops);
    expect(ours).toEqual(ink);
    expect(ours.output).toBe('ab日\u001b[31mX\u001b[39m本cd');
  });
});

describe("Output's one-pass parse of simple lines", () => {
  it('takes only characters that are a grapheme of their own, whatever their neighbours', () => {
    const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
    let simple = 0;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (!SIMPLE_CHAR.test(ch)) continue;
      simple++;
      expect([c.toString(16), [...segmenter.segment(`a${ch}a${ch}${ch}\u001b`)].length]).toEqual([c.toString(16), 6]);
    }
    expect(simple).toBeGreaterThan(1000);
  });
});

describe('widest-line (our memoised drop-in for the one Ink renders with)', () => {
  it('measures what widest-line measures, first time and from the cache', async () => {
    const {default: widestLine} = await import('widest-line');
    const {default: cached} = await import('../../src/ui/ink/widest-line.js');
    const next = random(7);
    const texts = Array.from({length: 500}, () => randomText(next));
    for (const round of [1, 2]) {
      for (const text of texts) expect([round, text, cached(text)]).toEqual([round, text, widestLine(text)]);
    }
  });
});

describe('measure-text (our bounded drop-in for the one Ink lays out Text with)', () => {
  it("gives Ink's sizes, first time and from the cache", async () => {
    const {default: inkMeasure} = await import('../../node_modules/ink/build/measure-text.js');
    const {default: measure} = await import('../../src/ui/ink/measure-text.js');
    const next = random(11);
    const texts = ['', ...Array.from({length: 500}, () => randomText(next))];
    for (const round of [1, 2]) {
      for (const text of texts) expect([round, text, measure(text)]).toEqual([round, text, inkMeasure(text)]);
    }
  });
});
