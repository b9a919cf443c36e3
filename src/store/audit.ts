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

/** Ascending times of mutations sent for a bucket since `since` (index range on [bucket, at], no scan). */
export async function mutationTimes(bucket: string, since: number): Promise<number[]> {
  const db = await openDb();
  const range = IDBKeyRange.bound([bucket, since], [bucket, Number.MAX_SAFE_INTEGER]);
  const rows = await db.getAllFromIndex('audit', 'byBucketAt', range);
  return rows.filter((r) => r.mutated).map((r) => r.at);
}
