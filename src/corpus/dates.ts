// A sortable key for the dates wires write in datelines (`Jun 29`, `March 3`, `Jan. 5, 2023`,
// `2022-06-29`), for putting quotes in date order. Undated sorts last.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function dateKey(date: string | null | undefined): number {
  if (!date) return Number.POSITIVE_INFINITY;
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(date);
  if (iso) return Number(iso[1]) * 10000 + Number(iso[2]) * 100 + Number(iso[3]);
  const month = /\b([A-Za-z]{3})[a-z]*\.?/.exec(date);
  const m = month ? MONTHS.indexOf(month[1]!.toLowerCase()) : -1;
  if (m < 0) return Number.POSITIVE_INFINITY;
  const rest = date.slice(month!.index + month![0].length);
  const day = /\b(\d{1,2})\b/.exec(rest) ?? /\b(\d{1,2})\b/.exec(date.slice(0, month!.index));
  const year = /\b(\d{4})\b/.exec(date);
  return (year ? Number(year[1]) : 0) * 10000 + (m + 1) * 100 + (day ? Number(day[1]) : 0);
}
