// A drop-in for the `widest-line` that Ink 6.8's renderNodeToOutput calls on every <Text> of
// every frame (to decide whether to wrap it), swapped in by the bundle (scripts/build.mjs): the
// same function with a bounded memo. Uncached it measured each of the ~40 lines of a frame
// grapheme by grapheme again on every key: ~1 MB of garbage and ~3 ms per frame at 120x40.
import widestLine from 'widest-line';
import {memo} from '../model.js';

/** Lines kept: a screen's worth many times over. */
const widths = memo<number>(4096);

export default function cachedWidestLine(text: string): number {
  return widths(text, () => widestLine(text));
}
