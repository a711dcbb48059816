// `briefing [PATH...]`: the full-screen reader over the articles (default: the package's data/).
// Not a terminal (piped, CI): the plain briefing listing instead. A terminal without raw mode:
// one line saying so.
import path from 'node:path';
import type {Command} from '../command.js';
import {CommandError, writeLine} from '../io.js';
import {parseOptions} from '../options.js';
import {corpusOptionSpec, corpusUsageTail, loadForCommand, packageDataDir} from '../corpus-command.js';
import {resolveCacheDir} from '../cache.js';
import {buildLoadedCorpus, loadArticles} from '../load.js';
import {openReadingStore, flushOnExit, StateError} from '../state/index.js';
import {plainBriefing} from '../tui-plain.js';
import {runTui} from '../tui.js';
import {createSearchEngine} from '../../search/index.js';
import {colorWanted, createTheme} from '../../ui/theme.js';

export const openCommand: Command = {
  name: '',
  summary: 'open the reader on PATHs (default: the bundled data/)',
  usage: `briefing [PATH...] [--state-dir DIR] ${corpusUsageTail}`,
  async run(args, io) {
    const {values, positionals} = parseOptions(args, {...corpusOptionSpec, 'state-dir': {type: 'string'}});
    if (!io.stdout.isTTY) {
      const loaded = await loadForCommand(positionals, values, io);
      writeLine(io.stdout, plainBriefing(buildLoadedCorpus(loaded)));
      return loaded.exitCode;
    }
    if (!io.stdin.isTTY || typeof io.stdin.setRawMode !== 'function') {
      throw new CommandError('the reader needs keyboard input from a terminal (stdin is not a TTY); pipe the output for a plain listing: briefing PATH | cat');
    }
    let store;
    try {
      store = openReadingStore({stateDir: values['state-dir'], env: io.env, stderr: null});
    } catch (error) {
      if (error instanceof StateError) throw new CommandError(error.message);
      throw error;
    }
    const unregister = flushOnExit(store, io.stderr);
    const paths = positionals.length ? positionals.map((p) => path.resolve(io.cwd, p)) : [packageDataDir()];
    const cacheDir = resolveCacheDir({cacheDir: values['cache-dir'], noCache: values['no-cache'], env: io.env, cwd: io.cwd});
    let problems: string[] = [];
    const {quitEarly} = await runTui({
      io,
      store,
      theme: createTheme({color: colorWanted(io.env)}),
      async load(onProgress) {
        const result = await loadArticles(paths, {cacheDir, onProgress});
        problems = result.problems;
        const corpus = buildLoadedCorpus(result);
        const failures = [...result.problems.map((p) => ({source: p.split(':')[0] ?? p, message: p})), ...result.failures];
        return {corpus, engine: createSearchEngine(corpus), failures};
      },
    });
    unregister();
    // After the screen is restored: what the user should still see.
    for (const p of problems) writeLine(io.stderr, `briefing: ${p}`);
    for (const w of store.warnings) writeLine(io.stderr, `briefing: ${w}`);
    if (quitEarly) process.exit(0); // loading workers would keep the process alive
    return 0;
  },
};
