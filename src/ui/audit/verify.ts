/**
 * Verify chain for the audit page: the log's seq range is split in one part
 * per core (2 to 4) and each part is verified by its own Web Worker, reading
 * IndexedDB itself; the verdicts are joined here (store/audit-verify.ts).
 */
import { z } from '../../../contract/zod';
import { auditBounds, type SeqBounds } from '../../store/audit-read';
import { joinVerdicts, splitBounds, type LogVerdict, type RangeVerdict } from '../../store/audit-verify';

const rangeVerdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAt: z.nullable(z.number()),
  reason: z.nullable(z.string()),
  firstPrevHash: z.nullable(z.string()),
  firstSeq: z.nullable(z.number()),
  last: z.nullable(z.object({ seq: z.number(), hash: z.string() })),
});
const workerReplySchema = z.union([
  z.object({ ok: z.literal(true), verdict: rangeVerdictSchema }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

function verifyInWorker(range: SeqBounds): Promise<RangeVerdict> {
  const worker = new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<RangeVerdict>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<unknown>) => {
      worker.terminate();
      const reply = workerReplySchema.safeParse(event.data);
      if (!reply.success) reject(new Error('the verifying worker answered unexpectedly'));
      else if (!reply.data.ok) reject(new Error(reply.data.message));
      else resolve(reply.data.verdict);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the verifying worker failed to start'));
    };
    worker.postMessage(range);
  });
}

export async function verifyChain(): Promise<LogVerdict> {
  const bounds = await auditBounds();
  if (!bounds) return { ok: true, checked: 0, brokenAt: null, reason: null, head: null };
  const parts = Math.min(4, Math.max(2, navigator.hardwareConcurrency || 2));
  return joinVerdicts(await Promise.all(splitBounds(bounds, parts).map(verifyInWorker)));
}
