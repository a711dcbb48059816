// `briefing related ID [PATH...]`: the articles most related to one, with the reason for each.
import type {Command} from '../command.js';
import {CommandError, UsageError, writeLine} from '../io.js';
import {parseOptions, positiveInt} from '../options.js';
import {corpusOptionSpec, corpusUsageTail, loadForCommand} from '../corpus-command.js';
import {articleLine, articleSummary} from '../corpus-render.js';
import {buildLoadedCorpus} from '../load.js';
import type {Article} from '../../types.js';
import type {Corpus} from '../../corpus/types.js';
import {articlesById} from '../../corpus/lookup.js';

/** An article by its id or an unambiguous prefix of it (at least 4 characters). */
export function findArticle(corpus: Corpus, id: string): Article {
  const found = articlesById(corpus, id);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw new CommandError(`article id '${id}' is ambiguous (${found.length} articles start with it)`);
  throw new CommandError(`no article with id '${id}' among the ${corpus.articles.length} loaded`);
}

export const relatedCommand: Command = {
  name: 'related',
  summary: 'list the articles most related to article ID (shared people and countries, similar text)',
  usage: `briefing related ID [PATH...] [--json] [--limit N] ${corpusUsageTail}`,
  async run(args, io) {
    const {values, positionals} = parseOptions(args, {...corpusOptionSpec, limit: {type: 'string'}});
    const [id, ...paths] = positionals;
    if (id === undefined || id.trim() === '') throw new UsageError('related needs an article ID (see `briefing search --json`)');
    const limit = positiveInt('limit', values.limit, 5);
    const loaded = await loadForCommand(paths, values, io);
    const corpus = buildLoadedCorpus(loaded);
    const article = findArticle(corpus, id.trim());
    const related = corpus.related(article.id, limit);
    if (values.json) {
      const out = {
        article: articleSummary(corpus, article),
        related: related.map((r) => ({...articleSummary(corpus, corpus.byId.get(r.id)!), score: r.score, reason: r.reason, sharedPeople: r.sharedPeople, sharedCountries: r.sharedCountries})),
      };
      writeLine(io.stdout, JSON.stringify(out, null, 2));
    } else {
      writeLine(io.stdout, articleLine(article));
      if (related.length === 0) writeLine(io.stdout, '  no related articles');
      for (const r of related) {
        writeLine(io.stdout, `  ${articleLine(corpus.byId.get(r.id)!)}`);
        writeLine(io.stdout, `      ${r.reason}`);
      }
    }
    return loaded.exitCode;
  },
};
