/**
 * Verify chain for the audit page: one Web Worker per core (2 to 4), each
 * reading IndexedDB itself and hashing with WebCrypto (verify-worker.ts); the
 * log is dealt out to them in ranges of CHUNK entries and the verdicts joined
 * (verify-ranges.ts). Each worker's times are left as a performance measure
 * named "verify-worker" (read by scripts/bench/audit-page.ts).
 */
import { z } from '../../../contract/zod';
import { auditBounds, type SeqBounds } from '../../store/audit-read';
import type { LogVerdict, RangeVerdict } from '../../store/audit-verify';
import { t } from '../shared/i18n';
import { verifyInRanges } from './verify-ranges';

const rangeVerdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAt: z.nullable(z.number()),
  reason: z.nullable(z.string()),
  firstPrevHash: z.nullable(z.string()),
  firstSeq: z.nullable(z.number()),
  last: z.nullable(z.object({ seq: z.number(), hash: z.string() })),
});
/** verify-worker.ts: epoch ms for the moments, ms for the phases (store/audit-verify.ts RangeTiming). */
const timingSchema = z.object({
  loadedAt: z.number(),
  startedAt: z.number(),
  finishedAt: z.number(),
  readMs: z.number(),
  hashMs: z.number(),
  digestWaitMs: z.number(),
  checkMs: z.number(),
});
const workerReplySchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), verdict: rangeVerdictSchema, timing: timingSchema }),
  z.object({ id: z.number(), ok: z.literal(false), message: z.string() }),
]);

type WorkerTiming = z.infer<typeof timingSchema>;

/** Entries per range sent to a worker (one getAll each), and ranges a worker has at a time. */
const CHUNK = 5000;
const PER_WORKER = 3;

/** One worker's ranges: from the first sent to the last verdict; the detail sums its phases, moments on this page's clock. */
function measure(sentAt: number, timings: readonly WorkerTiming[]): void {
  if (timings.length === 0) return;
  const onPageClock = (epochMs: number): number => epochMs - performance.timeOrigin;
  const sum = (pick: (t: WorkerTiming) => number): number => timings.reduce((n, t) => n + pick(t), 0);
  performance.measure('verify-worker', {
    start: sentAt,
    end: performance.now(),
    detail: {
      ranges: timings.length,
      loadedAt: onPageClock(timings[0]?.loadedAt ?? 0),
      startedAt: onPageClock(Math.min(...timings.map((t) => t.startedAt))),
      finishedAt: onPageClock(Math.max(...timings.map((t) => t.finishedAt))),
      readMs: sum((t) => t.readMs),
      hashMs: sum((t) => t.hashMs),
      digestWaitMs: sum((t) => t.digestWaitMs),
      checkMs: sum((t) => t.checkMs),
    },
  });
}

/** A worker as a lane for dealOut: verifies one range per call, several at a time, matched by id. */
function workerLane(worker: Worker, timings: WorkerTiming[]): (range: SeqBounds) => Promise<RangeVerdict> {
  const waiting = new Map<number, { resolve: (v: RangeVerdict) => void; reject: (e: Error) => void }>();
  let failed: Error | null = null;
  const failAll = (error: Error): void => {
    failed = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const reply = workerReplySchema.safeParse(event.data);
    if (!reply.success) return failAll(new Error(t('verifyWorkerUnexpected')));
    const w = waiting.get(reply.data.id);
    waiting.delete(reply.data.id);
    if (!reply.data.ok) w?.reject(new Error(reply.data.message));
    else {
      timings.push(reply.data.timing);
      w?.resolve(reply.data.verdict);
    }
  };
  worker.onerror = (event) => failAll(new Error(event.message || t('verifyWorkerNoStart')));
  let nextId = 0;
  return (range) =>
    new Promise<RangeVerdict>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, range });
    });
}

function startWorker(): Worker {
  return new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module' });
}

export async function verifyChain(): Promise<LogVerdict> {
  const parts = Math.min(4, Math.max(2, navigator.hardwareConcurrency || 2));
  // Started before the bounds are read: their scripts load meanwhile.
  const workers = Array.from({ length: parts }, startWorker);
  try {
    const bounds = await auditBounds();
    if (!bounds) return { ok: true, checked: 0, brokenAt: null, reason: null, head: null };
    const timings = workers.map((): WorkerTiming[] => []);
    const sentAt = performance.now();
    const lanes = workers.map((w, i) => workerLane(w, timings[i] ?? []));
    const verdict = await verifyInRanges(bounds, lanes, { chunk: CHUNK, perLane: PER_WORKER });
    for (const t of timings) measure(sentAt, t);
    return verdict;
  } finally {
    for (const w of workers) w.terminate();
  }
}
