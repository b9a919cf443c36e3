/**
 * Group commit for results: the results that arrive while the database is
 * busy are applied together in one transaction (one commit, one WAL flush),
 * and each request is answered after that commit. Under load this is most
 * of a result's cost on PGlite; alone, a result waits for nothing.
 */
import type { Db } from '../storage/db';
import { applyResult, type ResultWrite } from '../storage/actions';

interface Waiting {
  write: ResultWrite;
  resolve(applied: boolean): void;
  reject(err: unknown): void;
}

const MAX_BATCH = 100;

/**
 * `parallel` batches may be in flight at once: 1 on PGlite (one connection
 * anyway), a few on PostgreSQL so the pool's connections work side by side.
 */
export function resultBatcher(db: Db, parallel = db.kind === 'postgres' ? 4 : 1): (write: ResultWrite) => Promise<boolean> {
  const queue: Waiting[] = [];
  let running = 0;

  async function drain(): Promise<void> {
    running += 1;
    while (queue.length > 0) {
      // Sorted by id, so two replicas' batches lock shared rows in one order (no deadlock).
      const batch = queue.splice(0, MAX_BATCH).sort((a, b) => (a.write.id < b.write.id ? -1 : a.write.id > b.write.id ? 1 : 0));
      try {
        const applied = await db.tx(async (q) => {
          const out: boolean[] = [];
          for (const w of batch) out.push(await applyResult(q, w.write));
          return out;
        });
        batch.forEach((w, i) => w.resolve(applied[i] ?? false));
      } catch {
        // One bad write must not fail the others: apply them one by one.
        for (const w of batch) await applyResult(db, w.write).then(w.resolve, w.reject);
      }
    }
    running -= 1;
  }

  return (write) =>
    new Promise<boolean>((resolve, reject) => {
      queue.push({ write, resolve, reject });
      if (running < parallel) void drain();
    });
}
