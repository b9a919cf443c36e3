/**
 * The IndexedDB schema (via idb) and its migrations. The service worker may
 * die between any two awaits, so everything that must survive lives here:
 * jobs (one per idempotency key), the result outbox, the audit log, caches.
 * v2 adds `mutations`, the rolling limits' index into the audit log.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { ActionResult, Bucket, LeasedAction } from '../../contract/protocol';

import type { JobState } from './job-state';

export type { JobState };

export interface JobRecord {
  /** The idempotency key: one job per key, whatever action id carries it. */
  key: string;
  actionId: string;
  action: LeasedAction;
  state: JobState;
  leasedAt: number;
  attempts: number;
  startedAt?: number;
  /** Written before the mutation: what is needed to recognise it later. */
  intent?: Record<string, unknown>;
  result?: ActionResult;
  finishedAt?: number;
  /** Set when the action waits (or waited) for the user's approval (safety/approval.ts). */
  approval?: JobApproval;
}

/** Who decided: the person at this browser, through the popup (the only way to decide). */
export const LOCAL_USER = 'local user (popup)';

export interface JobApproval {
  /** When it started to wait. */
  requestedAt: number;
  /** The target as the executor already knew it when it started to wait (a cached name), else null. */
  targetName: string | null;
  decision?: 'approved' | 'rejected';
  by?: string;
  at?: number;
}

/** The approval as the audit log keeps it: who decided, and when. */
export interface AuditApproval {
  decision: 'approved' | 'rejected';
  by: string;
  at: number;
}

export interface OutboxRecord {
  seq?: number;
  actionId: string;
  result: ActionResult;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
}

export interface AuditRecord {
  seq?: number;
  at: number;
  actionId: string;
  type: string;
  bucket: Bucket | 'none';
  paramsSummary: string;
  idempotencyKey: string;
  requestedBy: unknown;
  startedAt: number;
  finishedAt: number;
  status: ActionResult['status'];
  code: ActionResult['code'];
  message: string;
  httpStatus: number | null;
  /** True when a mutation request reached LinkedIn: what the throttles count. */
  mutated: boolean;
  linkedinRequests: number;
  account: string | null;
  /** Present only for actions that waited for the user's approval (hashed only when present). */
  approval?: AuditApproval;
  /** Hash chain (audit-chain.ts): the previous entry's hash and this entry's. */
  prevHash?: string;
  hash?: string;
}

/**
 * One per audit entry that sent a write to LinkedIn (`mutated`), written in
 * the same transaction. The key is the whole record, so the limits read a
 * window as keys only (getAllKeys over [bucket, since]…): no entry is
 * deserialised, and the cost follows the window, never the log.
 */
export interface MutationRecord {
  bucket: string;
  at: number;
  seq: number;
}

export interface CacheRecord {
  key: string;
  value: unknown;
  expiresAt: number;
}

interface ExecutorDb extends DBSchema {
  jobs: { key: string; value: JobRecord; indexes: { byState: JobState; byFinishedAt: number } };
  outbox: { key: number; value: OutboxRecord; indexes: { byAction: string } };
  audit: {
    key: number;
    value: AuditRecord;
    indexes: { byAt: number; byBucketAt: [string, number]; byAction: string };
  };
  mutations: { key: [string, number, number]; value: MutationRecord };
  cache: { key: string; value: CacheRecord };
}

export type Db = IDBPDatabase<ExecutorDb>;
export const DB_NAME = 'outbound-executor';
const DB_VERSION = 2;
/** The widest rolling window (7 days) and a day to spare: older mutations count toward no limit. */
export const MUTATION_BACKFILL_MS = 8 * 24 * 3600_000;

type UpgradeTx = IDBPTransaction<ExecutorDb, StoreNames<ExecutorDb>[], 'versionchange'>;

/** v1 → v2: index the mutations recent enough to count, oldest first (a range of byAt, not the whole log). */
async function backfillMutations(tx: UpgradeTx, since: number): Promise<void> {
  const mutations = tx.objectStore('mutations');
  const byAt = tx.objectStore('audit').index('byAt');
  for (let cursor = await byAt.openCursor(IDBKeyRange.lowerBound(since)); cursor; cursor = await cursor.continue()) {
    const e = cursor.value;
    if (e.mutated && e.seq !== undefined) await mutations.put({ bucket: e.bucket, at: e.at, seq: e.seq });
  }
}

let dbPromise: Promise<Db> | undefined;

export function openDb(): Promise<Db> {
  dbPromise ??= openDB<ExecutorDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const jobs = db.createObjectStore('jobs', { keyPath: 'key' });
        jobs.createIndex('byState', 'state');
        jobs.createIndex('byFinishedAt', 'finishedAt');
        const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        outbox.createIndex('byAction', 'actionId');
        const audit = db.createObjectStore('audit', { keyPath: 'seq', autoIncrement: true });
        audit.createIndex('byAt', 'at');
        audit.createIndex('byBucketAt', ['bucket', 'at']);
        audit.createIndex('byAction', 'actionId');
        db.createObjectStore('cache', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('mutations', { keyPath: ['bucket', 'at', 'seq'] });
        // A failed request aborts the upgrade transaction, and with it the open: nothing half-done stays.
        if (oldVersion >= 1) backfillMutations(tx, Date.now() - MUTATION_BACKFILL_MS).catch(() => undefined);
      }
    },
    // Another context (e.g. a newer worker) wants to upgrade: let it.
    blocking() {
      void dbPromise?.then((db) => db.close());
      dbPromise = undefined;
    },
  });
  return dbPromise;
}

/** For unit tests with fake-indexeddb: forget the memoised connection. */
export function resetDbForTests(): void {
  dbPromise = undefined;
}
