import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { entryHash, verifyEntries } from './audit-chain';
import { fixtureChain, storeEntries } from './audit-fixture';
import { auditBounds } from './audit-read';
import { digestChunk } from './audit-digest';
import {
  type HashChunk,
  joinVerdicts,
  type RangeTiming,
  splitBounds,
  verifyRange,
  type LogVerdict,
} from './audit-verify';
import { resetDbForTests, type AuditRecord } from './db';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

/** Both ways of hashing: synchronous entryHash (the default) and WebCrypto (the audit page's workers). */
const HASHERS: ReadonlyArray<[string, HashChunk | undefined]> = [
  ['entryHash', undefined],
  ['WebCrypto', digestChunk],
];

/** What the audit page does, with `parts` ranges (verified here side by side in this thread instead of in workers). */
async function verifyInParts(parts: number, hashChunk?: HashChunk): Promise<LogVerdict> {
  const bounds = await auditBounds();
  if (!bounds) return joinVerdicts([]);
  const ranges = splitBounds(bounds, parts);
  // Small chunks, several in flight: breaks land inside chunks, on their edges and on the seams between ranges.
  return joinVerdicts(await Promise.all(ranges.map((r) => verifyRange(r, { chunk: 7, inFlight: 3, hashChunk }))));
}

/** The verdict of one walk over the whole log, oldest first (verifyEntries), as the page must report it. */
function sequential(entries: AuditRecord[]): LogVerdict {
  const { prevHash: _p, ...v } = verifyEntries(entries);
  const last = entries.at(-1);
  return { ...v, head: v.ok && last?.seq !== undefined ? { seq: last.seq, hash: last.hash ?? '' } : null };
}

async function expectSameVerdictInParts(entries: AuditRecord[]): Promise<LogVerdict> {
  await storeEntries(entries);
  const expected = sequential(entries);
  for (const [name, hashChunk] of HASHERS)
    for (const parts of [1, 2, 3, 4, 7])
      expect(await verifyInParts(parts, hashChunk), `${name}, ${parts} part(s)`).toEqual(expected);
  return expected;
}

function fresh(): void {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
}

describe('Verify chain in ranges, joined', () => {
  it('accepts an intact log and names its newest entry, in any number of parts', async () => {
    const entries = fixtureChain(50);
    expect(await expectSameVerdictInParts(entries)).toEqual({
      ok: true,
      checked: 50,
      brokenAt: null,
      reason: null,
      head: { seq: 50, hash: entries[49]?.hash },
    });
  });

  it('accepts an empty log', async () => {
    for (const [, hashChunk] of HASHERS)
      expect(await verifyInParts(2, hashChunk)).toEqual({
        ok: true,
        checked: 0,
        brokenAt: null,
        reason: null,
        head: null,
      });
  });

  it('reports where its time went, and hashes nothing after the chunk with the first break', async () => {
    const entries = fixtureChain(40).map((e) => (e.seq === 9 ? { ...e, message: 'edited' } : e));
    await storeEntries(entries);
    const timing: RangeTiming = { readMs: 0, hashMs: 0, digestWaitMs: 0, checkMs: 0 };
    let hashed = 0;
    const counting: HashChunk = (rows) => {
      hashed += rows.length;
      return digestChunk(rows);
    };
    const verdict = await verifyRange({ first: 1, last: 40 }, { chunk: 5, inFlight: 2, hashChunk: counting, timing });
    expect(verdict).toMatchObject({ ok: false, brokenAt: 9, checked: 9 });
    expect(hashed).toBe(10);
    for (const ms of Object.values(timing)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(timing.readMs).toBeGreaterThan(0);
  });

  it('finds the first altered entry wherever it lies: inside a range, first or last of one, the very first', async () => {
    for (const seq of [1, 10, 13, 14, 25, 26, 50]) {
      fresh();
      const entries = fixtureChain(50).map((e) => (e.seq === seq || e.seq === 40 ? { ...e, message: 'edited' } : e));
      expect(await expectSameVerdictInParts(entries)).toMatchObject({
        ok: false,
        brokenAt: Math.min(seq, 40),
        checked: Math.min(seq, 40),
        reason: 'content_altered',
      });
    }
  });

  it('finds a removed entry (also on a seam) and an entry edited then re-hashed', async () => {
    for (const removed of [1, 8, 26, 50]) {
      fresh();
      const entries = fixtureChain(51).filter((e) => e.seq !== removed);
      const verdict = await expectSameVerdictInParts(entries);
      if (removed !== 51) expect(verdict).toMatchObject({ ok: false, brokenAt: removed + 1 });
    }
    fresh();
    const rehashed = fixtureChain(30).map((e) => {
      if (e.seq !== 21) return e;
      const edited = { ...e, message: 'edited' };
      return { ...edited, hash: entryHash(e.prevHash ?? '', edited) };
    });
    expect(await expectSameVerdictInParts(rehashed)).toMatchObject({
      ok: false,
      brokenAt: 22,
      reason: 'link_broken',
    });
  });

  it('splits a range into parts that cover it exactly', () => {
    expect(splitBounds({ first: 5, last: 14 }, 3)).toEqual([
      { first: 5, last: 8 },
      { first: 9, last: 12 },
      { first: 13, last: 14 },
    ]);
    expect(splitBounds({ first: 1, last: 1 }, 4)).toEqual([{ first: 1, last: 1 }]);
  });
});
