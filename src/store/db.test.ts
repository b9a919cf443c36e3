import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../time';
import { mutationTimesByBucket } from './audit';
import { verifyEntries } from './audit-chain';
import { fixtureChain } from './audit-fixture';
import { DB_NAME, openDb, resetDbForTests, type AuditRecord } from './db';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

/** The database as version 1 created it (db.ts before v2), with these audit entries and a job. */
function createV1(audit: readonly AuditRecord[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      const jobs = db.createObjectStore('jobs', { keyPath: 'key' });
      jobs.createIndex('byState', 'state');
      jobs.createIndex('byFinishedAt', 'finishedAt');
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('byAction', 'actionId');
      const store = db.createObjectStore('audit', { keyPath: 'seq', autoIncrement: true });
      store.createIndex('byAt', 'at');
      store.createIndex('byBucketAt', ['bucket', 'at']);
      store.createIndex('byAction', 'actionId');
      db.createObjectStore('cache', { keyPath: 'key' });
      for (const e of audit) store.put(e);
      jobs.put({ key: 'k1', state: 'finished' });
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
  });
}

describe('IndexedDB v1 → v2 (the mutations store)', () => {
  it('keeps every record and indexes the mutations of the last 8 days', async () => {
    const now = Date.now();
    // 10 entries from three weeks ago (before any window), then 40 an hour apart, ending now.
    const entries = fixtureChain(50, (seq) => (seq <= 10 ? now - 21 * DAY + seq * HOUR : now - (50 - seq) * HOUR));
    const recent = entries.slice(10);
    await createV1(entries);

    const db = await openDb();
    expect(db.version).toBe(2);
    expect(await db.getAll('audit')).toEqual(entries);
    expect(await db.getAllKeys('jobs')).toEqual(['k1']);
    // The chain is untouched: the migration only adds an index beside it.
    expect(verifyEntries(await db.getAll('audit')).checked).toBe(50);

    const expected = recent.filter((e) => e.mutated).map((e) => ({ bucket: e.bucket, at: e.at, seq: e.seq }));
    expect(expected.length).toBeGreaterThan(5);
    expect(await db.getAll('mutations')).toEqual(
      expected.sort((a, b) => a.bucket.localeCompare(b.bucket) || a.at - b.at),
    );
    expect((await mutationTimesByBucket(['saves'], now - 7 * DAY))[0]).toEqual(
      recent.filter((e) => e.mutated && e.bucket === 'saves').map((e) => e.at),
    );
  });

  it('creates v2 directly on a new install', async () => {
    const db = await openDb();
    expect([...db.objectStoreNames].sort()).toEqual(['audit', 'cache', 'jobs', 'mutations', 'outbox']);
    expect(await db.count('mutations')).toBe(0);
  });
});
