/**
 * A Web Worker of the audit page: verifies the seq ranges it is sent, several
 * at a time (store/audit-verify.ts), hashing with WebCrypto
 * (store/audit-digest.ts), and answers each with its verdict and where its
 * time went (verify.ts sums those into a performance measure for the benchmark).
 */
import type { SeqBounds } from '../../store/audit-read';
import { digestChunk } from '../../store/audit-digest';
import { type RangeTiming, verifyRange } from '../../store/audit-verify';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
/** Epoch ms (timeOrigin + now), comparable across the page and its workers. */
const now = (): number => performance.timeOrigin + performance.now();
const loadedAt = now();

scope.onmessage = (event: MessageEvent<{ id: number; range: SeqBounds }>) => {
  const { id, range } = event.data;
  const startedAt = now();
  const timing: RangeTiming = { readMs: 0, hashMs: 0, digestWaitMs: 0, checkMs: 0 };
  // One read for the whole range: the page sends ranges of one chunk each.
  const chunk = range.last - range.first + 1;
  verifyRange(range, { chunk, inFlight: 1, hashChunk: digestChunk, timing }).then(
    (verdict) =>
      scope.postMessage({ id, ok: true, verdict, timing: { ...timing, loadedAt, startedAt, finishedAt: now() } }),
    (error: unknown) =>
      scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
