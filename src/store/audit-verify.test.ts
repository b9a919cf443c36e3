import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { entryHash } from './audit-chain';
import { fixtureChain, storeEntries } from './audit-fixture';
import { webCryptoHashMany, verifyAuditChain } from './audit-verify';
import { resetDbForTests } from './db';
import { sha256Hex } from './sha256';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

// Small chunks, several in flight: breaks land inside chunks and on their edges.
const small = { chunk: 7, inFlight: 3 };

describe('verifyAuditChain (ranges read ahead, WebCrypto hashing)', () => {
  it('accepts an intact log and names its newest entry', async () => {
    const entries = fixtureChain(50);
    await storeEntries(entries);
    for (const opts of [small, {}]) {
      expect(await verifyAuditChain(opts)).toEqual({
        ok: true,
        checked: 50,
        brokenAt: null,
        reason: null,
        head: { seq: 50, hash: entries[49]?.hash },
      });
    }
  });

  it('accepts an empty log', async () => {
    expect(await verifyAuditChain(small)).toEqual({ ok: true, checked: 0, brokenAt: null, reason: null, head: null });
  });

  it('finds the first altered entry, in the middle of a chunk and on its last row', async () => {
    for (const seq of [10, 14, 50]) {
      globalThis.indexedDB = new IDBFactory();
      resetDbForTests();
      const entries = fixtureChain(50).map((e) => (e.seq === seq || e.seq === 30 ? { ...e, message: 'edited' } : e));
      await storeEntries(entries);
      const first = Math.min(seq, 30);
      expect(await verifyAuditChain(small)).toEqual({
        ok: false,
        checked: first,
        brokenAt: first,
        reason: 'entry content does not match its hash (it was altered)',
        head: null,
      });
    }
  });

  it('finds a removed entry, and one edited then re-hashed (its successor no longer links)', async () => {
    await storeEntries(fixtureChain(30).filter((e) => e.seq !== 8));
    expect(await verifyAuditChain(small)).toMatchObject({ ok: false, brokenAt: 9, reason: /removed or inserted/ });

    globalThis.indexedDB = new IDBFactory();
    resetDbForTests();
    const rehashed = fixtureChain(30).map((e) => {
      if (e.seq !== 21) return e;
      const edited = { ...e, message: 'edited' };
      return { ...edited, hash: entryHash(e.prevHash ?? '', edited) };
    });
    await storeEntries(rehashed);
    expect(await verifyAuditChain(small)).toMatchObject({ ok: false, brokenAt: 22, reason: /removed or inserted/ });
  });

  it('WebCrypto gives the same digests as sha256Hex', async () => {
    const texts = ['', 'abc', 'é'.repeat(100), 'x'.repeat(1000)];
    expect(await webCryptoHashMany(texts)).toEqual(texts.map(sha256Hex));
  });
});
