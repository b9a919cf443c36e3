/** The durable result outbox: a result stays until the backend says 2xx or 409. */
import { openDb, type OutboxRecord } from './db';

export async function dueOutbox(now: number, limit = 50): Promise<OutboxRecord[]> {
  const db = await openDb();
  // Seq order = creation order, which keeps results of one action in order.
  const all = await db.getAll('outbox', undefined, limit);
  return all.filter((r) => r.nextAttemptAt <= now);
}

/** Delivered: drop the entry and mark its job reported, together. */
export async function removeOutbox(seq: number): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(['outbox', 'jobs'], 'readwrite');
  const entry = await tx.objectStore('outbox').get(seq);
  await tx.objectStore('outbox').delete(seq);
  const jobs = tx.objectStore('jobs');
  const job = entry ? await jobs.get(entry.result.idempotencyKey) : undefined;
  if (job?.state === 'finished') await jobs.put({ ...job, state: 'reported' });
  await tx.done;
}

export async function rescheduleOutbox(seq: number, nextAttemptAt: number, lastError: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction('outbox', 'readwrite');
  const record = await tx.store.get(seq);
  if (record) await tx.store.put({ ...record, attempts: record.attempts + 1, nextAttemptAt, lastError });
  await tx.done;
}

export async function outboxSize(): Promise<number> {
  const db = await openDb();
  return db.count('outbox');
}

export async function earliestOutboxAttempt(): Promise<number | null> {
  const db = await openDb();
  const all = await db.getAll('outbox');
  return all.length ? Math.min(...all.map((r) => r.nextAttemptAt)) : null;
}
