// Sentence splitting: sentencex (abbreviation lists: `U.S.`, `Mr.`, `Jan. 5`, decimals) plus two rules
// it lacks, both about quotation marks: a boundary never falls inside a quotation (a quote is kept whole),
// and a sentence that ends inside its closing mark (`...testing.” The minister...`) is split after the mark.
import segment from 'sentencex';

export interface Sentence {
  /** The sentence as written, without surrounding whitespace. */
  text: string;
  /** Offsets into the text given to splitSentences, end exclusive: text === input.slice(start, end). */
  start: number;
  end: number;
}

const OPEN_DOUBLE = '“„«';
const CLOSE_DOUBLE = '”»';
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** For each position i, true when the character at i lies inside a quotation (after its opening mark). */
function quoteDepths(text: string): Uint8Array {
  const inside = new Uint8Array(text.length + 1);
  let curly = 0;
  let single = 0;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // letters, digits and spaces change nothing: only the marks below are looked at
    if (code === 34 || code === 0xab || code === 0xbb || (code >= 0x2018 && code <= 0x201e)) {
      const c = text[i]!;
      if (OPEN_DOUBLE.includes(c)) curly++;
      else if (CLOSE_DOUBLE.includes(c)) curly = Math.max(0, curly - 1);
      else if (c === '"') straight = !straight;
      else if (c === '‘' && !WORD.test(text[i - 1] ?? ' ')) single++;
      // ’ is also the apostrophe (Pyongyang’s): it closes only an open ‘ and only before a non-letter.
      else if (c === '’' && single > 0 && !WORD.test(text[i + 1] ?? ' ')) single--;
    }
    inside[i + 1] = curly > 0 || straight || single > 0 ? 1 : 0;
  }
  return inside;
}

const CLOSERS = '”’"»)]';
/** `.”`, `?’`, `!"` followed by whitespace and what can start a sentence. */
const AFTER_CLOSING_MARK = /[.!?…]["”’»]+(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;

/** Splits one paragraph (or any run of text) into sentences. Never splits inside a quotation. */
export function splitSentences(text: string): Sentence[] {
  if (!text.trim()) return [];
  const candidates = new Set<number>();
  let cursor = 0;
  for (const piece of segment('en', text)) {
    const at = text.indexOf(piece, cursor);
    if (at < 0) continue;
    cursor = at + piece.length;
    candidates.add(cursor);
  }
  for (const m of text.matchAll(AFTER_CLOSING_MARK)) candidates.add(m.index + m[0].length);

  const inside = quoteDepths(text);
  const cuts: number[] = [];
  for (let b of [...candidates].sort((x, y) => x - y)) {
    // A closing mark right after the boundary belongs to the sentence it closes.
    while (b < text.length && CLOSERS.includes(text[b]!) && inside[b]) b++;
    if (b >= text.length) continue;
    // A boundary needs whitespace after it (`(EFE).- Japanese` is one sentence) and no open quotation.
    if (!SPACE.test(text[b]!) || inside[b]) continue;
    if (cuts[cuts.length - 1] !== b) cuts.push(b);
  }
  cuts.push(text.length);

  const out: Sentence[] = [];
  let from = 0;
  for (const to of cuts) {
    let s = from;
    let e = to;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) out.push({text: text.slice(s, e), start: s, end: e});
    from = to;
  }
  return out;
}
