// The reducer's view of the world (AppEnv), backed by the corpus and the reading store.
import type {Corpus} from '../corpus/types.js';
import type {AppEnv} from '../state/app/types.js';
import type {ReadingStore} from '../state/store.js';
import {helpLines} from './keymap.js';
import {leaderQuotes, memo, pickerPeople, quoteLine, readerLines, readerQuotes, summaryLines} from './model.js';

export function createEnv(corpus: Corpus, store: ReadingStore, failures: () => number): AppEnv {
  const pickers = memo<readonly string[]>(64);
  const related = memo<readonly string[]>(64);
  const quotes = (articleId: string, personId: string) => {
    const {here, elsewhere} = leaderQuotes(corpus, articleId, personId);
    return [...here, ...elsewhere];
  };
  return {
    flags(id) {
      const s = store.get(id);
      return {read: s?.read ?? false, starred: s?.starred ?? false};
    },
    position: (id) => store.get(id)?.position ?? 0,
    savedLeader: (id) => store.get(id)?.leader ?? null,
    leaders(id) {
      const article = corpus.byId.get(id);
      return article ? pickers(id, () => pickerPeople(corpus, article)) : [];
    },
    quoteCount: (articleId, personId) => quotes(articleId, personId).length,
    quoteTarget(articleId, personId, index, width) {
      const ref = quotes(articleId, personId)[index];
      const article = ref && corpus.byId.get(ref.articleId);
      if (!ref || !article) return null;
      const quote = readerQuotes(article, width).findIndex((q) => q.index === ref.index);
      return {articleId: ref.articleId, line: quoteLine(article, ref.index, width), quote: quote >= 0 ? quote : null};
    },
    readerQuoteLines(id, width) {
      const article = corpus.byId.get(id);
      return article ? readerQuotes(article, width).map((q) => q.line) : [];
    },
    relatedIds: (id) => related(id, () => corpus.related(id).map((r) => r.id)),
    readerLineCount(id, width) {
      const article = corpus.byId.get(id);
      return article ? readerLines(article, width).length : 0;
    },
    summaryLineCount(id, width) {
      const article = corpus.byId.get(id);
      return article ? summaryLines(article, width).length : 0;
    },
    helpLineCount: (filter) => helpLines(filter).length,
    failureCount: failures,
  };
}
