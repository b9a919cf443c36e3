/** Small numeric helpers for the benchmark. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

export function min(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.min(...values);
}

/** Milliseconds rounded to 0.1. */
export function ms(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface Summary {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export function summarize(values: readonly number[]): Summary {
  return { runs: values.length, medianMs: ms(median(values)), minMs: ms(min(values)), maxMs: ms(max(values)) };
}

export const sleep = (milliseconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));
