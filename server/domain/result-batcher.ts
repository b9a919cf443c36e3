/**
 * Group commit for results: the results that arrive while the database is
 * busy are applied together, in one statement (one commit, one WAL flush,
 * one round trip), and each request is answered after it. Under load this
 * is most of a result's cost; alone, a result waits for nothing.
 */
import type { Db } from '../storage/db';
import { applyResults, type ResultWrite } from '../storage/actions';

interface Waiting {
  write: ResultWrite;
  resolve(applied: boolean): void;
  reject(err: unknown): void;
}

const MAX_BATCH = 200;

/**
 * `parallel` batches may be in flight at once: 1 on PGlite (one connection
 * anyway), a few on PostgreSQL so the pool's connections work side by side.
 */
export function resultBatcher(
  db: Db,
  clock: () => Date,
  parallel = db.kind === 'postgres' ? 4 : 1,
): (write: ResultWrite) => Promise<boolean> {
  const queue: Waiting[] = [];
  let running = 0;

  /** Up to MAX_BATCH waiting writes with distinct ids; a repeated id waits for the next batch. */
  function takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const ids = new Set<string>();
    for (let i = 0; i < queue.length && batch.length < MAX_BATCH; ) {
      const w = queue[i];
      if (w && !ids.has(w.write.id)) {
        ids.add(w.write.id);
        batch.push(w);
        queue.splice(i, 1);
      } else i += 1;
    }
    return batch;
  }

  async function drain(): Promise<void> {
    running += 1;
    for (let batch = takeBatch(); batch.length > 0; batch = takeBatch()) {
      try {
        const applied = await applyResults(
          db,
          batch.map((w) => w.write),
          clock(),
        );
        for (const w of batch) w.resolve(applied.has(w.write.id));
      } catch {
        // One bad write must not fail the others: apply them one by one.
        for (const w of batch)
          await applyResults(db, [w.write], clock()).then((applied) => w.resolve(applied.has(w.write.id)), w.reject);
      }
    }
    running -= 1;
  }

  return (write) =>
    new Promise<boolean>((resolve, reject) => {
      queue.push({ write, resolve, reject });
      // After this turn's I/O: the results of requests read in the same turn join the batch.
      if (running < parallel) {
        running += 1;
        setImmediate(() => {
          running -= 1;
          void drain();
        });
      }
    });
}
