// `briefing quotes [PATH...] [--leader NAME]`: every quote, grouped by who said it.
import type {Command} from '../command.js';
import {CommandError, writeLine} from '../io.js';
import {parseOptions} from '../options.js';
import {corpusOptionSpec, corpusUsageTail, loadForCommand} from '../corpus-command.js';
import {findPeople} from '../people.js';
import {byProminence} from './leaders.js';
import {buildLoadedCorpus} from '../load.js';
import type {Corpus, CorpusPerson, QuoteRef} from '../../corpus/types.js';

interface Group {
  /** The corpus person, or null for quotes credited to an organisation or to no one. */
  person: CorpusPerson | null;
  speaker: string;
  quotes: readonly QuoteRef[];
}

/** People (most quoted first), then organisations and statements by name, then the unattributed. */
function groups(corpus: Corpus, people: readonly CorpusPerson[], withOthers: boolean): Group[] {
  const out: Group[] = people.filter((p) => p.quoteCount > 0 || !withOthers).map((p) => ({person: p, speaker: p.name, quotes: corpus.quotesBy(p.id)}));
  if (!withOthers) return out;
  const others = new Map<string, QuoteRef[]>();
  for (const article of corpus.articles) {
    for (const ref of corpus.quotesIn(article.id)) {
      if (ref.personId !== null) continue;
      const name = ref.quote.speakerName ?? '';
      let list = others.get(name);
      if (!list) others.set(name, (list = []));
      list.push(ref);
    }
  }
  const names = [...others.keys()].filter((n) => n !== '').sort((a, b) => a.localeCompare(b));
  for (const name of names) out.push({person: null, speaker: name, quotes: others.get(name)!});
  const unattributed = others.get('');
  if (unattributed) out.push({person: null, speaker: '(unattributed)', quotes: unattributed});
  return out;
}

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'list the quotes in the articles grouped by speaker (--leader NAME: one person, typos allowed)',
  usage: `briefing quotes [PATH...] [--leader NAME] [--json] ${corpusUsageTail}`,
  async run(args, io) {
    const {values, positionals} = parseOptions(args, {...corpusOptionSpec, leader: {type: 'string'}});
    if (values.leader !== undefined && values.leader.trim() === '') throw new CommandError('--leader needs a name', 2);
    const loaded = await loadForCommand(positionals, values, io);
    const corpus = buildLoadedCorpus(loaded);
    let chosen: Group[];
    if (values.leader !== undefined) {
      const people = findPeople(corpus, values.leader);
      if (people.length === 0) throw new CommandError(`no person matches '${values.leader}' in ${corpus.articles.length} articles (see \`briefing leaders --all\`)`);
      chosen = groups(corpus, [...people].sort(byProminence), false);
    } else {
      chosen = groups(corpus, [...corpus.people].sort(byProminence), true);
    }
    if (values.json) {
      const out = chosen.map((g) => ({
        speaker: g.speaker,
        person: g.person && {id: g.person.id, name: g.person.name, role: g.person.role, country: g.person.country, leader: g.person.leader},
        quotes: g.quotes.map((ref) => {
          const article = corpus.byId.get(ref.articleId);
          return {text: ref.quote.text, partial: ref.quote.partial, cue: ref.quote.cue, articleId: ref.articleId, headline: article?.headline ?? null,
            date: article?.dateline?.date ?? null, paragraph: ref.quote.paragraph, index: ref.index};
        }),
      }));
      writeLine(io.stdout, JSON.stringify(out, null, 2));
      return loaded.exitCode;
    }
    if (chosen.every((g) => g.quotes.length === 0)) writeLine(io.stderr, `briefing: no quotes found in ${corpus.articles.length} articles`);
    for (const g of chosen) {
      if (g.quotes.length === 0 && !values.leader) continue;
      const about = g.person ? [g.person.role, g.person.country].filter(Boolean).join(', ') : '';
      writeLine(io.stdout, `${g.speaker}${about ? ` (${about})` : ''}: ${g.quotes.length} quote${g.quotes.length === 1 ? '' : 's'}`);
      for (const ref of g.quotes) {
        const article = corpus.byId.get(ref.articleId);
        const date = article?.dateline?.date;
        writeLine(io.stdout, `  “${ref.quote.text}”${ref.quote.partial ? ' (fragment)' : ''}`);
        writeLine(io.stdout, `      ${ref.articleId}${date ? ` ${date}` : ''}  ${article?.headline ?? ''}`);
      }
      writeLine(io.stdout);
    }
    return loaded.exitCode;
  },
};
