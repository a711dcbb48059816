// A drop-in for Ink 6.8's `build/output.js` (the "virtual screen" every frame is composed on),
// swapped in by the bundle (scripts/build.mjs). Same class shape, same output byte for byte
// (test/ui/ink-output.test.ts compares the two), but per frame it does O(cells) array stores
// instead of Ink's O(cells) object allocations:
// - Ink builds a fresh `{type, value, fullWidth, styles: []}` per cell of the screen, re-tokenizes
//   every line written and re-measures every grapheme (its caches live for one frame), then joins
//   cells with `diffAnsiCodes`, which allocates three Sets and several arrays per cell. At 120x40
//   that is ~10 MB of garbage per frame: a scavenge per key press, 2-8 ms each.
// - Here a line is parsed once into parallel arrays (grapheme, columns, style id) kept in a
//   bounded cache across frames (most lines of a frame are the previous frame's); styles are
//   interned, so the SGR text between two cells is a lookup of the same `diffAnsiCodes` result.
// Its imports resolve from Ink's own folder in the bundle, so widths and codes are Ink's.
import {ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize, type AnsiCode} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {memo} from '../model.js';

type Transformer = (line: string, index: number) => string;

interface Clip {
  x1: number | undefined;
  x2: number | undefined;
  y1: number | undefined;
  y2: number | undefined;
}

type Operation =
  | {type: 'write'; x: number; y: number; text: string; transformers: readonly Transformer[]}
  | {type: 'clip'; clip: Clip}
  | {type: 'unclip'};

/** A line of text as cells: each grapheme, the columns it takes (at least 1) and its style id. */
interface Cells {
  values: string[];
  widths: number[];
  styles: number[];
}

/** Lines kept parsed across frames: a screen's worth many times over, bounded. */
const LINE_CACHE = 4096;
const WIDTH_CACHE = 8192;

/** Interned styles: id -> the reduced codes (as ansi-tokenize reduces them); 0 is unstyled. Kept
 *  for the process: the app draws a few dozen (its theme's roles and their combinations). */
const styleCodes: AnsiCode[][] = [[]];
const styleIds = new Map<string, number>([['', 0]]);
/** SGR text: turning a style on at a row's start, between two styles, and off at a row's end. */
const opens: string[] = [];
const closes: string[] = [];
const diffs: Array<Array<string | undefined>> = [];

function styleId(codes: AnsiCode[]): number {
  if (codes.length === 0) return 0;
  let key = '';
  for (const c of codes) key += c.code + '\u0000' + c.endCode + '\u0001';
  let id = styleIds.get(key);
  if (id === undefined) {
    id = styleCodes.length;
    styleCodes.push(codes);
    styleIds.set(key, id);
  }
  return id;
}

const open = (id: number): string => (opens[id] ??= ansiCodesToString(styleCodes[id]!));
const close = (id: number): string => (closes[id] ??= ansiCodesToString(diffAnsiCodes(styleCodes[id]!, [])));
function between(from: number, to: number): string {
  const row = (diffs[from] ??= []);
  return (row[to] ??= ansiCodesToString(diffAnsiCodes(styleCodes[from]!, styleCodes[to]!)));
}

const widths = memo<number>(WIDTH_CACHE);
const widthOf = (text: string): number => widths(text, () => stringWidth(text));

const widestLines = memo<number>(WIDTH_CACHE);
const widestLine = (text: string): number =>
  widestLines(text, () => {
    let widest = 0;
    for (const line of text.split('\n')) widest = Math.max(widest, widthOf(line));
    return widest;
  });

const parsed = memo<Cells>(LINE_CACHE);

function parse(line: string): Cells {
  const fast = parseSimple(line);
  if (fast) return fast;
  const chars = styledCharsFromTokens(tokenize(line));
  const cells: Cells = {values: new Array<string>(chars.length), widths: new Array<number>(chars.length), styles: new Array<number>(chars.length)};
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    cells.values[i] = c.value;
    cells.widths[i] = Math.max(1, widthOf(c.value));
    cells.styles[i] = styleId(c.styles);
  }
  return cells;
}

/** Characters that are always a grapheme of their own (never extended by, nor extending, a
 *  neighbour: no marks, joiners, controls, surrogates or Hangul jamo): ASCII, Latin, general
 *  punctuation, box drawing, geometric shapes, miscellaneous symbols. What the app's lines are
 *  made of. (test/ui/ink-output.test.ts checks every one against Intl.Segmenter.) */
export const SIMPLE_CHAR = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u26ff]$/;
const simple = new Uint8Array(0x2700);
for (let c = 0; c < simple.length; c++) simple[c] = SIMPLE_CHAR.test(String.fromCharCode(c)) ? 1 : 0;

/** The style after an SGR sequence, from a style: what ansi-tokenize's reduction gives, memoised. */
const transitions = new Map<string, number>();
function afterSgr(from: number, sequence: string): number {
  const key = `${from}\u0000${sequence}`;
  let to = transitions.get(key);
  if (to === undefined) {
    const codes = tokenize(sequence).filter((t): t is AnsiCode => t.type === 'ansi');
    to = styleId(reduceAnsiCodesIncremental(styleCodes[from]!, codes));
    transitions.set(key, to);
  }
  return to;
}

/** A line made only of simple characters and SGR sequences (`ESC [ digits;... m`), parsed in one
 *  pass without a token object per character; null for anything else (the general path then). */
function parseSimple(line: string): Cells | null {
  const cells: Cells = {values: [], widths: [], styles: []};
  let style = 0;
  for (let i = 0; i < line.length; ) {
    const c = line.charCodeAt(i);
    if (c === 0x1b) {
      if (line.charCodeAt(i + 1) !== 0x5b) return null;
      let end = i + 2;
      for (let d = line.charCodeAt(end); (d >= 0x30 && d <= 0x39) || d === 0x3b; d = line.charCodeAt(++end));
      if (line.charCodeAt(end) !== 0x6d) return null;
      style = afterSgr(style, line.slice(i, end + 1));
      i = end + 1;
      continue;
    }
    if (c >= simple.length || simple[c] === 0) return null;
    const value = line[i]!;
    cells.values.push(value);
    cells.widths.push(Math.max(1, widthOf(value)));
    cells.styles.push(style);
    i++;
  }
  return cells;
}

const cellsOf = (line: string): Cells => parsed(line, () => parse(line));

export default class Output {
  width: number;
  height: number;
  private readonly operations: Operation[] = [];

  constructor(options: {width: number; height: number}) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: {transformers: readonly Transformer[]}): void {
    if (!text) return;
    this.operations.push({type: 'write', x, y, text, transformers: options.transformers});
  }

  clip(clip: Clip): void {
    this.operations.push({type: 'clip', clip});
  }

  unclip(): void {
    this.operations.push({type: 'unclip'});
  }

  get(): {output: string; height: number} {
    // Rows of cells as two parallel arrays (grapheme, style id); like Ink's, they may grow past
    // the width (text wider than its box) and get holes, which are skipped.
    const values: string[][] = [];
    const styles: number[][] = [];
    for (let y = 0; y < this.height; y++) {
      const rowValues: string[] = [];
      const rowStyles: number[] = [];
      for (let x = 0; x < this.width; x++) {
        rowValues.push(' ');
        rowStyles.push(0);
      }
      values.push(rowValues);
      styles.push(rowStyles);
    }
    const clips: Clip[] = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      if (operation.type === 'unclip') clips.pop();
      if (operation.type !== 'write') continue;
      const {text, transformers} = operation;
      let {x, y} = operation;
      let lines = text.split('\n');
      const clip = clips.at(-1);
      if (clip) {
        const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
        const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
        if (clipHorizontally && (x + widestLine(text) < clip.x1! || x > clip.x2!)) continue;
        if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) continue;
        if (clipHorizontally) {
          lines = lines.map((line) => {
            const from = x < clip.x1! ? clip.x1! - x : 0;
            const width = widthOf(line);
            const to = x + width > clip.x2! ? clip.x2! - x : width;
            return sliceAnsi(line, from, to);
          });
          if (x < clip.x1!) x = clip.x1!;
        }
        if (clipVertically) {
          const from = y < clip.y1! ? clip.y1! - y : 0;
          const height = lines.length;
          const to = y + height > clip.y2! ? clip.y2! - y : height;
          lines = lines.slice(from, to);
          if (y < clip.y1!) y = clip.y1!;
        }
      }
      let offsetY = 0;
      for (let index = 0; index < lines.length; index++) {
        const rowValues = values[y + offsetY];
        const rowStyles = styles[y + offsetY];
        // A line below the screen (text taller than the box) is dropped, as Ink does.
        if (!rowValues || !rowStyles) continue;
        let line = lines[index]!;
        for (const transformer of transformers) line = transformer(line, index);
        const cells = cellsOf(line);
        let offsetX = x;
        for (let i = 0; i < cells.values.length; i++) {
          const w = cells.widths[i]!;
          const s = cells.styles[i]!;
          rowValues[offsetX] = cells.values[i]!;
          rowStyles[offsetX] = s;
          // A wide character covers the next cells: blank them in its style.
          for (let k = 1; k < w; k++) {
            rowValues[offsetX + k] = '';
            rowStyles[offsetX + k] = s;
          }
          offsetX += w;
        }
        offsetY++;
      }
    }
    const rows = new Array<string>(values.length);
    for (let y = 0; y < values.length; y++) {
      const rowValues = values[y]!;
      const rowStyles = styles[y]!;
      let out = '';
      let previous = -1;
      for (let i = 0; i < rowValues.length; i++) {
        const value = rowValues[i];
        if (value === undefined) continue;
        const s = rowStyles[i]!;
        out += (previous < 0 ? open(s) : between(previous, s)) + value;
        previous = s;
      }
      if (previous >= 0) out += close(previous);
      rows[y] = out.trimEnd();
    }
    return {output: rows.join('\n'), height: values.length};
  }
}
