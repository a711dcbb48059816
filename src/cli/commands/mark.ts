// `briefing mark ID|QUERY --read|--unread|--star|--unstar [PATH...]`: change reading state from a
// script. The target is an article id, a unique id prefix, or a query run through the same search
// as the TUI (every match is marked).
import type {Command} from '../command.js';
import {CommandError, UsageError, writeLine} from '../io.js';
import {parseOptions} from '../options.js';
import {corpusOptionSpec, corpusUsageTail, loadForCommand} from '../corpus-command.js';
import {articleLine} from '../corpus-render.js';
import {openForCommand, stateOptionSpec} from '../state/index.js';
import type {ReadingStore} from '../../state/store.js';
import {buildLoadedCorpus} from '../load.js';
import type {Corpus} from '../../corpus/types.js';
import {articlesById} from '../../corpus/lookup.js';
import {createSearchEngine} from '../../search/index.js';

type Action = 'read' | 'unread' | 'star' | 'unstar';
const ACTIONS: readonly Action[] = ['read', 'unread', 'star', 'unstar'];

const apply: Record<Action, (store: ReadingStore, id: string) => void> = {
  read: (s, id) => s.setRead(id, true),
  unread: (s, id) => s.setRead(id, false),
  star: (s, id) => s.setStarred(id, true),
  unstar: (s, id) => s.setStarred(id, false),
};

/** The ids the target names: an id, a unique id prefix, or the hits of a query. */
export function resolveTarget(target: string, corpus: Corpus, store: ReadingStore): string[] {
  if (corpus.byId.has(target) || store.get(target) !== undefined) return [target];
  const matches = articlesById(corpus, target).map((a) => a.id);
  if (matches.length > 1) {
    throw new CommandError(`id prefix '${target}' is ambiguous: ${matches.length} articles (${matches.slice(0, 3).join(', ')}${matches.length > 3 ? ', ...' : ''})`);
  }
  if (matches.length === 1) return matches;
  if (/^[0-9a-f]{16,}$/i.test(target)) throw new CommandError(`unknown id '${target}': no such article among the ${corpus.articles.length} loaded`);
  const flags = (id: string) => {
    const s = store.get(id);
    return s && {read: s.read, starred: s.starred};
  };
  const result = createSearchEngine(corpus).search(target, {limit: Math.max(1, corpus.articles.length), flags});
  if (!result.ok) throw new CommandError(`bad query '${target}': ${result.error} (at character ${result.at + 1})`);
  if (result.hits.length === 0) throw new CommandError(`unknown id or query '${target}': no article matches among the ${corpus.articles.length} loaded`);
  return result.hits.map((h) => h.id);
}

export const markCommand: Command = {
  name: 'mark',
  summary: 'mark articles read/unread/starred/unstarred by id, id prefix or query',
  usage: `briefing mark ID|QUERY --read|--unread|--star|--unstar [PATH...] [--json] [--state-dir DIR] ${corpusUsageTail}`,
  async run(args, io) {
    const spec = {...corpusOptionSpec, ...stateOptionSpec, read: {type: 'boolean'}, unread: {type: 'boolean'}, star: {type: 'boolean'}, unstar: {type: 'boolean'}} as const;
    const {values, positionals} = parseOptions(args, spec);
    const [target, ...paths] = positionals;
    if (target === undefined || target.trim() === '') throw new UsageError('mark needs an ID or a QUERY');
    const actions = ACTIONS.filter((a) => values[a] === true);
    if (actions.length === 0) throw new UsageError('mark needs --read, --unread, --star or --unstar');
    if (values.read && values.unread) throw new UsageError('--read and --unread contradict each other');
    if (values.star && values.unstar) throw new UsageError('--star and --unstar contradict each other');

    // The state first: an unusable state directory fails before any loading.
    const store = openForCommand(values, io);
    try {
      if (store.readOnly) throw new CommandError(`${store.path} is read-only in this session; nothing marked`);
      const loaded = await loadForCommand(paths, values, io);
      const corpus = buildLoadedCorpus(loaded);
      const ids = resolveTarget(target, corpus, store);
      for (const id of ids) for (const action of actions) apply[action](store, id);
      try {
        await store.flush();
      } catch (error) {
        throw new CommandError((error as Error).message);
      }
      if (values.json) writeLine(io.stdout, JSON.stringify({marked: actions, ids}, null, 2));
      else {
        for (const id of ids) {
          const article = corpus.byId.get(id);
          writeLine(io.stdout, article ? articleLine(article) : id);
        }
        writeLine(io.stderr, `briefing: marked ${ids.length} article${ids.length === 1 ? '' : 's'} ${actions.map((a) => (a === 'star' ? 'starred' : a === 'unstar' ? 'unstarred' : a)).join(' and ')}`);
      }
      return loaded.exitCode;
    } finally {
      store.close();
    }
  },
};
