// `briefing search QUERY [PATH...]`: the articles matching a query (free text, typos, field filters).
import type {Command} from '../command.js';
import {CommandError, UsageError, writeLine} from '../io.js';
import {parseOptions, positiveInt} from '../options.js';
import {corpusOptionSpec, corpusUsageTail, loadForCommand} from '../corpus-command.js';
import {articleLine, articleSummary} from '../corpus-render.js';
import {buildLoadedCorpus} from '../load.js';
import {createSearchEngine} from '../../search/index.js';

export const searchCommand: Command = {
  name: 'search',
  summary: 'find articles by leader, country or words, typos included (leader:, country:, section:, "phrase", -word)',
  usage: `briefing search QUERY [PATH...] [--json] [--limit N] ${corpusUsageTail}`,
  async run(args, io) {
    const {values, positionals} = parseOptions(args, {...corpusOptionSpec, limit: {type: 'string'}});
    const [query, ...paths] = positionals;
    if (query === undefined || query.trim() === '') throw new UsageError('search needs a QUERY');
    const limit = positiveInt('limit', values.limit, 20);
    const loaded = await loadForCommand(paths, values, io);
    const corpus = buildLoadedCorpus(loaded);
    const result = createSearchEngine(corpus).search(query, {limit});
    if (!result.ok) throw new CommandError(`bad query '${query}': ${result.error} (at character ${result.at + 1})`);
    if (values.json) {
      const hits = result.hits.map((hit) => {
        const article = corpus.byId.get(hit.id)!;
        return {...articleSummary(corpus, article), score: hit.score, matches: hit.matches};
      });
      writeLine(io.stdout, JSON.stringify({query: result.query, total: result.total, hits}, null, 2));
    } else {
      if (result.hits.length === 0) writeLine(io.stderr, `briefing: no article matches '${query}' (${corpus.articles.length} searched)`);
      for (const hit of result.hits) writeLine(io.stdout, articleLine(corpus.byId.get(hit.id)!));
      if (result.total > result.hits.length) writeLine(io.stderr, `briefing: showing ${result.hits.length} of ${result.total} matches (--limit N for more)`);
    }
    return loaded.exitCode;
  },
};
