// A compact byte format for what a corpus derives from its articles (merged people, the search vocabulary), so a
// cache can keep it between runs: a JSON header line (magic, the articles' fingerprint, plain data, the arrays'
// types and lengths), then the typed arrays, each at an offset aligned for its type. Unpacking checks everything it
// can cheaply (magic, fingerprint, lengths) and gives null on any doubt, never throws: the caller rebuilds. Pure.

export type PackedArray = Int32Array | Uint16Array | Uint8Array | Float32Array;

const TYPES = {i32: Int32Array, u16: Uint16Array, u8: Uint8Array, f32: Float32Array} as const;
type TypeName = keyof typeof TYPES;

function typeName(a: PackedArray): TypeName {
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Float32Array) return 'f32';
  return 'u8';
}

interface Header {
  magic: string;
  fingerprint: string;
  data: unknown;
  arrays: Array<[TypeName, number]>;
}

const pad4 = (k: number): number => (4 - (k % 4)) % 4;

/** `data` (JSON) and `arrays` as bytes, tagged with `magic` (the format) and `fingerprint` (the articles). */
export function pack(magic: string, fingerprint: string, data: unknown, arrays: readonly PackedArray[]): Uint8Array {
  const header: Header = {magic, fingerprint, data, arrays: arrays.map((a) => [typeName(a), a.length])};
  const head = new TextEncoder().encode(JSON.stringify(header) + '\n');
  let size = head.length + pad4(head.length);
  for (const a of arrays) size += a.byteLength + pad4(a.byteLength);
  const out = new Uint8Array(size);
  out.set(head, 0);
  let at = head.length + pad4(head.length);
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength + pad4(a.byteLength);
  }
  return out;
}

export interface Unpacked {
  data: unknown;
  arrays: PackedArray[];
}

/** The inverse of pack, or null when the bytes are not of this format (`magic`), were made for other articles
 *  (`fingerprint`) or are cut short. The arrays are views of `bytes` when aligned (copies otherwise). */
export function unpack(bytes: Uint8Array, magic: string, fingerprint: string): Unpacked | null {
  try {
    const nl = bytes.indexOf(10);
    if (nl < 0) return null;
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, nl))) as Partial<Header> | null;
    if (!header || header.magic !== magic || header.fingerprint !== fingerprint || !Array.isArray(header.arrays)) return null;
    let at = nl + 1 + pad4(nl + 1);
    const arrays: PackedArray[] = [];
    for (const spec of header.arrays) {
      if (!Array.isArray(spec) || !Object.hasOwn(TYPES, spec[0]) || !Number.isInteger(spec[1]) || spec[1] < 0) return null;
      const Type = TYPES[spec[0] as TypeName];
      const length = spec[1] as number;
      const byteLength = length * Type.BYTES_PER_ELEMENT;
      if (at + byteLength > bytes.length) return null;
      const offset = bytes.byteOffset + at;
      arrays.push(
        offset % Type.BYTES_PER_ELEMENT === 0
          ? new Type(bytes.buffer as ArrayBuffer, offset, length)
          : new Type(bytes.slice(at, at + byteLength).buffer, 0, length),
      );
      at += byteLength + pad4(byteLength);
    }
    return at === bytes.length ? {data: header.data, arrays} : null;
  } catch {
    return null;
  }
}

/** Whether `a` is a list of offsets into `length` entries for `count` items: count + 1 values from 0 to length,
 *  never decreasing. */
export function isOffsets(a: PackedArray | undefined, count: number, length: number): a is Int32Array {
  if (!(a instanceof Int32Array) || a.length !== count + 1 || a[0] !== 0 || a[count] !== length) return false;
  for (let i = 0; i < count; i++) if (a[i + 1]! < a[i]!) return false;
  return true;
}

/** Whether every value of `a` lies in [min, max). */
export function inRange(a: PackedArray | undefined, min: number, max: number): boolean {
  if (!a) return false;
  for (let i = 0; i < a.length; i++) if (!(a[i]! >= min && a[i]! < max)) return false;
  return true;
}
