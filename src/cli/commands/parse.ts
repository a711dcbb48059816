// `briefing parse FILE|DIR... [--json]`: one Article per readable file, in argument order.
import fs from 'node:fs';
import type {Command} from '../command.js';
import {collectFiles} from '../files.js';
import {UsageError, writeLine} from '../io.js';
import {parseOptions} from '../options.js';
import {analyzeBytes} from '../../corpus/analyze.js';
import {renderArticleText} from '../render-text.js';
import {isParseError, MAX_ARTICLE_BYTES, type Article} from '../../types.js';

/** Reads one file, refusing oversize files before reading them. Returns the bytes or a one-line error. */
export function readArticleFile(file: string): Uint8Array | string {
  // One open, one fstat, one read (a cold load reads every file: a stat by path before readFileSync's own open, fstat
  // and reads costs more per file).
  let fd = -1;
  try {
    // Non-blocking: a FIFO given by mistake must be refused below, not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return `${file}: not a regular file`;
    if (stat.size > MAX_ARTICLE_BYTES) return `${file}: file too large (${(stat.size / 1048576).toFixed(1)} MB, limit ${MAX_ARTICLE_BYTES / 1048576} MB)`;
    const bytes = Buffer.allocUnsafe(stat.size);
    let n = 0;
    for (let got = -1; n < bytes.length && got !== 0; n += got) got = fs.readSync(fd, bytes, n, bytes.length - n, n);
    return n === bytes.length ? bytes : bytes.subarray(0, n);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EISDIR' ? `${file}: not a regular file` : `${file}: cannot read (${code ?? (error as Error).message})`;
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

export const parseCommand: Command = {
  name: 'parse',
  summary: 'parse articles and print their structure (plain text, or JSON with --json)',
  usage: 'briefing parse FILE|DIR... [--json]',
  async run(args, io) {
    const {values, positionals} = parseOptions(args, {json: {type: 'boolean'}});
    if (positionals.length === 0) throw new UsageError('parse needs at least one FILE or DIR');
    const {files, problems} = collectFiles(positionals);
    for (const problem of problems) writeLine(io.stderr, `briefing: ${problem}`);
    const articles: Article[] = [];
    let failed = 0;
    for (const file of files) {
      const bytes = readArticleFile(file);
      if (typeof bytes === 'string') {
        writeLine(io.stderr, `briefing: ${bytes}`);
        failed++;
        continue;
      }
      const result = analyzeBytes(bytes, {source: file});
      if (isParseError(result)) {
        writeLine(io.stderr, `briefing: ${result.source}: ${result.message}`);
        failed++;
        continue;
      }
      for (const warning of result.warnings) writeLine(io.stderr, `briefing: ${file}: ${warning}`);
      articles.push(result);
    }
    if (values.json) writeLine(io.stdout, JSON.stringify(articles, null, 2));
    else for (const article of articles) writeLine(io.stdout, renderArticleText(article));
    return problems.length > 0 ? 2 : failed > 0 ? 1 : 0;
  },
};
