/** Lease answers: at most `max` actions taken, the rest handed back at once; malformed envelopes never reported under an unsafe id. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, resetDbForTests } from '../store/db';
import { dueOutbox } from '../store/outbox';
import { reportMalformed, takeAtMost } from './malformed';
import { leasedActionSchema } from '../../contract/protocol';

const T0 = 1_800_000_000_000;
const now = () => T0;
const action = (n: number) => ({ id: `act_${n}`, type: 'save', params: {}, idempotencyKey: `k-${n}` });

async function auditEntries() {
  return (await openDb()).getAll('audit');
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

describe('takeAtMost', () => {
  it('keeps the first max and reports every other one deferred / outbound_throttled at once', async () => {
    const taken = await takeAtMost([action(1), action(2), action(3)], 1, now, null, T0 + 5000);
    expect(taken).toEqual([action(1)]);
    const outbox = await dueOutbox(T0 + 1);
    expect(
      outbox.map((o) => [o.actionId, o.result.status, o.result.code, o.result.idempotencyKey, o.result.retryAt]),
    ).toEqual([
      ['act_2', 'deferred', 'outbound_throttled', 'k-2', new Date(T0 + 5000).toISOString()],
      ['act_3', 'deferred', 'outbound_throttled', 'k-3', new Date(T0 + 5000).toISOString()],
    ]);
    expect((await auditEntries()).map((e) => [e.actionId, e.status, e.mutated, e.linkedinRequests])).toEqual([
      ['act_2', 'deferred', false, 0],
      ['act_3', 'deferred', false, 0],
    ]);
  });

  it('an excess action with a malformed envelope is refused, not deferred', async () => {
    await takeAtMost([action(1), { ...action(2), type: 'x'.repeat(65) }], 1, now, null, T0);
    const [entry] = await dueOutbox(T0 + 1);
    expect(entry?.result).toMatchObject({
      status: 'refused',
      code: 'invalid_action',
      message: 'action.type: must be at most 64 characters',
    });
  });
});

describe('reportMalformed', () => {
  async function report(raw: Record<string, unknown>) {
    const parsed = leasedActionSchema.safeParse(raw);
    if (parsed.success) throw new Error('expected a malformed envelope');
    await reportMalformed(raw, parsed.error, now, null);
  }

  it.each(['..', '.', 'a/../../heartbeat'])('an id %j is never used in a result URL: audited only', async (id) => {
    await report({ ...action(1), id });
    expect(await dueOutbox(T0 + 1)).toEqual([]);
    const [entry] = await auditEntries();
    expect(entry).toMatchObject({ status: 'refused', code: 'invalid_action' });
    expect(entry?.message).toMatch(/^action\.id: must not/);
  });

  it('oversized fields are refused with the field named, and stored bounded', async () => {
    await report({ ...action(1), type: 't'.repeat(10_000), requestedBy: { blob: 'x'.repeat(1 << 20) } });
    const [sent] = await dueOutbox(T0 + 1);
    expect(sent?.actionId).toBe('act_1');
    expect(sent?.result.message).toBe('action.type: must be at most 64 characters');
    const [entry] = await auditEntries();
    expect(entry?.type.length).toBeLessThan(100);
    expect(entry?.requestedBy).toBe('(omitted: over 4096 bytes as JSON)');
  });

  it('an oversized requestedBy alone is named', async () => {
    await report({ ...action(1), requestedBy: 'x'.repeat(5000) });
    const [sent] = await dueOutbox(T0 + 1);
    expect(sent?.result.message).toBe('action.requestedBy: must be at most 4096 bytes as JSON');
  });
});
