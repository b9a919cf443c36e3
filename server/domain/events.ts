/**
 * "An action was queued for executor X" and "action Y is final", delivered
 * in this process at once and, on Postgres, to every other replica through
 * NOTIFY (each replica LISTENs; its own notifications are skipped, since it
 * already delivered them locally).
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Db } from '../storage/db';

const QUEUED = 'outbound_queued';
const FINAL = 'outbound_final';

export interface Events {
  queued(executorId: string): void;
  final(actionId: string): void;
  onQueued(cb: (executorId: string) => void): () => void;
  onFinal(actionId: string, cb: () => void): () => void;
  onAnyFinal(cb: (actionId: string) => void): () => void;
  close(): Promise<void>;
}

export async function createEvents(db: Db): Promise<Events> {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const replica = randomUUID();
  const stops: Array<() => Promise<void>> = [];
  const fromOthers = (kind: string) => (payload: string) => {
    const [from, id] = payload.split(':', 2);
    if (from !== replica && id) bus.emit(kind, id);
  };
  if (db.kind === 'postgres') {
    stops.push(await db.listen(QUEUED, fromOthers(QUEUED)));
    stops.push(await db.listen(FINAL, fromOthers(FINAL)));
  }
  // Notifications of one tick go out in one query: a burst of results costs one round trip, not one each.
  let outgoing: Array<[string, string]> = [];
  const flush = (): void => {
    const batch = outgoing;
    outgoing = [];
    db.query('SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) AS n(c, p)', [
      batch.map(([c]) => c),
      batch.map(([, p]) => p),
    ]).catch((err: unknown) => console.error(`notify: ${err instanceof Error ? err.message : String(err)}`));
  };
  const publish = (kind: string, id: string): void => {
    bus.emit(kind, id);
    if (db.kind !== 'postgres') return;
    if (outgoing.length === 0) setImmediate(flush);
    outgoing.push([kind, `${replica}:${id}`]);
  };
  return {
    queued: (executorId) => publish(QUEUED, executorId),
    final: (actionId) => publish(FINAL, actionId),
    onQueued(cb) {
      bus.on(QUEUED, cb);
      return () => bus.off(QUEUED, cb);
    },
    onFinal(actionId, cb) {
      const listener = (id: string): void => {
        if (id === actionId) cb();
      };
      bus.on(FINAL, listener);
      return () => bus.off(FINAL, listener);
    },
    onAnyFinal(cb) {
      bus.on(FINAL, cb);
      return () => bus.off(FINAL, cb);
    },
    async close() {
      for (const stop of stops) await stop();
      bus.removeAllListeners();
    },
  };
}
