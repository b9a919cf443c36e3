/** Reads of the audit log (writes happen in jobs.finishJob, atomically with the outbox). */
import { openDb, type AuditRecord } from './db';

export async function recentAudit(limit: number): Promise<AuditRecord[]> {
  const db = await openDb();
  const out: AuditRecord[] = [];
  let cursor = await db.transaction('audit').store.index('byAt').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/**
 * Ascending times of mutations sent since `since`, for each bucket (in their
 * order), in one read transaction: per bucket a key range of the mutations
 * store, read as keys only ([bucket, at, seq]), so the cost is the window's
 * mutations, whatever the size of the log.
 */
export async function mutationTimesByBucket(buckets: readonly string[], since: number): Promise<number[][]> {
  const tx = (await openDb()).transaction('mutations');
  const keys = await Promise.all(
    buckets.map((b) => tx.store.getAllKeys(IDBKeyRange.bound([b, since], [b, Number.POSITIVE_INFINITY]))),
  );
  return keys.map((list) => list.map(([, at]) => at));
}
