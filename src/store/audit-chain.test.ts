import { describe, expect, it } from 'vitest';
import { entryHash, findAnchor, GENESIS_HASH, verifyExport, type AuditFields, type ExportedEntry } from './audit-chain';

const fields = (i: number): AuditFields => ({
  at: 1_800_000_000_000 + i,
  actionId: `a${i}`,
  type: 'save',
  bucket: 'saves',
  paramsSummary: `post ${i}`,
  idempotencyKey: `k${i}`,
  requestedBy: { principal: 'p' },
  startedAt: 1,
  finishedAt: 2,
  status: 'succeeded',
  code: null,
  message: 'ok',
  httpStatus: 200,
  mutated: true,
  linkedinRequests: 1,
  account: 'urn:li:fsd_profile:ME',
});

/** A chain of n entries as the export writes them (seq from 1). */
function chain(n: number): ExportedEntry[] {
  const out: ExportedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const f = fields(i);
    const hash = entryHash(prev, f);
    out.push({ ...f, seq: i, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('verifyExport', () => {
  it('accepts a complete export in either order', () => {
    const rows = chain(5);
    const head = { seq: 5, hash: rows[4]?.hash };
    expect(verifyExport(rows)).toEqual({ checked: 5, altered: null, gaps: [], complete: true, head });
    expect(verifyExport([...rows].reverse())).toEqual({ checked: 5, altered: null, gaps: [], complete: true, head });
    expect(verifyExport([])).toEqual({ checked: 0, altered: null, gaps: [], complete: true, head: null });
  });

  it('lists the gaps of a filtered export without calling it altered', () => {
    const rows = chain(6).filter((r) => r.seq !== 3 && r.seq !== 4);
    expect(verifyExport(rows)).toMatchObject({
      checked: 4,
      altered: null,
      gaps: [{ afterSeq: 2, seq: 5 }],
      complete: false,
    });
    const tail = chain(6).slice(2);
    expect(verifyExport(tail)).toMatchObject({ gaps: [], complete: false });
  });

  it('names the first altered entry, including one that was re-hashed after the edit', () => {
    const rows = chain(4);
    const edited = rows.map((r) => (r.seq === 2 ? { ...r, status: 'failed' } : r));
    expect(verifyExport(edited)).toMatchObject({ altered: { seq: 2, reason: 'its content does not match its hash' } });
    // Re-hashing the edited entry keeps it self-consistent but breaks the link to its neighbour.
    const rehashed = rows.map((r) =>
      r.seq === 2 ? { ...r, message: 'edited', hash: entryHash(r.prevHash ?? '', { ...r, message: 'edited' }) } : r,
    );
    expect(verifyExport(rehashed)).toMatchObject({
      altered: { seq: 2, reason: 'the next entry does not link to it (edited, then re-hashed)' },
      gaps: [],
    });
    expect(verifyExport(rows.map((r) => (r.seq === 3 ? { ...r, hash: null } : r)))).toMatchObject({
      altered: { seq: 3, reason: 'it has no hash' },
    });
  });
});

describe('findAnchor', () => {
  it('proves the entries up to a noted hash only when the file holds all of them unaltered', () => {
    const rows = chain(5);
    const noted = rows[2]?.hash ?? '';
    expect(findAnchor(rows, noted, verifyExport(rows))).toEqual({ seq: 3, provenFromStart: true });
    const partial = rows.filter((r) => r.seq !== 2);
    expect(findAnchor(partial, noted, verifyExport(partial))).toEqual({ seq: 3, provenFromStart: false });
    const later = rows.filter((r) => r.seq !== 4);
    expect(findAnchor(later, noted, verifyExport(later))).toEqual({ seq: 3, provenFromStart: true });
    expect(findAnchor(rows, 'f'.repeat(64), verifyExport(rows))).toBeNull();
  });
});
