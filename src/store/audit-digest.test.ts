import { describe, expect, it } from 'vitest';
import { entryHash } from './audit-chain';
import { digestChunk } from './audit-digest';
import { fixtureChain } from './audit-fixture';
import type { AuditRecord } from './db';

/** Texts that stress the encoding: escapes, control characters, non-ASCII, surrogates (paired and lone), length. */
const TRICKY = [
  'plain',
  'quote " backslash \\ slash /',
  'tab\tnewline\ncarriage\r\nnul\u0000 bell\u0007 escape\u001b del\u007f',
  'é ü ß — “curly” € 日本語 한국어',
  'emoji 😀👍🏽 and a flag 🇩🇪',
  'lone high \ud800 and lone low \udfff, reversed pair \udc00\ud800',
  'line separators \u2028 \u2029 and BOM \ufeff',
  '=HYPERLINK("http://x")',
  'x'.repeat(5000),
  'é'.repeat(3000),
  '😀'.repeat(2000),
];

function trickyEntries(): AuditRecord[] {
  const base = fixtureChain(TRICKY.length * 3);
  return base.map((e, i) => {
    const text = TRICKY[i % TRICKY.length] ?? '';
    const field = Math.floor(i / TRICKY.length);
    if (field === 0) return { ...e, message: text };
    if (field === 1) return { ...e, paramsSummary: text, requestedBy: { requestId: text, principal: 'p' } };
    return { ...e, account: text, approval: { by: text, decision: 'approved', at: 7 } };
  });
}

describe('digestChunk', () => {
  it('gives what entryHash gives, in order, for the fixture chain', async () => {
    const entries = fixtureChain(300);
    const expected = entries.map((e) => entryHash(e.prevHash ?? '', e));
    expect(await digestChunk(entries)).toEqual(expected);
    // The stored hashes are entryHash's too: an intact chain verifies.
    expect(expected).toEqual(entries.map((e) => e.hash));
  });

  it('gives what entryHash gives for tricky texts in every hashed field kind, long and short in turn', async () => {
    const entries = trickyEntries();
    expect(await digestChunk(entries)).toEqual(entries.map((e) => entryHash(e.prevHash ?? '', e)));
    // Out of order too: a short input after a long one must not see the long one's bytes.
    const reversed = [...entries].reverse();
    expect(await digestChunk(reversed)).toEqual(reversed.map((e) => entryHash(e.prevHash ?? '', e)));
  });

  it('sees an altered field, an absent prevHash and fields of unexpected types as entryHash does', async () => {
    const [a, b] = fixtureChain(2);
    if (!a || !b) throw new Error('fixture');
    const odd: AuditRecord[] = [
      { ...a, message: 'edited' },
      { ...b, prevHash: undefined },
      { ...b, at: Number.NaN, httpStatus: -0, code: undefined as unknown as null },
    ];
    const hashes = await digestChunk(odd);
    expect(hashes).toEqual(odd.map((e) => entryHash(e.prevHash ?? '', e)));
    expect(hashes[0]).not.toBe(a.hash);
  });

  it('hashes an empty chunk to nothing', async () => {
    expect(await digestChunk([])).toEqual([]);
  });
});
