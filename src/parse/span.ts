// A piece of normalised text with, for every character, its index in the ORIGINAL input.
// Every structure extractor works on spans so that the entity layer can report offsets into
// exactly what the user gave us (ArticleText.paragraphOffsets / headlineOffsets).

export interface Span {
  readonly text: string;
  /** offsets[i] is the index in the original input of text[i]; offsets.length === text.length.
   *  Views may share one buffer with other spans: never written after creation. */
  readonly offsets: Int32Array;
}

export const EMPTY_SPAN: Span = {text: '', offsets: new Int32Array(0)};

export function sliceSpan(s: Span, start: number, end: number = s.text.length): Span {
  return {text: s.text.slice(start, end), offsets: s.offsets.subarray(start, end)};
}

/**
 * The same text as a string of its own. A slice of the input is a view into it, and every character read from a
 * view goes through it (the tokenizer alone runs ~25% slower on views than on strings of their own); a view also
 * keeps the whole input alive. A two-part join makes a flat copy (a concatenation would make another view).
 */
export function ownString(s: string): string {
  return s.length < 2 ? s : [s.slice(0, 1), s.slice(1)].join('');
}

/** Strips leading and trailing spaces. */
export function trimSpan(s: Span): Span {
  let start = 0;
  let end = s.text.length;
  while (start < end && s.text.charCodeAt(start) === 32) start++;
  while (end > start && s.text.charCodeAt(end - 1) === 32) end--;
  return start === 0 && end === s.text.length ? s : sliceSpan(s, start, end);
}

/** Joins spans with `sep`; the separator's characters map to the input character just after the
 *  end of the part before it (the line break that the separator replaces). */
export function joinSpans(parts: readonly Span[], sep: string): Span {
  const nonEmpty: Span[] = [];
  const seps: string[] = [];
  for (const p of parts) {
    if (p.text.length === 0) continue;
    seps.push(nonEmpty.length > 0 ? sep : '');
    nonEmpty.push(p);
  }
  return nonEmpty.length === 1 ? nonEmpty[0]! : joinSpansWith(nonEmpty, seps);
}

/** Joins non-empty spans, `seps[i]` before parts[i] (seps[0] is ''); as joinSpans, a separator's characters map
 *  to the input character just after the end of the part before it. */
export function joinSpansWith(parts: readonly Span[], seps: readonly string[]): Span {
  let length = 0;
  for (let i = 0; i < parts.length; i++) length += seps[i]!.length + parts[i]!.text.length;
  const offsets = new Int32Array(length);
  // one join at the end: a flat string, not a concatenation per part
  const texts: string[] = [];
  let n = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const sep = seps[i]!;
    if (sep.length > 0) {
      const prev = parts[i - 1]!;
      offsets.fill(prev.offsets[prev.offsets.length - 1]! + 1, n, n + sep.length);
      n += sep.length;
      texts.push(sep);
    }
    offsets.set(part.offsets, n);
    n += part.offsets.length;
    texts.push(part.text);
  }
  return {text: texts.join(''), offsets};
}

/** A line trimmed, each run of spaces as one (the text alone, without offsets). */
export function squeezeSpaces(line: string): string {
  const t = line.trim();
  // most lines have no double space: no regex replace for them
  return t.includes('  ') ? t.replace(/ {2,}/g, ' ') : t;
}

/** Collapses every run of spaces to one space and trims the ends. */
export function collapseSpaces(s: Span): Span {
  const t = trimSpan(s);
  if (!t.text.includes('  ')) return t;
  // copy runs between the dropped spaces (a space right after a kept space is dropped)
  const src = t.text;
  const offsets = new Int32Array(src.length);
  let text = '';
  let run = 0;
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    if (src.charCodeAt(i) === 32 && i > 0 && src.charCodeAt(i - 1) === 32) {
      if (run < i) text += src.slice(run, i);
      run = i + 1;
      continue;
    }
    offsets[n++] = t.offsets[i]!;
  }
  if (run < src.length) text += src.slice(run);
  return {text, offsets: offsets.subarray(0, n)};
}

/** Each span collapsed (collapseSpaces), in a packed array (a loop, not `.map`: an optimised `.map` returns a
 *  holey array). */
export function collapseEach(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) out.push(collapseSpaces(s));
  return out;
}

const hasCode = (set: string, c: number): boolean => {
  for (let k = 0; k < set.length; k++) if (set.charCodeAt(k) === c) return true;
  return false;
};

/** `/[marks][closers]?$/.test(text)` by code unit (no regex to scan the text from every position): one of
 *  `marks` at the end, or just before one of `closers` there. `marks` and `closers` share no character. */
export function endsWithMark(text: string, marks: string, closers: string): boolean {
  let i = text.length - 1;
  if (i >= 0 && hasCode(closers, text.charCodeAt(i))) i--;
  return i >= 0 && hasCode(marks, text.charCodeAt(i));
}
