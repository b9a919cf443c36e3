/**
 * The whole audit log, read in seq ranges with a few getAll requests in
 * flight: the browser reads the next ranges while the caller formats or hashes
 * this one. On 100,000 entries (this 2-core machine) one range at a time took
 * 1.4 s, four in flight 0.8 s; a cursor per record is slower still.
 */
import { openDb, type AuditRecord, type Db } from './db';

export interface SeqBounds {
  first: number;
  last: number;
}

export interface ChunkOptions {
  /** Entries per getAll (seq range). */
  chunk?: number;
  /** getAll requests outstanding at once. */
  inFlight?: number;
  /** Only these seqs (default: the whole log as it is now). */
  bounds?: SeqBounds;
}

/** Lowest and highest seq now: entries appended later are not included. */
export async function auditBounds(): Promise<SeqBounds | null> {
  return seqBounds(await openDb());
}

async function seqBounds(db: Db): Promise<SeqBounds | null> {
  const store = db.transaction('audit').store;
  const [first, last] = await Promise.all([store.openKeyCursor(null, 'next'), store.openKeyCursor(null, 'prev')]);
  return first && last ? { first: first.key, last: last.key } : null;
}

function seqRanges(first: number, last: number, chunk: number, order: 'oldest' | 'newest'): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (order === 'oldest')
    for (let lo = first; lo <= last; lo += chunk) ranges.push([lo, Math.min(last, lo + chunk - 1)]);
  else for (let hi = last; hi >= first; hi -= chunk) ranges.push([Math.max(first, hi - chunk + 1), hi]);
  return ranges;
}

/**
 * Chunks of entries, oldest or newest first (within each chunk too). Breaking
 * out of the loop early is fine: the requests still in flight are dropped.
 */
export async function* auditChunks(
  order: 'oldest' | 'newest',
  { chunk = 5000, inFlight = 4, bounds: given }: ChunkOptions = {},
): AsyncGenerator<AuditRecord[]> {
  const db = await openDb();
  const bounds = given ?? (await seqBounds(db));
  if (!bounds) return;
  const ranges = seqRanges(bounds.first, bounds.last, chunk, order);
  const pending: Array<Promise<AuditRecord[]>> = [];
  let next = 0;
  const request = (): void => {
    const range = ranges[next++];
    if (!range) return;
    const rows = db.getAll('audit', IDBKeyRange.bound(range[0], range[1]));
    // Awaited below unless the caller stops early: then nobody must hear a late failure.
    rows.catch(() => undefined);
    pending.push(rows);
  };
  while (next < ranges.length && pending.length < inFlight) request();
  for (let rows = pending.shift(); rows; rows = pending.shift()) {
    const chunkRows = await rows;
    request();
    yield order === 'oldest' ? chunkRows : chunkRows.reverse();
  }
}
