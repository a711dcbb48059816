// PLACEHOLDER until the TUI lands (issue 5): prints the plain listing. Replaced wholesale.
import type {Command} from '../command.js';
import {collectFiles} from '../files.js';
import {writeLine} from '../io.js';
import {readArticleFile} from './parse.js';
import {analyzeBytes} from '../../corpus/analyze.js';
import {isParseError} from '../../types.js';

export const openCommand: Command = {
  name: '',
  summary: 'open the reader on PATHs (default: the bundled data/)',
  usage: 'briefing [PATH...]',
  async run(args, io) {
    const {files, problems} = collectFiles(args.length ? args : ['data']);
    for (const p of problems) writeLine(io.stderr, `briefing: ${p}`);
    for (const file of files) {
      const bytes = readArticleFile(file);
      if (typeof bytes === 'string') continue;
      const a = analyzeBytes(bytes, {source: file});
      if (!isParseError(a)) writeLine(io.stdout, `${a.headline}`);
    }
    return 0;
  },
};
