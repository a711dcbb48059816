// Small timing helpers shared by the bench sections.
import {performance} from 'node:perf_hooks';

export const now = (): number => performance.now();

/** Milliseconds taken by fn (awaited). */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = now();
  await fn();
  return now() - start;
}

/** The p-th percentile (0..100) of samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Rounds for display and JSON: 3 significant-ish digits. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return Number(x.toFixed(digits));
}

/** Runs a GC when node was started with --expose-gc (npm run bench does), so sections start level. */
export function collectGarbage(): void {
  (globalThis as {gc?: () => void}).gc?.();
}
