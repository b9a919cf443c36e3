/**
 * What Chrome pays for the service worker, which MV3 stops after 30 s idle and
 * starts again for every alarm, message and wake-up (`npm run bench`, or alone:
 * `npx tsx scripts/bench-worker.ts`). Writes the `worker` section of
 * bench/results.json, keeping the other sections.
 *
 *  1. Size: the JavaScript the worker loads (manifest's background.service_worker
 *     and its static imports), gzip, from a production build (scale 1).
 *  2. Cold start: the worker is stopped through CDP (ServiceWorker.stopAllWorkers),
 *     then woken by a message from an extension page; timed from that message, and
 *     from the new worker's performance.timeOrigin, to the first lease request the
 *     backend double receives. Production build (scale 1), so that no 600 ms poll
 *     alarm wakes the worker by itself in between; a run where one did is repeated.
 *  3. Executor time per action, network excluded: the worker's own
 *     `executor:action:<type>` measures (src/background/action-timing.ts) over a
 *     mix of action types (scale-100 build, spacing 0.3–0.6 s).
 *
 * Options: --runs=N cold starts (default 25), --rounds=N rounds of the action mix
 * (default 2, 12 actions each), --reuse-build, --headed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import type { ActionType } from '../contract/protocol';
import { startHarness, type Harness } from '../e2e/harness';
import type { ActionTimingDetail } from '../src/background/action-timing';
import { ROOT, buildExtension } from '../e2e/build-extension';
import { workerSize, type WorkerSize } from './worker-size';

export const GOALS = { gzipBytes: 40_000, coldStartMedianMs: 100, actionMedianMs: 5 };
/** Measured with this script's size part at 8d4675d, before the worker's schemas moved to zod/mini. */
export const BASELINE = { commit: '8d4675d', gzipBytes: 69_167, files: 7 };

interface Stats {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    runs: sorted.length,
    medianMs: round(
      sorted.length % 2
        ? (sorted[(sorted.length - 1) / 2] ?? Number.NaN)
        : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2,
    ),
    p95Ms: round(at(0.95)),
    minMs: round(sorted[0] ?? Number.NaN),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface ColdStartRun {
  /** Extension page's message → first lease request at the backend double. */
  fromWakeMs: number;
  /** The new worker's performance.timeOrigin → that lease request. */
  fromWorkerStartMs: number | null;
}

async function idle(h: Harness, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const last = h.backend.requests.at(-1)?.at ?? 0;
    if (Date.now() - last >= quietMs) return;
    await sleep(50);
  }
}

async function currentWorker(h: Harness): Promise<Worker> {
  return h.worker();
}

async function measureColdStart(extensionDir: string, runs: number, headed: boolean, log: (s: string) => void) {
  const h = await startHarness({ extensionDir, headed });
  try {
    await h.backend.waitFor(() => h.backend.leases.length > 0, 30_000, 'a first lease request');
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/src/ui/options/index.html`);
    const results: ColdStartRun[] = [];
    let discarded = 0;
    while (results.length < runs && discarded < runs) {
      await idle(h, 1000, 15_000);
      const worker = await currentWorker(h);
      const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
      await h.stopServiceWorker();
      await Promise.race([closed, sleep(5000)]);
      await sleep(200);
      const leasesBefore = h.backend.leases.length;
      const stoppedAt = Date.now();
      const sentAt = await page.evaluate(() => {
        const at = Date.now();
        void chrome.runtime.sendMessage({ type: 'executor/pumpNow' }).catch(() => undefined);
        return at;
      });
      await h.backend.waitFor(() => h.backend.leases.length > leasesBefore, 15_000, 'the lease after a wake-up');
      const lease = h.backend.leases[leasesBefore];
      if (!lease || lease.at < sentAt || h.backend.requests.some((r) => r.at >= stoppedAt && r.at < sentAt)) {
        discarded += 1; // something else (an alarm) woke the worker first
        continue;
      }
      // The worker that sent it: started after the stop (performance.timeOrigin is when it started).
      const fresh = await currentWorker(h);
      const started = await fresh.evaluate(() => performance.timeOrigin).catch(() => null);
      const origin = started !== null && started >= stoppedAt ? started : null;
      results.push({ fromWakeMs: lease.at - sentAt, fromWorkerStartMs: origin === null ? null : lease.at - origin });
      log(`  cold start ${results.length}/${runs}: ${lease.at - sentAt} ms`);
    }
    const fromWorker = results.map((r) => r.fromWorkerStartMs).filter((n): n is number => n !== null);
    return {
      measured:
        'CDP ServiceWorker.stopAllWorkers, then chrome.runtime.sendMessage from an extension page; until the backend double receives the first POST /v1/executor/lease',
      fromWake: stats(results.map((r) => r.fromWakeMs)),
      fromWorkerStart: fromWorker.length ? stats(fromWorker) : null,
      discarded,
      runs: results,
    };
  } finally {
    await h.close();
  }
}

interface ActionMeasure {
  type: string;
  ms: number;
  totalMs: number;
  networkMs: number;
}

/** Takes (and clears) the worker's action measures. */
async function takeMeasures(worker: Worker): Promise<ActionMeasure[]> {
  return worker.evaluate(() => {
    const entries = performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('executor:action:')) as PerformanceMeasure[];
    for (const name of new Set(entries.map((e) => e.name))) performance.clearMeasures(name);
    return entries.map((e) => {
      const d = e.detail as ActionTimingDetail;
      return {
        type: e.name.slice('executor:action:'.length),
        ms: e.duration,
        totalMs: d.totalMs,
        networkMs: d.networkMs,
      };
    });
  });
}

async function measureActions(extensionDir: string, rounds: number, headed: boolean, log: (s: string) => void) {
  const h = await startHarness({ extensionDir, headed });
  try {
    const li = h.linkedin;
    li.addCompany({ id: '4004', slug: 'cpu-company', name: 'CPU Company' });
    const friend = li.addMember({ slug: 'cpu-friend', firstName: 'Fran', lastName: 'Friend', distance: 1 });
    const measures: ActionMeasure[] = [];
    let failed = 0;
    for (let round = 0; round < rounds; round += 1) {
      const member = li.addMember({
        slug: `cpu-member-${round}`,
        firstName: 'Mem',
        lastName: `Ber${round}`,
        distance: 2,
      });
      const post = li.addPost({ id: String(7400000000000000000n + BigInt(round)) }).threadUrn;
      const profile = `https://www.linkedin.com/in/${member.slug}/`;
      const mix: Array<{ type: ActionType; params: Record<string, unknown> }> = [
        { type: 'follow_member', params: { profile } },
        { type: 'unfollow_member', params: { profile } },
        { type: 'save', params: { post } },
        { type: 'unsave', params: { post } },
        { type: 'react', params: { post, reaction: 'LIKE' } },
        { type: 'unreact', params: { post } },
        { type: 'comment', params: { post, text: `Benchmark comment ${round}` } },
        { type: 'message', params: { profile: friend.slug, text: `Benchmark message ${round}` } },
        { type: 'follow_company', params: { company: '4004' } },
        { type: 'unfollow_company', params: { company: '4004' } },
        { type: 'connect', params: { profile, note: '' } },
        { type: 'withdraw', params: { profile } },
      ];
      for (const spec of mix) {
        const queued = h.backend.enqueue(spec);
        await h.backend.waitForFinal([queued.id], 90_000);
        if (h.backend.finalResult(queued.id)?.status !== 'succeeded') failed += 1;
        measures.push(...(await takeMeasures(await h.worker())));
      }
      log(`  round ${round + 1}/${rounds}: ${measures.length} action measures so far`);
    }
    const byType: Record<string, Stats> = {};
    for (const type of new Set(measures.map((m) => m.type)))
      byType[type] = stats(measures.filter((m) => m.type === type).map((m) => m.ms));
    return {
      measured:
        'per job: wall time in the worker minus the time inside the LinkedIn transport (src/background/action-timing.ts); includes IndexedDB writes',
      overall: stats(measures.map((m) => m.ms)),
      totalWithNetwork: stats(measures.map((m) => m.totalMs)),
      byType,
      actionsNotSucceeded: failed,
      measures,
    };
  } finally {
    await h.close();
  }
}

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
  cold: Stats;
  action: Stats;
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
