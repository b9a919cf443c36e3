/**
 * The extension's IndexedDB ('outbound-executor'), read and written inside its
 * own service worker with worker.evaluate (the functions below are serialised
 * and run there, so they use nothing from this module's scope).
 */
import type { Worker } from '@playwright/test';
import { clearStore, readStore } from '../../e2e/extension-idb';
import type { AuditRecord } from '../../src/store/db';

/**
 * tsx (esbuild keepNames) may wrap functions in `__name(...)`, which does not
 * exist in the worker; define it there as the identity before each call.
 */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn; undefined';

async function ready(worker: Worker): Promise<Worker> {
  await worker.evaluate(NAME_SHIM);
  return worker;
}

export interface CacheEntry {
  key: string;
  expiresAt: number;
}

/**
 * True once the extension has created its database with the 'audit' store. Never
 * creates the database itself: an open that would create it is aborted, so the
 * extension's own upgrade still runs later.
 */
export async function databaseReady(worker: Worker): Promise<boolean> {
  return (await ready(worker)).evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'outbound-executor')) return false;
    return new Promise<boolean>((resolve) => {
      const open = indexedDB.open('outbound-executor');
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onerror = () => resolve(false);
      open.onsuccess = () => {
        const ok = open.result.objectStoreNames.contains('audit') && open.result.objectStoreNames.contains('cache');
        open.result.close();
        resolve(ok);
      };
    });
  });
}

export async function waitForDatabase(getWorker: () => Promise<Worker>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await databaseReady(await getWorker()))) {
    if (Date.now() > deadline) throw new Error(`the extension did not create its IndexedDB within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Empties the 'cache' store (slug→URN, relationship, invitation, reaction-type, company caches). */
export async function clearCache(worker: Worker): Promise<void> {
  await clearStore(await ready(worker), 'cache');
}

export async function cacheEntries(worker: Worker): Promise<CacheEntry[]> {
  const rows = await readStore<{ key: string; expiresAt: number }>(await ready(worker), 'cache');
  return rows.map((r) => ({ key: r.key, expiresAt: r.expiresAt }));
}

/** Audit entries of the given action ids (index byAction), oldest first. */
export async function auditOf(worker: Worker, actionIds: string[]): Promise<AuditRecord[]> {
  return (await ready(worker)).evaluate(
    (ids) =>
      new Promise<AuditRecord[]>((resolve, reject) => {
        const open = indexedDB.open('outbound-executor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('audit');
          const index = tx.objectStore('audit').index('byAction');
          const out: AuditRecord[] = [];
          for (const id of ids) {
            const request = index.getAll(id);
            request.onsuccess = () => out.push(...(request.result as AuditRecord[]));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)));
          };
          tx.onerror = () => {
            db.close();
            reject(tx.error);
          };
        };
      }),
    actionIds,
  );
}

export interface AuditTail {
  count: number;
  lastSeq: number | null;
  lastHash: string | null;
}

/** How many audit entries there are, and the newest one's seq and hash (to continue the chain). */
export async function auditTail(worker: Worker): Promise<AuditTail> {
  return (await ready(worker)).evaluate(
    () =>
      new Promise<AuditTail>((resolve, reject) => {
        const open = indexedDB.open('outbound-executor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('audit');
          const store = tx.objectStore('audit');
          const tail: AuditTail = { count: 0, lastSeq: null, lastHash: null };
          const count = store.count();
          count.onsuccess = () => {
            tail.count = count.result;
          };
          const cursor = store.openCursor(null, 'prev');
          cursor.onsuccess = () => {
            const value = cursor.result?.value as AuditRecord | undefined;
            if (value) {
              tail.lastSeq = value.seq ?? null;
              tail.lastHash = value.hash ?? null;
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve(tail);
          };
          tx.onerror = () => {
            db.close();
            reject(tx.error);
          };
        };
      }),
  );
}

/**
 * Writes entries (with their seq) in one readwrite transaction, and, in a
 * build whose database has the `mutations` store (v2), their mutation rows,
 * as appendAudit does. They cross to the worker as one JSON string:
 * Playwright serialises a string far faster than thousands of objects
 * (100,000 entries took 41 s as objects).
 */
export async function putAudit(worker: Worker, records: AuditRecord[]): Promise<void> {
  await (await ready(worker)).evaluate(
    (json) =>
      new Promise<void>((resolve, reject) => {
        const rows = JSON.parse(json) as AuditRecord[];
        const open = indexedDB.open('outbound-executor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const indexed = db.objectStoreNames.contains('mutations');
          const tx = db.transaction(indexed ? ['audit', 'mutations'] : ['audit'], 'readwrite');
          const store = tx.objectStore('audit');
          const mutations = indexed ? tx.objectStore('mutations') : null;
          for (const row of rows) {
            store.put(row);
            if (mutations && row.mutated) mutations.put({ bucket: row.bucket, at: row.at, seq: row.seq });
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => {
            db.close();
            reject(tx.error);
          };
        };
      }),
    JSON.stringify(records),
  );
}
