/**
 * What Chrome pays for the service worker, which MV3 stops after 30 s idle and
 * starts again for every alarm, message and wake-up (`npm run bench`, or alone:
 * `npx tsx scripts/bench-worker.ts`). Writes the `worker` section of
 * bench/results.json, keeping the other sections, each figure beside its goal
 * and its previous value:
 *
 *  1. the JavaScript the worker loads, gzip, from a production build (worker-size.ts);
 *  2. cold start → first lease request, after a CDP stop (bench-cold-start.ts);
 *  3. the executor's own time per action, network excluded (bench-action-time.ts).
 *
 * Options: --runs=N cold starts (default 25), --rounds=N rounds of the action mix
 * (default 2, 12 actions each), --reuse-build, --headed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { measureActions } from './bench-action-time';
import { measureColdStart } from './bench-cold-start';
import type { Distribution } from './bench-distribution';
import { ROOT, buildExtension } from '../e2e/build-extension';
import { workerSize, type WorkerSize } from './worker-size';

export const GOALS = { gzipBytes: 40_000, coldStartMedianMs: 100, actionMedianMs: 5 };
/** Measured with this script's size part at 8d4675d, before the worker's schemas moved to zod/mini. */
export const BASELINE = { commit: '8d4675d', gzipBytes: 69_167, files: 7 };

function readResults(file: string): Record<string, unknown> {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

/**
 * The last figures: this file's section when it has one, else the committed
 * bench/results.json's (`npm run bench` rewrites the file before this runs).
 */
function previousSummary(file: string): WorkerSummary | null {
  const fromFile = (readResults(file).worker as { summary?: WorkerSummary } | undefined)?.summary;
  if (fromFile) return fromFile;
  try {
    const committed = execFileSync('git', ['show', 'HEAD:bench/results.json'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return (JSON.parse(committed) as { worker?: { summary?: WorkerSummary } }).worker?.summary ?? null;
  } catch {
    return null;
  }
}

interface WorkerSummary {
  gzipBytes: number;
  cold: Distribution;
  action: Distribution;
}

/** Runs the three measurements and writes `worker` into bench/results.json. Skipped under --only (run this file alone). */
export async function benchWorker(argv: string[], log: (s: string) => void = console.log): Promise<void> {
  if (argv.some((a) => a.startsWith('--only='))) {
    log('\n[worker] skipped under --only; run `npx tsx scripts/bench-worker.ts`');
    return;
  }
  const value = (name: string, fallback: number): number => {
    const raw = argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  const reuse = argv.includes('--reuse-build');
  const headed = argv.includes('--headed');
  const file = path.join(ROOT, 'bench', 'results.json');
  const previous = previousSummary(file);

  log('\n[worker] size of the service worker (production build)');
  const prodDir = buildExtension(1, { force: !reuse, outDir: path.join(ROOT, 'bench', 'tmp', 'ext-scale-1') });
  const size: WorkerSize = workerSize(prodDir);
  log(`  ${size.chunks.length} files, ${size.totalBytes} B, gzip ${size.totalGzipBytes} B`);

  log('[worker] cold start → first lease request');
  const coldStart = await measureColdStart(prodDir, value('runs', 25), headed, log);
  log(`  median ${coldStart.fromWake.medianMs} ms, p95 ${coldStart.fromWake.p95Ms} ms`);

  log('[worker] executor time per action, network excluded (scale-100 build)');
  const scaledDir = buildExtension(100, { force: !reuse, outDir: path.join(ROOT, 'bench', 'tmp', 'ext-scale-100') });
  const actions = await measureActions(scaledDir, value('rounds', 2), headed, log);
  log(`  median ${actions.overall.medianMs} ms, p95 ${actions.overall.p95Ms} ms over ${actions.overall.runs} jobs`);

  const summary: WorkerSummary = { gzipBytes: size.totalGzipBytes, cold: coldStart.fromWake, action: actions.overall };
  const results = readResults(file);
  results.worker = {
    date: new Date().toISOString(),
    goals: GOALS,
    baseline: BASELINE,
    previous,
    summary,
    size,
    coldStart,
    actions,
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.table([
    {
      figure: 'worker JS gzip (kB)',
      now: size.totalGzipBytes / 1000,
      goal: `≤ ${GOALS.gzipBytes / 1000}`,
      previous: (previous?.gzipBytes ?? BASELINE.gzipBytes) / 1000,
    },
    {
      figure: 'cold start → lease, median (ms)',
      now: coldStart.fromWake.medianMs,
      goal: `≤ ${GOALS.coldStartMedianMs}`,
      previous: previous?.cold.medianMs ?? 'not measured',
    },
    {
      figure: 'executor per action, median (ms)',
      now: actions.overall.medianMs,
      goal: `< ${GOALS.actionMedianMs}`,
      previous: previous?.action.medianMs ?? 'not measured',
    },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchWorker(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
