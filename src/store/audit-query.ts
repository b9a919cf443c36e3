/**
 * Paged, filtered reads of the audit log for the audit page's table (exports: audit-read.ts):
 * newest first, by primary key (append order = time order), so a page costs
 * what it returns plus what the filter skips, never a full load.
 */
import { matchesFilter, type AuditFilter } from '../shared/audit-filter';
import { openDb, type AuditRecord } from './db';

export interface AuditPage {
  rows: AuditRecord[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: number | null;
}

/**
 * Newest first, read with getAll over descending key ranges (seq is append
 * order), in chunks that grow from twice the page size up to 5,000: a page
 * costs what it returns plus what the filter skips, never a full load.
 */
export async function queryAudit(filter: AuditFilter, before: number | null, limit: number): Promise<AuditPage> {
  const db = await openDb();
  const store = db.transaction('audit').store;
  const [first, last] = await Promise.all([store.openKeyCursor(null, 'next'), store.openKeyCursor(null, 'prev')]);
  if (!first || !last) return { rows: [], nextBefore: null };
  const lowest = first.key;
  const lowerText = filter.text.trim().toLowerCase();
  const rows: AuditRecord[] = [];
  let hi = before === null ? last.key : before - 1;
  let chunk = Math.max(2 * limit, 200);
  while (hi >= lowest) {
    const lo = Math.max(lowest, hi - chunk + 1);
    const entries = await db.getAll('audit', IDBKeyRange.bound(lo, hi));
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i] as AuditRecord;
      if (filter.from !== null && e.at < filter.from) return { rows, nextBefore: null };
      if (!matchesFilter(e, filter, lowerText)) continue;
      rows.push(e);
      if (rows.length >= limit) return { rows, nextBefore: (e.seq ?? lowest) > lowest ? (e.seq ?? null) : null };
    }
    hi = lo - 1;
    chunk = Math.min(chunk * 2, 5000);
  }
  return { rows, nextBefore: null };
}

export async function countAudit(): Promise<number> {
  const db = await openDb();
  return db.count('audit');
}
