// Terminal size -> the size of every pane, in one pure function, so the reducer (paging, clamping)
// and the components (drawing) agree. Sizes are display columns and rows.
import type {Layout} from '../state/app/types.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;
/** Lines per article in the list: headline, then section and dateline. */
export const ROW_LINES = 2;
export const STATUS_LINES = 2;

export interface Frame {
  columns: number;
  /** Rows Ink draws: one less than the terminal, so a full frame never scrolls or forces a clear. */
  rows: number;
  tooSmall: boolean;
  body: number;
  left: number;
  right: number;
  listLines: number;
  summaryLines: number;
  quotesLines: number;
  relatedLines: number;
  readerLeft: number;
  layout: Layout;
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

export function frameFor(columns: number, terminalRows: number): Frame {
  const rows = Math.max(1, terminalRows - 1);
  const tooSmall = columns < MIN_COLUMNS || terminalRows < MIN_ROWS;
  const body = Math.max(3, rows - STATUS_LINES);
  const left = clamp(Math.round(columns * 0.42), 26, 64);
  const right = Math.max(10, columns - left - 1);
  const listLines = Math.max(1, body - 1);
  const relatedLines = clamp(Math.floor(body * 0.25), 3, 8);
  const summaryLines = Math.max(3, Math.floor((body - relatedLines) * 0.45));
  const quotesLines = Math.max(3, body - relatedLines - summaryLines);
  const readerWidth = Math.max(10, Math.min(columns - 4, 100));
  return {
    columns,
    rows,
    tooSmall,
    body,
    left,
    right,
    listLines,
    summaryLines,
    quotesLines,
    relatedLines,
    readerLeft: Math.max(0, Math.floor((columns - readerWidth) / 2)),
    layout: {
      listItems: Math.max(1, Math.floor(listLines / ROW_LINES)),
      readerRows: Math.max(1, body - 2),
      readerWidth,
      summaryRows: Math.max(1, summaryLines - 1),
      summaryWidth: Math.max(8, right - 1),
      overlayRows: Math.max(1, body - 3),
    },
  };
}
