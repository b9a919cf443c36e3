/**
 * A large audit log (the 1,000,000 entries): the popup's first
 * result, the rolling-limit count query the safety limits run before every
 * action, the status round trip that carries it, and the audit page's load.
 * With --baseline the earlier build is measured first, on its own seeded log.
 */
import type { Page, Worker } from '@playwright/test';
import { BUCKETS } from '../../contract/protocol';
import type { Harness } from '../../e2e/harness';
import { openAuditPage, type AuditLoad } from './audit-page';
import { measurePopup, type PopupResult } from './popup';
import { seedAudit, type SeedReport } from './seed-audit';
import { ms, summarize, type Summary } from './stats';
import { BENCH_SCALE, type BenchContext, type BenchMeasurement, type Build } from './types';

const GOALS = { popupMs: 300, countQueryMs: 20 } as const;
const DAY_AT_SCALE = 86_400_000 / BENCH_SCALE;
const QUERY_RUNS = 20;

export interface CountQueryResult {
  measured: string;
  windowDays: number;
  /** Rows the 6 range reads returned (all buckets: entries on v1, mutations on v2), and the mutations among them. */
  entriesInWindow: number;
  mutations: number;
  summary: Summary;
}

export interface LargeLogRun {
  build: Build;
  seed: SeedReport;
  popup: PopupResult;
  popupWorkerStopped: PopupResult;
  countQuery7d: CountQueryResult;
  countQuery24h: CountQueryResult;
  /** status/get from an extension page: computeStatus, which runs the count query for every bucket. */
  statusRoundTrip: Summary;
  /** IDBObjectStore.count() over the whole log (the audit page's "N entries" line). */
  storeCountMs: number;
  auditPage: AuditLoad;
}

export interface LargeLogResults {
  goals: typeof GOALS;
  runs: LargeLogRun[];
}

/**
 * The request mutationTimesByBucket (src/store/audit.ts) makes per bucket, in
 * the worker: on a v2 database a key range of the mutations store, read as
 * keys; on v1 (the baseline) an index range of byBucketAt, read as entries,
 * of which the mutations are kept.
 */
async function countQuery(worker: Worker, windowMs: number): Promise<CountQueryResult> {
  await worker.evaluate('globalThis.__name ??= (fn) => fn; undefined');
  const { out: runs, v2 } = await worker.evaluate(
    async ({ buckets, window, runs }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('outbound-executor');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const v2 = db.objectStoreNames.contains('mutations');
      const times = (bucket: string, since: number) =>
        new Promise<Array<{ mutated: boolean; at: number }>>((resolve, reject) => {
          const request = v2
            ? db
                .transaction('mutations')
                .objectStore('mutations')
                .getAllKeys(IDBKeyRange.bound([bucket, since], [bucket, Number.POSITIVE_INFINITY]))
            : db
                .transaction('audit')
                .objectStore('audit')
                .index('byBucketAt')
                .getAll(IDBKeyRange.bound([bucket, since], [bucket, Number.MAX_SAFE_INTEGER]));
          request.onsuccess = () =>
            resolve(
              v2
                ? (request.result as Array<[string, number, number]>).map(([, at]) => ({ mutated: true, at }))
                : (request.result as Array<{ mutated: boolean; at: number }>),
            );
          request.onerror = () => reject(request.error);
        });
      const out: Array<{ ms: number; entries: number; mutations: number }> = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const lists = await Promise.all(buckets.map((b) => times(b, Date.now() - window)));
        const mutations = lists.map((rows) => rows.filter((r) => r.mutated).map((r) => r.at));
        out.push({
          ms: performance.now() - t0,
          entries: lists.reduce((n, l) => n + l.length, 0),
          mutations: mutations.reduce((n, l) => n + l.length, 0),
        });
      }
      db.close();
      return { out, v2 };
    },
    { buckets: [...BUCKETS], window: windowMs, runs: QUERY_RUNS },
  );
  const last = runs.at(-1);
  return {
    measured: `${BUCKETS.length} ${v2 ? 'key ranges of the mutations store, keys only' : 'index ranges of byBucketAt, whole entries'} (as mutationTimesByBucket), in parallel, in the service worker; ${QUERY_RUNS} runs`,
    windowDays: windowMs / DAY_AT_SCALE,
    entriesInWindow: last?.entries ?? 0,
    mutations: last?.mutations ?? 0,
    summary: summarize(runs.map((r) => r.ms)),
  };
}

async function storeCount(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('outbound-executor');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const t0 = performance.now();
    await new Promise((resolve) => {
      const request = db.transaction('audit').objectStore('audit').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return performance.now() - t0;
  });
}

async function statusRoundTrips(h: Harness, runs: number): Promise<Summary> {
  const page: Page = await h.context.newPage();
  try {
    await page.goto(`chrome-extension://${h.extensionId}/src/ui/audit/index.html`);
    const times = await page.evaluate(async (n) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const reply = (await chrome.runtime.sendMessage({ type: 'status/get' })) as { ok: boolean };
        if (!reply.ok) throw new Error('status/get failed');
        out.push(performance.now() - t0);
      }
      return out;
    }, runs);
    return summarize(times);
  } finally {
    await page.close();
  }
}

async function measureBuild(ctx: BenchContext, build: Build): Promise<LargeLogRun> {
  const { opts, log } = ctx;
  log(`  — ${build.label}: ${build.extensionDir}`);
  return ctx.withHarness(build.extensionDir, async (h) => {
    const seed = await seedAudit(
      h,
      opts.largeEntries,
      { chunkSize: 10_000, spacingMs: (5 * 60_000) / BENCH_SCALE, timeScale: BENCH_SCALE },
      log,
    );
    const popupOpts = { runs: opts.popupRuns, auditEntries: seed.totalAfter };
    const popup = await measurePopup(h, { ...popupOpts, stopWorkerFirst: false }, log);
    const popupWorkerStopped = await measurePopup(h, { ...popupOpts, stopWorkerFirst: true }, log);
    const countQuery7d = await countQuery(await h.worker(), 7 * DAY_AT_SCALE);
    const countQuery24h = await countQuery(await h.worker(), DAY_AT_SCALE);
    log(
      `  count query, 7-day window (${countQuery7d.entriesInWindow} entries): median ${countQuery7d.summary.medianMs} ms, max ${countQuery7d.summary.maxMs} ms`,
    );
    const statusRoundTrip = await statusRoundTrips(h, 10);
    log(`  status/get round trip: median ${statusRoundTrip.medianMs} ms`);
    const storeCountMs = ms(await storeCount(await h.worker()));
    const { page, load } = await openAuditPage(h, seed.totalAfter, log);
    await page.close();
    return {
      build,
      seed,
      popup,
      popupWorkerStopped,
      countQuery7d,
      countQuery24h,
      statusRoundTrip,
      storeCountMs,
      auditPage: load,
    };
  });
}

function figures(run: LargeLogRun): Record<string, number> {
  return {
    popupMedianMs: run.popup.recent.medianMs,
    popupMaxMs: run.popup.recent.maxMs,
    popupWorkerStoppedMedianMs: run.popupWorkerStopped.recent.medianMs,
    countQuery7dMedianMs: run.countQuery7d.summary.medianMs,
    countQuery7dMaxMs: run.countQuery7d.summary.maxMs,
    countQuery24hMedianMs: run.countQuery24h.summary.medianMs,
    statusRoundTripMedianMs: run.statusRoundTrip.medianMs,
    storeCountMs: run.storeCountMs,
    auditFirstRowMs: run.auditPage.firstRowMs,
  };
}

export const largeLog: BenchMeasurement<LargeLogResults> = {
  key: 'largeLog',
  title: 'Popup, rolling-limit count query and audit page load with 1,000,000 audit entries',
  async run(ctx) {
    const runs: LargeLogRun[] = [];
    for (const build of ctx.builds()) runs.push(await measureBuild(ctx, build));
    return { goals: GOALS, runs };
  },
  summary: (r) => ({
    entries: r.runs[0]?.seed.totalAfter ?? null,
    goalsMs: r.goals,
    ...Object.fromEntries(r.runs.map((run) => [run.build.label, figures(run)])),
  }),
  print(r) {
    console.table(r.runs.map((run) => ({ build: run.build.label, ...figures(run) })));
  },
};
