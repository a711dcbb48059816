// A drop-in for Ink 6.8's `build/measure-text.js` (the size of a Text for the layout), swapped in
// by the bundle (scripts/build.mjs): the same answer, but Ink's cache keeps every text it ever
// measured (each line of every article the cursor passed: memory that only grows in a long
// session), where this one keeps the last few thousand, and shares its widths with the renderer.
import cachedWidestLine from './widest-line.js';
import {memo} from '../model.js';

const sizes = memo<{width: number; height: number}>(4096);

export default function measureText(text: string): {width: number; height: number} {
  if (text.length === 0) return {width: 0, height: 0};
  return sizes(text, () => ({width: cachedWidestLine(text), height: text.split('\n').length}));
}
