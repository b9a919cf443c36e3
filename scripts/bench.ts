/**
 * Benchmarks of the extension in real Chromium against the local doubles, and
 * of the server (`npm run bench`). Writes bench/results.json and prints a
 * summary. Each measurement is one module in scripts/bench/ exporting a
 * BenchMeasurement (types.ts); to add one, write the module and list it in
 * MEASUREMENTS below. Measurements not run keep their previous figures.
 *
 * Uses a time-scaled build (EXECUTOR_TIME_SCALE=100, as e2e: 30 s spacing lasts
 * 0.3 s), built into bench/tmp/ (see e2e/build-extension.ts for why not dist-e2e).
 *
 * Options:
 *   --only=requests,ui,largeLog,server,worker   run some measurements (default: all)
 *   --popup-runs=N                popup opens per measurement (default 5)
 *   --export-runs=N               runs of each export and of Verify chain (default 3)
 *   --entries=N                   audit entries for the popup and audit page (default 100000)
 *   --large-entries=N             audit entries for the large-log figures (default 1000000)
 *   --baseline=DIR                an earlier commit's scale-100 build, measured beside this one (ui, largeLog, worker)
 *   --reuse-build                 keep bench/tmp/ext-scale-100 if it exists
 *   --headed                      show the browser
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startHarness } from '../e2e/harness';
import { ROOT, buildExtension } from '../e2e/build-extension';
import { largeLog } from './bench/large-log';
import { gitInfo, loadAverage, machine } from './bench/machine';
import { requests } from './bench/requests';
import { server } from './bench/server';
import { BENCH_SCALE, type BenchContext, type BenchMeasurement, type BenchOptions } from './bench/types';
import { ui } from './bench/ui';
import { worker } from './bench/worker';

const MEASUREMENTS: ReadonlyArray<BenchMeasurement<unknown>> = [requests, ui, largeLog, server, worker];

function parseArgs(argv: string[]): { only: string[]; opts: BenchOptions } {
  const value = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const count = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  const keys = MEASUREMENTS.map((m) => m.key);
  const only =
    value('only')
      ?.split(',')
      .map((s) => s.trim()) ?? keys;
  const unknown = only.filter((k) => !keys.includes(k));
  if (unknown.length > 0)
    throw new Error(`--only: unknown measurement(s) ${unknown.join(', ')}; expected ${keys.join(', ')}`);
  const baseline = value('baseline') ?? null;
  if (baseline !== null && !existsSync(path.join(baseline, 'manifest.json')))
    throw new Error(`--baseline: ${baseline} holds no manifest.json (build the earlier commit there first)`);
  return {
    only,
    opts: {
      popupRuns: count('popup-runs', 5),
      exportRuns: count('export-runs', 3),
      entries: count('entries', 100_000),
      largeEntries: count('large-entries', 1_000_000),
      reuseBuild: argv.includes('--reuse-build'),
      headed: argv.includes('--headed'),
      baseline: baseline === null ? null : path.resolve(baseline),
    },
  };
}

function context(opts: BenchOptions, results: Record<string, unknown>): BenchContext {
  let built: string | null = null;
  const extensionDir = (): string => {
    if (built !== null) return built;
    console.log(
      `Building the extension with EXECUTOR_TIME_SCALE=${BENCH_SCALE} (30 s spacing lasts ${30 / BENCH_SCALE} s)…`,
    );
    const t0 = Date.now();
    built = buildExtension(BENCH_SCALE, {
      force: !opts.reuseBuild,
      outDir: path.join(ROOT, 'bench', 'tmp', `ext-scale-${BENCH_SCALE}`),
    });
    results.build = {
      timeScale: BENCH_SCALE,
      extensionDir: path.relative(ROOT, built),
      buildMs: Date.now() - t0,
      reused: opts.reuseBuild,
      baseline: opts.baseline === null ? null : path.relative(ROOT, opts.baseline),
    };
    return built;
  };
  return {
    opts,
    extensionDir,
    builds: () => [
      ...(opts.baseline === null ? [] : [{ label: 'before' as const, extensionDir: opts.baseline }]),
      { label: 'after' as const, extensionDir: extensionDir() },
    ],
    async withHarness(dir, fn) {
      const harness = await startHarness({ extensionDir: dir, headed: opts.headed });
      try {
        return await fn(harness);
      } finally {
        await harness.close();
      }
    },
    log: (line) => console.log(line),
  };
}

async function main(): Promise<number> {
  const { only, opts } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const results: Record<string, unknown> = {
    date: new Date(started).toISOString(),
    machine: machine(),
    git: gitInfo(),
    options: { only, ...opts },
  };
  const ctx = context(opts, results);
  const file = path.join(ROOT, 'bench', 'results.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const previousSummary = (previous.summary ?? {}) as Record<string, unknown>;
  const previousMeasuredIn = (previous.measuredIn ?? {}) as Record<string, unknown>;
  const summary: Record<string, unknown> = {};
  /** Which run each measurement's figures come from (kept ones keep theirs). */
  const measuredIn: Record<string, unknown> = {};
  const errors: Array<{ measurement: string; error: string }> = [];
  const chosen = MEASUREMENTS.filter((m) => only.includes(m.key));
  for (const [i, m] of chosen.entries()) {
    console.log(`\n[${i + 1}/${chosen.length}] ${m.title}`);
    try {
      const result = await m.run(ctx);
      results[m.key] = result;
      summary[m.key] = m.summary(result);
      measuredIn[m.key] = { date: results.date, git: results.git, loadAverageAtEnd: loadAverage() };
      m.print(result);
    } catch (error) {
      errors.push({
        measurement: m.key,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      console.error(error);
    }
  }
  // Measurements not run this time keep their last figures.
  for (const m of MEASUREMENTS) {
    if (results[m.key] !== undefined) continue;
    if (previous[m.key] !== undefined) results[m.key] = previous[m.key];
    if (previousSummary[m.key] !== undefined) summary[m.key] = previousSummary[m.key];
    if (previousMeasuredIn[m.key] !== undefined) measuredIn[m.key] = previousMeasuredIn[m.key];
  }
  results.measuredIn = measuredIn;
  results.summary = summary;
  results.errors = errors;
  results.elapsedMs = Date.now() - started;
  (results.machine as Record<string, unknown>).loadAverageAtEnd = loadAverage();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `\nWrote ${path.relative(ROOT, file)} in ${((Date.now() - started) / 1000).toFixed(0)} s total${errors.length ? `; ${errors.length} measurement(s) failed` : ''}.`,
  );
  return errors.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
