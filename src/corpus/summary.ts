// PLACEHOLDER until the summariser lands (issue 4). Replaced wholesale.
import type {Article} from '../types.js';

export function summarize(article: Article): string[] {
  return article.paragraphs.slice(0, 2);
}
