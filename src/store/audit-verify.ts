/**
 * Verify chain over the whole log: ranges are read a few at a time
 * (audit-read.ts) and each chunk is hashed with WebCrypto, all its digests in
 * parallel and off this thread, while the next chunk is read and prepared.
 * Nothing here runs inside a transaction, so awaiting crypto.subtle is fine.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { checkChain, type ChainVerdict, GENESIS_HASH, hashInput } from './audit-chain';
import { auditChunks, type ChunkOptions } from './audit-read';
import type { AuditRecord } from './db';

/** The whole log's verdict, with the newest entry's hash: noted down, it anchors later checks of exports. */
export type LogVerdict = ChainVerdict & { head: { seq: number; hash: string } | null };

/** SHA-256 of each text, lowercase hex, in order. */
export type HashMany = (texts: readonly string[]) => Promise<string[]>;

const encoder = new TextEncoder();

export const webCryptoHashMany: HashMany = async (texts) => {
  const digests = await Promise.all(texts.map((t) => crypto.subtle.digest('SHA-256', encoder.encode(t))));
  return digests.map((d) => bytesToHex(new Uint8Array(d)));
};

function hashChunk(rows: readonly AuditRecord[], hashMany: HashMany): Promise<string[]> {
  return hashMany(rows.map((e) => hashInput(e.prevHash ?? '', e)));
}

/** Oldest first; a chunk's hashes are checked once the next chunk's hashing has started. */
export async function verifyAuditChain(opts: ChunkOptions & { hashMany?: HashMany } = {}): Promise<LogVerdict> {
  const hashMany = opts.hashMany ?? webCryptoHashMany;
  let state = { prevHash: GENESIS_HASH, checked: 0 };
  let head: LogVerdict['head'] = null;
  let previous: { rows: AuditRecord[]; hashes: Promise<string[]> } | null = null;
  const check = async (chunk: { rows: AuditRecord[]; hashes: Promise<string[]> }): Promise<LogVerdict | null> => {
    const verdict = checkChain(chunk.rows, await chunk.hashes, state);
    if (!verdict.ok)
      return { ok: false, checked: verdict.checked, brokenAt: verdict.brokenAt, reason: verdict.reason, head: null };
    state = { prevHash: verdict.prevHash, checked: verdict.checked };
    const last = chunk.rows.at(-1);
    if (last?.seq !== undefined) head = { seq: last.seq, hash: state.prevHash };
    return null;
  };
  for await (const rows of auditChunks('oldest', opts)) {
    const hashes = hashChunk(rows, hashMany);
    // Checked below or dropped with an earlier break: never an unheard rejection.
    hashes.catch(() => undefined);
    if (previous) {
      const broken = await check(previous);
      if (broken) return broken;
    }
    previous = { rows, hashes };
  }
  if (previous) {
    const broken = await check(previous);
    if (broken) return broken;
  }
  return { ok: true, checked: state.checked, brokenAt: null, reason: null, head };
}
