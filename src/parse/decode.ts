// Bytes to text, before any parsing: refuses what is not an article (too large, binary, empty)
// and decodes the rest. Pure: Uint8Array in, string or a typed refusal out.
//
// Invalid UTF-8 is NOT refused: scraped and wire copy is often Windows-1252 (curly quotes as 0x93/0x94,
// £ as 0xA3), and every byte sequence decodes in Windows-1252, so the article stays readable. The
// result carries a warning naming the first bad byte, which `briefing parse` prints on stderr.
// A UTF-16 byte-order mark selects UTF-16; a UTF-8 BOM is dropped.
import {MAX_ARTICLE_BYTES, type ParseErrorReason} from '../types.js';
import {objectList} from './entities/segments.js';
import {isBlank} from './normalize.js';

export type Decoded =
  | {ok: true; text: string; warnings: string[]}
  | {ok: false; reason: ParseErrorReason; message: string};

const MB = 1024 * 1024;

export function tooLargeMessage(bytes: number): string {
  return `file too large (${(bytes / MB).toFixed(1)} MB, limit ${MAX_ARTICLE_BYTES / MB} MB)`;
}

/** Index of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Continuation count and the allowed range of the second byte (excludes overlongs and surrogates).
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

// Windows-1252's 0x80-0x9F (Node's TextDecoder decodes the 'windows-1252' label as ISO-8859-1,
// which turns curly quotes into C1 control characters). Unassigned bytes keep their code point.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

const UTF8 = new TextDecoder('utf-8');
const UTF8_STRICT = new TextDecoder('utf-8', {fatal: true});

/** The UTF-8 text (a leading BOM dropped), or null when the bytes are not well-formed UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8_STRICT.decode(bytes);
  } catch {
    return null;
  }
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_ARTICLE_BYTES) return {ok: false, reason: 'too-large', message: tooLargeMessage(bytes.length)};
  const warnings = objectList<string>(); // a list of strings from the start, whether or not one is added
  let text: string;
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
    if (text.includes('\0')) return {ok: false, reason: 'binary', message: `binary file (NUL character in UTF-16 text)`};
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) return {ok: false, reason: 'binary', message: `binary file (NUL byte at offset ${nul})`};
    // the native decoder validates as it decodes (the same rules as firstInvalidUtf8); the byte scan runs
    // only to name the bad byte
    const strict = strictUtf8(bytes);
    const bad = strict === null ? firstInvalidUtf8(bytes) : -1;
    if (strict !== null) text = strict;
    else if (bad < 0) text = UTF8.decode(bytes);
    else {
      text = decodeWindows1252(bytes);
      warnings.push(`not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); decoded as Windows-1252`);
    }
  }
  if (isBlank(text)) return {ok: false, reason: 'empty', message: bytes.length === 0 ? 'empty file' : 'empty file (only whitespace)'};
  return {ok: true, text, warnings};
}
