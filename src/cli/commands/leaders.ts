// `briefing leaders [PATH...]`: the people of the corpus with role, country, quote and article counts.
import type {Command} from '../command.js';
import {writeLine} from '../io.js';
import {parseOptions} from '../options.js';
import {corpusOptionSpec, corpusUsageTail, loadForCommand} from '../corpus-command.js';
import {table} from '../corpus-render.js';
import {buildLoadedCorpus} from '../load.js';
import type {CorpusPerson} from '../../corpus/types.js';

/** Most quoted first, then most covered, then by name. */
export function byProminence(a: CorpusPerson, b: CorpusPerson): number {
  return b.quoteCount - a.quoteCount || b.articles.length - a.articles.length || b.mentions - a.mentions || a.name.localeCompare(b.name);
}

export const leadersCommand: Command = {
  name: 'leaders',
  summary: 'list the leaders in the articles with role, country, quote and article counts (--all: everyone)',
  usage: `briefing leaders [PATH...] [--json] [--all] ${corpusUsageTail}`,
  async run(args, io) {
    const {values, positionals} = parseOptions(args, {...corpusOptionSpec, all: {type: 'boolean'}});
    const loaded = await loadForCommand(positionals, values, io);
    const corpus = buildLoadedCorpus(loaded);
    const people = corpus.people.filter((p) => values.all || p.leader).sort(byProminence);
    if (values.json) {
      const out = people.map((p) => ({
        id: p.id, name: p.name, aliases: p.aliases, role: p.role, country: p.country, leader: p.leader,
        quotes: p.quoteCount, articles: p.articles.length, mentions: p.mentions,
      }));
      writeLine(io.stdout, JSON.stringify(out, null, 2));
    } else if (people.length === 0) {
      writeLine(io.stderr, `briefing: no ${values.all ? 'people' : 'leaders'} found in ${corpus.articles.length} articles`);
    } else {
      const rows = [['NAME', 'ROLE', 'COUNTRY', 'QUOTES', 'ARTICLES']];
      for (const p of people) rows.push([p.name, p.role ?? '-', p.country ?? '-', String(p.quoteCount), String(p.articles.length)]);
      for (const line of table(rows)) writeLine(io.stdout, line);
    }
    return loaded.exitCode;
  },
};
