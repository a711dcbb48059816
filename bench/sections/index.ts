// The sections of `npm run bench`, in the order they run and print. Add one line per section.
import type {BenchSection} from './types.js';
import {loadSection, parseSection} from './load.js';
import {searchSection} from './search.js';
import {relatedSection} from './related.js';
import {renderSection} from './render.js';
import {memorySection} from './memory.js';
import {stateSection} from './state.js';

export const sections: BenchSection[] = [parseSection, loadSection, searchSection, relatedSection, memorySection, renderSection, stateSection];
