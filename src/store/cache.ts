/** A small expiring key/value cache in IndexedDB (profile URNs, relationships, company ids). */
import { openDb } from './db';

export async function cacheGet<T>(
  key: string,
  now: number,
  parse: (v: unknown) => T | undefined,
): Promise<T | undefined> {
  const db = await openDb();
  const record = await db.get('cache', key);
  if (!record || record.expiresAt <= now) return undefined;
  return parse(record.value);
}

export async function cachePut(key: string, value: unknown, expiresAt: number): Promise<void> {
  const db = await openDb();
  await db.put('cache', { key, value, expiresAt });
}

export async function cacheDelete(key: string): Promise<void> {
  const db = await openDb();
  await db.delete('cache', key);
}
