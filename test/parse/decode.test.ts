import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {decodeBytes, firstInvalidUtf8} from '../../src/parse/decode.js';
import {parseArticleBytes} from '../../src/parse/index.js';
import {isBlank, normalizeLines, toBlocks} from '../../src/parse/normalize.js';
import {MAX_ARTICLE_BYTES, isParseError} from '../../src/types.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const article = 'Kicker\n\nA headline here\n\nBody text of the story, with “curly” and "straight" quotes.\n';

describe('decode', () => {
  it('decodes UTF-8 and drops a UTF-8 BOM', () => {
    const d = decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Hé')]));
    expect(d).toEqual({ok: true, text: 'Hé', warnings: []});
  });

  it('refuses NUL bytes as binary, naming the offset', () => {
    const d = decodeBytes(Uint8Array.from([0x41, 0x42, 0x00, 0x43]));
    expect(d).toMatchObject({ok: false, reason: 'binary', message: 'binary file (NUL byte at offset 2)'});
  });

  it('decodes invalid UTF-8 as Windows-1252 with a warning', () => {
    // 0x93/0x94 are curly quotes and 0xA3 is £ in Windows-1252.
    const d = decodeBytes(Uint8Array.from([0x93, 0x48, 0x69, 0x94, 0x20, 0xa3, 0x35]));
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.text).toBe('“Hi” £5');
    expect(d.warnings).toEqual(['not valid UTF-8 (byte 0x93 at offset 0); decoded as Windows-1252']);
  });

  it('finds the first invalid UTF-8 byte (truncated, overlong, surrogate, stray continuation)', () => {
    expect(firstInvalidUtf8(utf8('plain ascii and ‘curly’ 한국어 😀'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xe2, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0x42, 0x80]))).toBe(2);
  });

  it('refuses empty and whitespace-only input', () => {
    expect(decodeBytes(new Uint8Array(0))).toMatchObject({ok: false, reason: 'empty', message: 'empty file'});
    expect(decodeBytes(utf8(' \r\n\t\u00a0\u200b\n'))).toMatchObject({ok: false, reason: 'empty', message: 'empty file (only whitespace)'});
  });

  it('refuses more than MAX_ARTICLE_BYTES', () => {
    const d = decodeBytes(new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x41));
    expect(d).toMatchObject({ok: false, reason: 'too-large'});
    if (!d.ok) expect(d.message).toMatch(/^file too large \(5\.0 MB, limit 5 MB\)$/);
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const le = Uint8Array.from([0xff, 0xfe, ...[...'Hi'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeBytes(le)).toEqual({ok: true, text: 'Hi', warnings: []});
  });

  it('parseArticleBytes carries decode warnings and errors into the result', () => {
    const cp1252 = Uint8Array.from([...utf8('Kicker\n\nHeadline\n\n'), 0x93, ...utf8('Quoted'), 0x94, ...utf8(' he said.\n')]);
    const a = parseArticleBytes(cp1252, {source: 'x.txt'});
    expect(isParseError(a)).toBe(false);
    if (isParseError(a)) return;
    expect(a.paragraphs).toEqual(['“Quoted” he said.']);
    expect(a.warnings[0]).toMatch(/decoded as Windows-1252/);
    expect(parseArticleBytes(Uint8Array.from([0]), {source: 'bin.txt'})).toMatchObject({kind: 'parse-error', source: 'bin.txt', reason: 'binary'});
    expect(isParseError(parseArticleBytes(utf8(article), {source: 'ok.txt'}))).toBe(false);
  });
});

describe('normalize', () => {
  it('ends lines at CRLF, CR and LF, and drops trailing spaces', () => {
    expect(normalizeLines('a  \r\nb\rc\n  d \t').map((l) => l.text)).toEqual(['a', 'b', 'c', '  d']);
  });

  it('turns NBSP and odd Unicode spaces into spaces and drops zero-width characters and BOMs', () => {
    const [line] = normalizeLines('\ufeffSeoul\u00a0and\u2009Tokyo\u200b\u3000met\u202f.');
    expect(line!.text).toBe('Seoul and Tokyo met .');
  });

  it('keeps curly and straight quotes as written', () => {
    expect(normalizeLines('“a” ‘b’ "c" \'d\'')[0]!.text).toBe('“a” ‘b’ "c" \'d\'');
  });

  // normalizeLines jumps from one special character to the next; it must do what this character-by-character reading does
  it('normalises as a reading of one character at a time does, on any text', () => {
    const DROPPED = /[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u180e\u200b-\u200d\u2060\ufeff]/;
    const SPACE = /[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
    const reference = (input: string): Array<{text: string; offsets: number[]}> => {
      const lines: Array<{text: string; offsets: number[]}> = [];
      let text = '';
      let offsets: number[] = [];
      const end = (): void => {
        while (text.endsWith(' ')) { text = text.slice(0, -1); offsets.pop(); }
        lines.push({text, offsets});
        text = '';
        offsets = [];
      };
      for (let i = 0; i < input.length; i++) {
        const c = input.charCodeAt(i);
        if (c === 13) { if (input.charCodeAt(i + 1) !== 10) end(); continue; }
        if ([10, 11, 12, 0x85, 0x2028, 0x2029].includes(c)) { end(); continue; }
        if (DROPPED.test(input[i]!)) continue;
        text += SPACE.test(input[i]!) ? ' ' : input[i]!;
        offsets.push(i);
      }
      end();
      return lines;
    };
    const piece = fc.constantFrom('a', 'Zé', ' ', '  ', '\t', '\r', '\n', '\r\n', '\v', '\f', '\u0085', '\u2028', '\u00a0', '\u00ad', '\u200b',
      '\u2009', '\u3000', '\ufeff', '\u0001', '\u007f', '\u009f', '“', '😀', '\ud800');
    fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string({unit: 'binary', maxLength: 8})), {maxLength: 40}), (parts) => {
      const input = parts.join('');
      expect(normalizeLines(input).map((l) => ({text: l.text, offsets: [...l.offsets]}))).toEqual(reference(input));
    }), {numRuns: 1000});
  });

  it('maps every character back to the original input', () => {
    const input = '\ufeffHead\u00a0line\r\n\r\nBody\u200b text';
    const lines = normalizeLines(input);
    for (const line of lines) {
      [...line.text].forEach((c, i) => {
        const original = input[line.offsets[i]!]!;
        expect(c === ' ' ? /\s/.test(original) : original === c).toBe(true);
      });
    }
    expect(lines.map((l) => l.text)).toEqual(['Head line', '', 'Body text']);
  });

  it('groups lines into blocks at blank and space-only lines', () => {
    const blocks = toBlocks(normalizeLines('a\nb\n   \nc\n\n\nd'));
    expect(blocks.map((b) => b.map((l) => l.text))).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('isBlank sees through odd spaces and zero-width characters', () => {
    expect(isBlank('\u00a0\u200b\r\n\u3000')).toBe(true);
    expect(isBlank('\u00a0x')).toBe(false);
  });
});

describe('native UTF-8 validation agrees with the byte scan', () => {
  it('a warning (Windows-1252 fallback) exactly when firstInvalidUtf8 finds a bad byte', () => {
    const byte = fc.oneof(fc.integer({min: 1, max: 0x7f}), fc.integer({min: 0x80, max: 0xff}), fc.constantFrom(0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xa0, 0x9f, 0x8f, 0x90, 0xbf));
    fc.assert(fc.property(fc.array(byte, {minLength: 1, maxLength: 24}), (arr) => {
      const bytes = Uint8Array.from([0x41, ...arr]);
      const d = decodeBytes(bytes);
      if (!d.ok) return;
      expect(d.warnings.length > 0).toBe(firstInvalidUtf8(bytes) >= 0);
      if (firstInvalidUtf8(bytes) < 0) expect(d.text).toBe(new TextDecoder('utf-8').decode(bytes));
    }), {numRuns: 3000});
  });
});
