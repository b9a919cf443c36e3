import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { entryHash, verifyEntries } from '../../store/audit-chain';
import { digestChunk } from '../../store/audit-digest';
import { fixtureChain, storeEntries } from '../../store/audit-fixture';
import { auditBounds, type SeqBounds } from '../../store/audit-read';
import { type LogVerdict, verifyRange } from '../../store/audit-verify';
import { resetDbForTests, type AuditRecord } from '../../store/db';
import { verifyInRanges, type VerifyLane } from './verify-ranges';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

/** What a verify worker does with one range (verify-worker.ts), counting the ranges it was given. */
function workerLike(given: SeqBounds[]): VerifyLane {
  return (range) => {
    given.push(range);
    return verifyRange(range, { chunk: range.last - range.first + 1, inFlight: 1, hashChunk: digestChunk });
  };
}

/** The verdict of one walk over the whole log, oldest first (verifyEntries), as the page must report it. */
function sequential(entries: AuditRecord[]): LogVerdict {
  const { prevHash: _p, ...v } = verifyEntries(entries);
  const last = entries.at(-1);
  return { ...v, head: v.ok && last?.seq !== undefined ? { seq: last.seq, hash: last.hash ?? '' } : null };
}

async function verifyDealt(entries: AuditRecord[], lanes: number, chunk: number, given: SeqBounds[] = []) {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
  await storeEntries(entries);
  const bounds = await auditBounds();
  if (!bounds) throw new Error('empty log');
  return verifyInRanges(
    bounds,
    Array.from({ length: lanes }, () => workerLike(given)),
    { chunk, perLane: 2 },
  );
}

describe('Verify chain dealt out in ranges', () => {
  it('gives the verdict of one walk, intact or broken anywhere, for any number of lanes and range size', async () => {
    const intact = fixtureChain(60);
    const altered = (seq: number) => intact.map((e) => (e.seq === seq ? { ...e, message: 'edited' } : e));
    const removed = (seq: number) => intact.filter((e) => e.seq !== seq);
    const rehashed = intact.map((e) => {
      if (e.seq !== 30) return e;
      const edited = { ...e, message: 'edited' };
      return { ...edited, hash: entryHash(e.prevHash ?? '', edited) };
    });
    const logs = [
      intact,
      altered(1),
      altered(7),
      altered(8),
      altered(60),
      removed(1),
      removed(9),
      removed(31),
      rehashed,
    ];
    for (const entries of logs)
      for (const [lanes, chunk] of [
        [1, 60],
        [2, 7],
        [3, 8],
        [4, 1],
      ] as const)
        expect(await verifyDealt(entries, lanes, chunk), `${lanes} lanes, ranges of ${chunk}`).toEqual(
          sequential(entries),
        );
  });

  it('leaves ranges after a break undone, and reports the first of two breaks', async () => {
    const entries = fixtureChain(100).map((e) => (e.seq === 12 || e.seq === 70 ? { ...e, message: 'edited' } : e));
    const given: SeqBounds[] = [];
    expect(await verifyDealt(entries, 1, 10, given)).toMatchObject({ ok: false, brokenAt: 12, checked: 12 });
    // One lane, two at a time: 1–10 and 11–20 run, 21–30 may start before 11–20 answers, nothing later does.
    const firsts = given.map((r) => r.first);
    expect(firsts).toEqual(expect.arrayContaining([1, 11]));
    expect(Math.max(...firsts)).toBeLessThanOrEqual(21);
  });
});
