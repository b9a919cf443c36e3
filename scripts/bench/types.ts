/**
 * What scripts/bench.ts runs: a measurement is one module exporting a
 * BenchMeasurement, listed once in bench.ts. Its result is stored under its
 * key in bench/results.json, its summary under summary.<key>.
 */
import type { Harness } from '../../e2e/harness';

export interface BenchOptions {
  popupRuns: number;
  /** Runs of each export and of Verify chain. */
  exportRuns: number;
  /** Audit entries for the popup and audit page figures (the 100,000). */
  entries: number;
  /** Audit entries for the large-log figures (the 1,000,000). */
  largeEntries: number;
  reuseBuild: boolean;
  headed: boolean;
  /** An extension build of an earlier commit, measured beside this one by the measurements that compare (--baseline). */
  baseline: string | null;
}

/** A build to measure: this tree's, or the baseline. */
export interface Build {
  label: 'after' | 'before';
  extensionDir: string;
}

export interface BenchContext {
  opts: BenchOptions;
  /** This tree's extension (EXECUTOR_TIME_SCALE=100, bench/tmp/ext-scale-100), built on first use. */
  extensionDir(): string;
  /** The baseline build first (when given), then this tree's. */
  builds(): Build[];
  /** Chromium with the extension and the doubles, closed afterwards whatever happens. */
  withHarness<T>(extensionDir: string, fn: (h: Harness) => Promise<T>): Promise<T>;
  log(line: string): void;
}

/** Method syntax on purpose: a measurement of any result type fits a list of them. */
export interface BenchMeasurement<R> {
  /** Its name for --only and its key in results.json. */
  key: string;
  title: string;
  run(ctx: BenchContext): Promise<R>;
  /** The headline numbers (results.summary.<key>). */
  summary(result: R): unknown;
  /** A table on the console after the run. */
  print(result: R): void;
}

/** The build time scale of the bench builds (30 s spacing lasts 0.3 s). */
export const BENCH_SCALE = 100;
