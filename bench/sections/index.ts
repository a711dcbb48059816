// The sections of `npm run bench`, in the order they run and print. Add one line per section.
import type {BenchSection} from './types.js';
import {loadSection, parseSection} from './load.js';

export const sections: BenchSection[] = [parseSection, loadSection];
