// The sections of `npm run bench`, in the order they run and print. Add one line per section.
import type {BenchSection} from './types.js';

export const sections: BenchSection[] = [];
