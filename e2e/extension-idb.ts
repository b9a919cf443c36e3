/**
 * Reads and writes the extension's IndexedDB from its own service worker
 * (Playwright `worker.evaluate`), bypassing the extension's code: for tests,
 * the demo and the benchmark to inspect, seed or tamper with its stores.
 */
import type { Worker } from '@playwright/test';

export const EXTENSION_DB = 'outbound-executor';

/** Every record of a store, in key order. */
export async function readStore<T>(worker: Worker, store: string): Promise<T[]> {
  return worker.evaluate(
    ([dbName, storeName]) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => {
            db.close();
            reject(request.error);
          };
        };
      }),
    [EXTENSION_DB, store] as const,
  );
}

/** Writes records in one readwrite transaction (`put` replaces, `add` appends). */
export async function writeStore(
  worker: Worker,
  store: string,
  records: unknown[],
  mode: 'put' | 'add' = 'put',
): Promise<void> {
  await worker.evaluate(
    ([dbName, storeName, rows, how]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(storeName, 'readwrite');
          const target = tx.objectStore(storeName);
          for (const row of rows) {
            if (how === 'add') target.add(row);
            else target.put(row);
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
    [EXTENSION_DB, store, records, mode] as const,
  );
}

/** Empties a store. */
export async function clearStore(worker: Worker, store: string): Promise<void> {
  await worker.evaluate(
    ([dbName, storeName]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(storeName, 'readwrite').objectStore(storeName).clear();
          request.onsuccess = () => {
            db.close();
            resolve();
          };
          request.onerror = () => {
            db.close();
            reject(request.error);
          };
        };
      }),
    [EXTENSION_DB, store] as const,
  );
}
