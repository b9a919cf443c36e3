/** A run's distribution, for the worker bench: median and p95 beside min and max. */
import { median, ms } from './stats';

export interface Distribution {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least 95 % of the runs at or below it.
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN;
  return {
    runs: sorted.length,
    medianMs: ms(median(sorted)),
    p95Ms: ms(p95),
    minMs: ms(sorted[0] ?? Number.NaN),
    maxMs: ms(sorted.at(-1) ?? Number.NaN),
  };
}
