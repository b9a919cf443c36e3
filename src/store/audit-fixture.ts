/** Test data: a valid audit chain with varied fields (formula-like texts, quotes, nested requestedBy). Tests only. */
import { entryHash, GENESIS_HASH, type AuditFields } from './audit-chain';
import { openDb, type AuditRecord } from './db';

export const FIXTURE_T0 = 1_800_000_000_000;
const TYPES = ['connect', 'message', 'save', 'react', 'follow_member'] as const;
const STATUSES = ['succeeded', 'failed', 'deferred', 'refused'] as const;

/** `atOf` sets each entry's time (default: a minute apart from FIXTURE_T0); it must grow with seq, as appends do. */
export function fixtureChain(n: number, atOf = (seq: number): number => FIXTURE_T0 + seq * 60_000): AuditRecord[] {
  const out: AuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const status = STATUSES[seq % STATUSES.length] ?? 'succeeded';
    const fields: AuditFields = {
      at: atOf(seq),
      actionId: seq % 11 === 0 ? `=HYPERLINK("x${seq}")` : `act_${seq}`,
      type: TYPES[seq % TYPES.length] ?? 'save',
      bucket: 'saves',
      paramsSummary: seq % 7 === 0 ? `text="quoted, ${seq}"\r\nnext` : `post=urn:li:activity:${seq}`,
      idempotencyKey: `k-${seq}`,
      requestedBy:
        seq % 5 === 0 ? null : { principal: seq % 3 === 0 ? '@user' : `user_${seq % 4}`, requestId: `r${seq}` },
      startedAt: atOf(seq) - 900,
      finishedAt: atOf(seq),
      status,
      code: status === 'succeeded' ? null : 'linkedin_error',
      message: seq % 13 === 0 ? '-1 left' : `done ${seq}`,
      httpStatus: status === 'deferred' ? null : 200,
      mutated: status === 'succeeded',
      linkedinRequests: seq % 3,
      account: seq % 17 === 0 ? null : 'urn:li:fsd_profile:ME',
    };
    const hash = entryHash(prevHash, fields);
    out.push({ ...fields, prevHash, hash, seq });
    prevHash = hash;
  }
  return out;
}

/** Writes entries into the (fake) extension database as they are. */
export async function storeEntries(entries: readonly AuditRecord[]): Promise<void> {
  const db = await openDb();
  const tx = db.transaction('audit', 'readwrite');
  await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
}
