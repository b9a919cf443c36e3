/**
 * What Chrome pays for the service worker, which MV3 stops after 30 s idle and
 * starts again for every alarm, message and wake-up (`npm run bench -- --only=worker`):
 *
 *  1. the JavaScript the worker loads, gzip, from a production build (worker-size.ts);
 *  2. cold start → first lease request, after a CDP stop (cold-start.ts);
 *  3. the executor's own time per action, network excluded (action-time.ts).
 *
 * Each figure beside its goal, the value before the zod/mini change, and the last run's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, buildExtension } from '../../e2e/build-extension';
import { measureActions } from './action-time';
import { measureColdStart } from './cold-start';
import type { Distribution } from './distribution';
import type { BenchMeasurement } from './types';
import { workerSize, type WorkerSize } from './worker-size';

export const GOALS = { gzipBytes: 40_000, coldStartMedianMs: 100, actionMedianMs: 5 };
/** Measured with worker-size.ts at 8d4675d, before the worker's schemas moved to zod/mini. */
export const BASELINE = { commit: '8d4675d', gzipBytes: 69_167, files: 7 };
const COLD_STARTS = 25;
const ACTION_ROUNDS = 3;

interface WorkerSummary {
  gzipBytes: number;
  cold: Distribution;
  /** Wall time per action in the worker, LinkedIn's network excluded (storage waits included). */
  action: Distribution;
  /** CPU time per action in the worker (absent before it was measured). */
  actionCpu?: Distribution;
}

interface WorkerResult {
  goals: typeof GOALS;
  baseline: typeof BASELINE;
  previous: WorkerSummary | null;
  summary: WorkerSummary;
  size: WorkerSize;
  coldStart: Awaited<ReturnType<typeof measureColdStart>>;
  actions: Awaited<ReturnType<typeof measureActions>>;
  /** With --baseline: the earlier build's worker size and time per action, measured in this run (its build is scale 100). */
  before: { extensionDir: string; size: WorkerSize; actions: Awaited<ReturnType<typeof measureActions>> } | null;
}

/** The last run's figures, from bench/results.json as it stands before this run rewrites it. */
function previousSummary(): WorkerSummary | null {
  const file = path.join(ROOT, 'bench', 'results.json');
  if (!existsSync(file)) return null;
  const results = JSON.parse(readFileSync(file, 'utf8')) as { worker?: { summary?: WorkerSummary } };
  return results.worker?.summary ?? null;
}

export const worker: BenchMeasurement<WorkerResult> = {
  key: 'worker',
  title: 'Service worker: size, cold start, executor time per action',
  async run(ctx) {
    const previous = previousSummary();
    ctx.log('[worker] size of the service worker (production build)');
    const prodDir = buildExtension(1, {
      force: !ctx.opts.reuseBuild,
      outDir: path.join(ROOT, 'bench', 'tmp', 'ext-scale-1'),
    });
    const size = workerSize(prodDir);
    ctx.log(`  ${size.chunks.length} files, ${size.totalBytes} B, gzip ${size.totalGzipBytes} B`);
    ctx.log('[worker] cold start → first lease request');
    const coldStart = await measureColdStart(prodDir, COLD_STARTS, ctx.opts.headed, ctx.log);
    let before: WorkerResult['before'] = null;
    if (ctx.opts.baseline !== null) {
      ctx.log(`[worker] the baseline's size and time per action (${ctx.opts.baseline})`);
      const actions = await measureActions(ctx.opts.baseline, ACTION_ROUNDS, ctx.opts.headed, ctx.log);
      before = { extensionDir: ctx.opts.baseline, size: workerSize(ctx.opts.baseline), actions };
    }
    ctx.log('[worker] executor time per action, network excluded (scale-100 build)');
    const actions = await measureActions(ctx.extensionDir(), ACTION_ROUNDS, ctx.opts.headed, ctx.log);
    const summary = {
      gzipBytes: size.totalGzipBytes,
      cold: coldStart.fromWake,
      action: actions.overall,
      actionCpu: actions.cpu.overall,
    };
    return { goals: GOALS, baseline: BASELINE, previous, summary, size, coldStart, actions, before };
  },
  summary: (r) => r.summary,
  print(r) {
    console.table([
      {
        figure: 'worker JS gzip (kB)',
        now: r.size.totalGzipBytes / 1000,
        goal: `≤ ${GOALS.gzipBytes / 1000}`,
        previous: (r.previous?.gzipBytes ?? BASELINE.gzipBytes) / 1000,
        before: r.before ? r.before.size.totalGzipBytes / 1000 : '-',
      },
      {
        figure: 'cold start → lease, median (ms)',
        now: r.coldStart.fromWake.medianMs,
        goal: `≤ ${GOALS.coldStartMedianMs}`,
        previous: r.previous?.cold.medianMs ?? 'not measured',
        before: '-',
      },
      {
        figure: 'executor CPU per action, median (ms)',
        now: r.actions.cpu.overall.medianMs,
        goal: `< ${GOALS.actionMedianMs}`,
        previous: r.previous?.actionCpu?.medianMs ?? 'not measured',
        before: r.before?.actions.cpu.overall.medianMs ?? '-',
      },
      {
        figure: 'executor wall time per action, network excluded, median (ms)',
        now: r.actions.overall.medianMs,
        goal: '(storage waits included)',
        previous: r.previous?.action.medianMs ?? 'not measured',
        before: r.before?.actions.overall.medianMs ?? '-',
      },
    ]);
  },
};
