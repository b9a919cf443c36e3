/**
 * Verify chain over the whole log, split into seq ranges that are verified
 * in parallel (the audit page deals them out to Web Workers) and joined: each
 * range checks its own links and hashes, the join checks the seams.
 *
 * Measured on 100,000 entries (this 2-core machine, bench 2026-11-24, same
 * run, load average 1.7–2.6): 1.78 s with synchronous @noble/hashes in the
 * workers, 1.30 s with WebCrypto there (audit-digest.ts). WebCrypto had been
 * no faster on the page's own thread; per entry a digest call costs ~4 µs,
 * noble ~12 µs with its UTF-8 and hex conversions. Reading alone, no hashing,
 * takes 0.8–1.0 s (the browser's IndexedDB work, no faster with more readers,
 * and decoding in the workers): below 1 s is out of reach on two cores.
 */
import { checkChain, type ChainVerdict, entryHash, GENESIS_HASH } from './audit-chain';
import { auditChunks, type ChunkOptions, type SeqBounds } from './audit-read';
import type { AuditRecord } from './db';

/** The whole log's verdict, with the newest entry's hash: noted down, it anchors later checks of exports. */
export type LogVerdict = ChainVerdict & { head: { seq: number; hash: string } | null };

/** One range's verdict: its links and hashes, and what the join needs to check the seam before it. */
export interface RangeVerdict {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason: string | null;
  /** The stored prevHash of the range's first entry (null: the range is empty). */
  firstPrevHash: string | null;
  firstSeq: number | null;
  /** The range's newest entry (when ok). */
  last: { seq: number; hash: string } | null;
}

/** The hashes of a chunk's entries, in order (what entryHash gives each): synchronously, or with WebCrypto (audit-digest.ts). */
export type HashChunk = (rows: readonly AuditRecord[]) => Promise<readonly string[]> | readonly string[];

/** Where a range's time went, in ms (the audit page leaves it for the benchmark). */
export interface RangeTiming {
  /** Waiting for each chunk: the browser reading it, then decoding it on this thread. */
  readMs: number;
  /** Hashing on this thread (with WebCrypto: building the inputs and issuing the digests). */
  hashMs: number;
  /** Then waiting for the digests (WebCrypto). */
  digestWaitMs: number;
  checkMs: number;
}

export interface VerifyOptions extends ChunkOptions {
  /** Default: entryHash (@noble/hashes, synchronous). */
  hashChunk?: HashChunk;
  /** Added to as the range is verified. */
  timing?: RangeTiming;
}

const entryHashes: HashChunk = (rows) => rows.map((e) => entryHash(e.prevHash ?? '', e));

/** Verifies the entries in `bounds` (oldest first) against their own first link. */
export async function verifyRange(bounds: SeqBounds, opts: VerifyOptions = {}): Promise<RangeVerdict> {
  const { hashChunk = entryHashes, timing = { readMs: 0, hashMs: 0, digestWaitMs: 0, checkMs: 0 } } = opts;
  let state: { prevHash: string; checked: number } | null = null;
  let firstSeq: number | null = null;
  let firstPrevHash: string | null = null;
  let last: RangeVerdict['last'] = null;
  let t = performance.now();
  for await (const rows of auditChunks('oldest', { ...opts, bounds })) {
    const arrived = performance.now();
    timing.readMs += arrived - t;
    const first = rows[0];
    if (!first) continue;
    if (state === null) {
      firstSeq = first.seq ?? null;
      firstPrevHash = first.prevHash ?? null;
      state = { prevHash: first.prevHash ?? '', checked: 0 };
    }
    const pending = hashChunk(rows);
    const issued = performance.now();
    const hashes = await pending;
    const hashed = performance.now();
    const v = checkChain(rows, hashes, state);
    t = performance.now();
    timing.hashMs += issued - arrived;
    timing.digestWaitMs += hashed - issued;
    timing.checkMs += t - hashed;
    if (!v.ok) return { ...v, firstPrevHash, firstSeq, last: null };
    state = { prevHash: v.prevHash, checked: v.checked };
    const newest = rows.at(-1);
    if (newest?.seq !== undefined) last = { seq: newest.seq, hash: v.prevHash };
  }
  return { ok: true, checked: state?.checked ?? 0, brokenAt: null, reason: null, firstPrevHash, firstSeq, last };
}

/** `parts` ranges of about equal size covering `bounds`, oldest first. */
export function splitBounds(bounds: SeqBounds, parts: number): SeqBounds[] {
  const size = Math.ceil((bounds.last - bounds.first + 1) / Math.max(1, parts));
  const out: SeqBounds[] = [];
  for (let first = bounds.first; first <= bounds.last; first += size)
    out.push({ first, last: Math.min(bounds.last, first + size - 1) });
  return out;
}

/**
 * Joins range verdicts (oldest first) into the log's: the first break wins,
 * and a range whose first entry does not link to the previous range's
 * newest one (or, for the first range, to the genesis hash) is a broken link.
 */
export function joinVerdicts(ranges: readonly RangeVerdict[]): LogVerdict {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let head: LogVerdict['head'] = null;
  for (const r of ranges) {
    if (r.firstSeq === null) continue;
    if (r.firstPrevHash !== prevHash)
      return {
        ok: false,
        checked: checked + 1,
        brokenAt: r.firstSeq,
        reason: 'link_broken',
        head: null,
      };
    if (!r.ok) return { ok: false, checked: checked + r.checked, brokenAt: r.brokenAt, reason: r.reason, head: null };
    checked += r.checked;
    if (r.last) {
      head = r.last;
      prevHash = r.last.hash;
    }
  }
  return { ok: true, checked, brokenAt: null, reason: null, head };
}
