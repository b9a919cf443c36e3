/**
 * The audit log as a hash chain: each entry stores the previous entry's hash
 * and SHA-256(previous hash + the entry), so any edit, insertion or deletion
 * shows when the chain is verified.
 */
import type { AuditRecord, MutationRecord } from './db';
import { sha256Hex } from './sha256';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>;
/** What the hash covers, whatever the fields' static types (a stored record or an exported row). */
type HashedFields = { [K in keyof AuditFields]: unknown };

/** A fixed field order, so the hash does not depend on how the object was built. */
export function canonicalEntry(e: HashedFields): string {
  // Fields added later are hashed only when present, so older entries keep their hashes.
  const approval = e.approval === undefined || e.approval === null ? [] : [approvalPart(e.approval)];
  return JSON.stringify([
    e.at,
    e.actionId,
    e.type,
    e.bucket,
    e.paramsSummary,
    e.idempotencyKey,
    e.requestedBy ?? null,
    e.startedAt,
    e.finishedAt,
    e.status,
    e.code,
    e.message,
    e.httpStatus,
    e.mutated,
    e.linkedinRequests,
    e.account,
    ...approval,
  ]);
}

/** The approval in a fixed key order (decision, by, at), whatever order it was built or parsed in. */
function approvalPart(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const a = value as Record<string, unknown>;
  return [a['decision'], a['by'], a['at']];
}

/** What an entry's hash covers: the previous entry's hash, a newline, the entry's fields. */
export function hashInput(prevHash: string, e: HashedFields): string {
  return `${prevHash}\n${canonicalEntry(e)}`;
}

export function entryHash(prevHash: string, e: HashedFields): string {
  return sha256Hex(hashInput(prevHash, e));
}

/** The audit object store of a readwrite transaction (as idb gives it). */
export interface AuditStoreLike {
  openCursor(query: null, direction: 'prev'): Promise<{ value: AuditRecord } | null>;
  add(value: AuditRecord): Promise<number>;
}

/** The mutations store (db.ts) of the same transaction. */
export interface MutationStoreLike {
  put(value: MutationRecord): Promise<unknown>;
}

/**
 * Appends inside the caller's transaction (synchronous hashing keeps it
 * open), and indexes the entry for the rolling limits when it sent a write.
 */
export async function appendAudit(
  stores: { audit: AuditStoreLike; mutations: MutationStoreLike },
  entry: AuditFields,
): Promise<void> {
  const last = await stores.audit.openCursor(null, 'prev');
  const prevHash = last?.value.hash ?? GENESIS_HASH;
  const seq = await stores.audit.add({ ...entry, prevHash, hash: entryHash(prevHash, entry) });
  if (entry.mutated) await stores.mutations.put({ bucket: entry.bucket, at: entry.at, seq });
}

/** Why the chain does not hold at an entry: a code, which the audit page words (ui/audit/chain-text.ts). */
export const CHAIN_BREAKS = ['link_broken', 'content_altered'] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first entry whose link or hash does not hold. */
  brokenAt: number | null;
  /** A ChainBreak; typed as the Web Workers of Verify chain post it (ui/audit/verify.ts). */
  reason: string | null;
}

/** Walks entries in order, hashing each; pure, so tests and the jobs store share it. */
export function verifyEntries(
  entries: Iterable<AuditRecord>,
  start: { prevHash: string; checked: number } = { prevHash: GENESIS_HASH, checked: 0 },
): ChainVerdict & { prevHash: string } {
  const list = [...entries];
  return checkChain(
    list,
    list.map((e) => entryHash(e.prevHash ?? '', e)),
    start,
  );
}

/**
 * The verdict on entries in order, given what each one's hash computes to
 * (`hashes[i]` covers `entries[i].prevHash` and its fields): the hashing can
 * then run anywhere, e.g. WebCrypto in parallel. The first break wins.
 */
export function checkChain(
  entries: readonly AuditRecord[],
  hashes: readonly string[],
  start: { prevHash: string; checked: number },
): ChainVerdict & { prevHash: string } {
  let prevHash = start.prevHash;
  let checked = start.checked;
  for (const [i, e] of entries.entries()) {
    checked++;
    if (e.prevHash !== prevHash) {
      return {
        ok: false,
        checked,
        brokenAt: e.seq ?? null,
        reason: 'link_broken' satisfies ChainBreak,
        prevHash,
      };
    }
    if (e.hash === undefined || e.hash !== hashes[i]) {
      return {
        ok: false,
        checked,
        brokenAt: e.seq ?? null,
        reason: 'content_altered' satisfies ChainBreak,
        prevHash,
      };
    }
    prevHash = e.hash;
  }
  return { ok: true, checked, brokenAt: null, reason: null, prevHash };
}

/** An exported row: the hashed fields plus its place in the chain. */
export type ExportedEntry = HashedFields & { seq: number; prevHash: string | null; hash: string | null };

export interface ExportVerdict {
  checked: number;
  /** The first altered entry (by seq), and how it shows. */
  altered: { seq: number; reason: string } | null;
  /** Where an entry does not link to the one before it in the file: entries left out by a filter, or removed. */
  gaps: Array<{ afterSeq: number; seq: number }>;
  /** Begins with the first entry ever written and has no gap: the whole log up to its newest entry. */
  complete: boolean;
  /** The newest entry in the file: compare its hash with one noted from the audit page. */
  head: { seq: number; hash: string | null } | null;
}

/**
 * Checks an export (any order, possibly filtered): every entry must match its
 * own hash. Links are checked between neighbours in the file: a break between
 * consecutive seq numbers (nothing can lie between them) means the earlier one
 * was edited and re-hashed; any other break is a gap, since a filtered export
 * leaves entries out.
 */
export function verifyExport(rows: readonly ExportedEntry[]): ExportVerdict {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  const gaps: ExportVerdict['gaps'] = [];
  let altered: ExportVerdict['altered'] = null;
  for (const [i, row] of sorted.entries()) {
    const before = sorted[i - 1];
    if (before && row.prevHash !== before.hash) {
      if (row.seq === before.seq + 1)
        altered ??= { seq: before.seq, reason: 'the next entry does not link to it (edited, then re-hashed)' };
      else gaps.push({ afterSeq: before.seq, seq: row.seq });
    }
    if (row.prevHash === null || row.hash === null) altered ??= { seq: row.seq, reason: 'it has no hash' };
    else if (row.hash !== entryHash(row.prevHash, row))
      altered ??= { seq: row.seq, reason: 'its content does not match its hash' };
  }
  const complete = sorted.length === 0 || (sorted[0]?.prevHash === GENESIS_HASH && gaps.length === 0);
  const last = sorted.at(-1);
  return { checked: sorted.length, altered, gaps, complete, head: last ? { seq: last.seq, hash: last.hash } : null };
}

/**
 * Where a noted hash (from Verify chain) sits in an export: found and reached
 * from the first entry with no gap or alteration up to it means nothing up to
 * that entry changed since the hash was noted.
 */
export function findAnchor(
  rows: readonly ExportedEntry[],
  hash: string,
  verdict: ExportVerdict,
): { seq: number; provenFromStart: boolean } | null {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  const anchor = sorted.find((r) => r.hash === hash);
  if (!anchor) return null;
  const provenFromStart =
    sorted[0]?.prevHash === GENESIS_HASH &&
    !verdict.gaps.some((g) => g.seq <= anchor.seq) &&
    (verdict.altered === null || verdict.altered.seq > anchor.seq);
  return { seq: anchor.seq, provenFromStart };
}
