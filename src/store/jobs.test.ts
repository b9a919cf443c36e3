import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionResult, LeasedAction } from '../../contract/protocol';
import { DAY } from '../time';
import { mutationTimesByBucket, recentAudit } from './audit';
import { appendAudit } from './audit-chain';
import { openDb, resetDbForTests, type AuditRecord } from './db';
import { admitLeased, finishJob, markRunning, purgeFinishedJobs, unfinishedJobs } from './jobs';
import { dueOutbox, outboxSize, removeOutbox } from './outbox';

const T0 = 1_800_000_000_000;
const action = (id: string, key = `key-${id}`): LeasedAction => ({
  id,
  type: 'follow_member',
  params: { profile: 'x' },
  idempotencyKey: key,
  requestedBy: { principal: 'p' },
});
const result = (key: string, status: ActionResult['status']): ActionResult => ({
  idempotencyKey: key,
  status,
  code: status === 'succeeded' ? null : 'outbound_throttled',
  message: 'm',
  output: {},
  retryAt: null,
  attempts: 1,
  startedAt: new Date(T0).toISOString(),
  finishedAt: new Date(T0).toISOString(),
});
const audit = (id: string, at: number, mutated: boolean): Omit<AuditRecord, 'seq'> => ({
  at,
  actionId: id,
  type: 'follow_member',
  bucket: 'follows',
  paramsSummary: '',
  idempotencyKey: `key-${id}`,
  requestedBy: null,
  startedAt: at,
  finishedAt: at,
  status: 'succeeded',
  code: null,
  message: '',
  httpStatus: 200,
  mutated,
  linkedinRequests: 1,
  account: null,
});

/** leased → validated → running (one write), as the executor does. */
function start(key: string, intent: Record<string, unknown> = {}, at = T0) {
  return markRunning(key, intent, at);
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

describe('jobs', () => {
  it('a new key becomes a leased job; finishing writes job, audit and outbox together', async () => {
    const admitted = await admitLeased(action('a1'), T0);
    expect(admitted.kind).toBe('new');
    expect((await unfinishedJobs()).map((j) => j.key)).toEqual(['key-a1']);
    // leased → validated → running in one write: the state machine is checked step by step.
    const running = await markRunning('key-a1', { entityUrn: 'u' }, T0 + 1);
    expect(running).toMatchObject({ state: 'running', attempts: 1, intent: { entityUrn: 'u' } });
    await finishJob(running, result('key-a1', 'succeeded'), audit('a1', T0 + 2, true), T0 + 2);
    expect(await unfinishedJobs()).toEqual([]);
    expect(await outboxSize()).toBe(1);
    expect((await recentAudit(10)).map((a) => a.actionId)).toEqual(['a1']);
    await expect(markRunning('key-a1', {}, T0 + 3)).rejects.toThrow(/illegal transition finished → running/);
  });

  it('a repeated key within 24 h is replayed with the stored result, not run again', async () => {
    await admitLeased(action('a1', 'K'), T0);
    const job = await start('K', {}, T0);
    await finishJob(job, result('K', 'succeeded'), audit('a1', T0, true), T0);
    const [first] = await dueOutbox(T0);
    await removeOutbox(first?.seq ?? -1);
    const db = await openDb();
    expect((await db.get('jobs', 'K'))?.state).toBe('reported');
    const again = await admitLeased(action('a2', 'K'), T0 + 1000);
    expect(again.kind).toBe('replayed');
    const due = await dueOutbox(T0 + 1000);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ actionId: 'a2', result: { idempotencyKey: 'K', status: 'succeeded' } });
    expect(await unfinishedJobs()).toEqual([]);
  });

  it('after 24 h, or after a deferral, the same key runs again', async () => {
    await admitLeased(action('a1', 'K'), T0);
    await finishJob(await start('K', {}, T0), result('K', 'deferred'), audit('a1', T0, false), T0);
    expect((await admitLeased(action('a1', 'K'), T0 + 10)).kind).toBe('new');
    await finishJob(await start('K', {}, T0), result('K', 'succeeded'), audit('a1', T0, true), T0);
    expect((await admitLeased(action('a3', 'K'), T0 + DAY + 1)).kind).toBe('new');
  });

  it('a key leased again while still in hand keeps its state and takes the new id', async () => {
    await admitLeased(action('a1', 'K'), T0);
    await start('K', { x: 1 }, T0);
    const again = await admitLeased(action('a9', 'K'), T0 + 5);
    expect(again.kind).toBe('in_hand');
    expect(again.job).toMatchObject({ state: 'running', actionId: 'a9', intent: { x: 1 } });
  });

  it('purges finished jobs past the replay window only', async () => {
    await admitLeased(action('old'), T0);
    await finishJob(await start('key-old', {}, T0), result('key-old', 'succeeded'), audit('old', T0, true), T0);
    await admitLeased(action('new'), T0);
    await finishJob(
      await start('key-new', {}, T0),
      result('key-new', 'succeeded'),
      audit('new', T0 + DAY, true),
      T0 + DAY,
    );
    expect(await purgeFinishedJobs(T0 + DAY + 10)).toBe(1);
    const db = await openDb();
    expect(await db.getAllKeys('jobs')).toEqual(['key-new']);
  });
});

describe('audit counts', () => {
  it('mutationTimesByBucket reads a bucket in a time range, mutations only', async () => {
    const db = await openDb();
    const tx = db.transaction(['audit', 'mutations'], 'readwrite');
    const stores = { audit: tx.objectStore('audit'), mutations: tx.objectStore('mutations') };
    await appendAudit(stores, audit('a', T0 - 2 * DAY, true));
    await appendAudit(stores, audit('b', T0 - 1000, true));
    await appendAudit(stores, audit('c', T0 - 500, false));
    await appendAudit(stores, { ...audit('d', T0 - 100, true), bucket: 'saves' });
    await appendAudit(stores, audit('e', T0 - 50, true));
    await tx.done;
    expect((await mutationTimesByBucket(['follows'], T0 - DAY))[0]).toEqual([T0 - 1000, T0 - 50]);
    expect((await mutationTimesByBucket(['saves'], T0 - DAY))[0]).toEqual([T0 - 100]);
    expect((await mutationTimesByBucket(['follows'], T0 - 3 * DAY))[0]).toEqual([T0 - 2 * DAY, T0 - 1000, T0 - 50]);
    // Several buckets in one read, in the order asked.
    expect(await mutationTimesByBucket(['saves', 'invitations', 'follows'], T0 - DAY)).toEqual([
      [T0 - 100],
      [],
      [T0 - 1000, T0 - 50],
    ]);
    // One index row per mutation, keyed by the entry's seq.
    expect(await db.count('mutations')).toBe(4);
  });

  it('finishJob indexes a mutation in the same transaction as its audit entry', async () => {
    await admitLeased(action('m1'), T0);
    await finishJob(await start('key-m1', {}, T0), result('key-m1', 'succeeded'), audit('m1', T0, true), T0);
    await admitLeased(action('m2'), T0);
    await finishJob(await start('key-m2', {}, T0), result('key-m2', 'failed'), audit('m2', T0 + 5, false), T0);
    const db = await openDb();
    const [entry] = await db.getAll('audit');
    expect(await db.getAll('mutations')).toEqual([{ bucket: 'follows', at: T0, seq: entry?.seq }]);
    expect((await mutationTimesByBucket(['follows'], T0 - DAY))[0]).toEqual([T0]);
  });
});

describe('audit hash chain', () => {
  it('chains every entry written by finishJob and finds an altered, a removed and an inserted entry', async () => {
    const { verifyEntries, GENESIS_HASH } = await import('./audit-chain');
    for (const id of ['c1', 'c2', 'c3', 'c4']) {
      await admitLeased(action(id), T0);
      await finishJob(await start(`key-${id}`, {}, T0), result(`key-${id}`, 'succeeded'), audit(id, T0, true), T0);
    }
    const db = await openDb();
    const entries = await db.getAll('audit');
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(verifyEntries(entries)).toMatchObject({ ok: true, checked: 4, brokenAt: null });

    const altered = entries.map((e) => (e.actionId === 'c2' ? { ...e, status: 'failed' as const } : e));
    expect(verifyEntries(altered)).toMatchObject({
      ok: false,
      brokenAt: entries[1]?.seq,
      reason: 'content_altered',
    });

    const removed = entries.filter((e) => e.actionId !== 'c3');
    expect(verifyEntries(removed)).toMatchObject({
      ok: false,
      brokenAt: entries[3]?.seq,
      reason: 'link_broken',
    });
  });
});
