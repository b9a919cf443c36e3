/**
 * The audit log as a hash chain: each entry stores the previous entry's hash
 * and SHA-256(previous hash + the entry), so any edit, insertion or deletion
 * shows when the chain is verified.
 */
import type { AuditRecord } from './db';
import { sha256Hex } from './sha256';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>;

/** A fixed field order, so the hash does not depend on how the object was built. */
export function canonicalEntry(e: AuditFields): string {
  return JSON.stringify([
    e.at, e.actionId, e.type, e.bucket, e.paramsSummary, e.idempotencyKey, e.requestedBy ?? null, e.startedAt, e.finishedAt,
    e.status, e.code, e.message, e.httpStatus, e.mutated, e.linkedinRequests, e.account,
  ]);
}

export function entryHash(prevHash: string, e: AuditFields): string {
  return sha256Hex(`${prevHash}\n${canonicalEntry(e)}`);
}

/** The audit object store of a readwrite transaction (as idb gives it). */
export interface AuditStoreLike {
  openCursor(query: null, direction: 'prev'): Promise<{ value: AuditRecord } | null>;
  add(value: AuditRecord): Promise<unknown>;
}

/** Appends inside the caller's transaction (synchronous hashing keeps it open). */
export async function appendAudit(store: AuditStoreLike, entry: AuditFields): Promise<void> {
  const last = await store.openCursor(null, 'prev');
  const prevHash = last?.value.hash ?? GENESIS_HASH;
  await store.add({ ...entry, prevHash, hash: entryHash(prevHash, entry) });
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first entry whose link or hash does not hold. */
  brokenAt: number | null;
  reason: string | null;
}

/** Walks entries in order; pure, so the audit page and tests share it. */
export function verifyEntries(entries: Iterable<AuditRecord>, start: { prevHash: string; checked: number } = { prevHash: GENESIS_HASH, checked: 0 }): ChainVerdict & { prevHash: string } {
  let prevHash = start.prevHash;
  let checked = start.checked;
  for (const e of entries) {
    checked++;
    if (e.prevHash !== prevHash) {
      return { ok: false, checked, brokenAt: e.seq ?? null, reason: 'link to the previous entry is broken (an entry was removed or inserted)', prevHash };
    }
    const { seq: _seq, prevHash: _p, hash, ...fields } = e;
    if (hash !== entryHash(prevHash, fields)) {
      return { ok: false, checked, brokenAt: e.seq ?? null, reason: 'entry content does not match its hash (it was altered)', prevHash };
    }
    prevHash = hash;
  }
  return { ok: true, checked, brokenAt: null, reason: null, prevHash };
}
