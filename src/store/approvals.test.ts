import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LeasedAction } from '../../contract/protocol';
import { approvalEndRecords } from '../background/finish-records';
import { awaitingApproval, countAwaitingApproval, holdForApproval, settleApproval } from './approvals';
import { verifyEntries } from './audit-chain';
import { openDb, resetDbForTests, LOCAL_USER, type AuditRecord } from './db';
import { admitLeased, finishJob, markRunning, unfinishedJobs } from './jobs';

const T0 = 1_800_000_000_000;
const message = (id: string, leaseMs = 60_000, text = 'Hello Jane'): LeasedAction => ({
  id,
  type: 'message',
  params: { profile: 'jane-doe', text },
  idempotencyKey: `key-${id}`,
  leaseExpiresAt: new Date(T0 + leaseMs).toISOString(),
  requestedBy: { principal: 'p' },
});
const build = approvalEndRecords('urn:li:fsd_profile:ME');

async function held(id: string, leaseMs?: number) {
  const { job } = await admitLeased(message(id, leaseMs), T0);
  return holdForApproval(job.key, T0, 'Jane Doe');
}

async function stores() {
  const db = await openDb();
  return {
    audit: (await db.getAll('audit')) as AuditRecord[],
    outbox: await db.getAll('outbox'),
    job: async (key: string) => db.get('jobs', key),
  };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

describe('the approval queue', () => {
  it('holds a job durably, counts it, and keeps it in hand', async () => {
    const job = await held('a');
    expect(job.state).toBe('awaiting_approval');
    expect(job.approval).toEqual({ requestedAt: T0, targetName: 'Jane Doe' });
    expect(await countAwaitingApproval()).toBe(1);
    expect((await awaitingApproval()).map((j) => j.key)).toEqual(['key-a']);
    expect((await unfinishedJobs()).map((j) => j.key)).toEqual(['key-a']);
    // Nothing starts a held job's write: only `leased` passes through `validated` on its way to running.
    await expect(markRunning(job.key, {}, T0)).rejects.toThrow(/illegal transition awaiting_approval → running/);
  });

  it('approving twice (two popups, a double click) approves once, writes nothing else', async () => {
    await held('a');
    const [first, second] = await Promise.all([
      settleApproval('key-a', 'approve', T0 + 1000, LOCAL_USER, build),
      settleApproval('key-a', 'approve', T0 + 1001, LOCAL_USER, build),
    ]);
    expect([first?.kind, second?.kind].sort()).toEqual(['approved', 'not_waiting']);
    const s = await stores();
    const job = await s.job('key-a');
    expect(job?.state).toBe('validated');
    expect(job?.approval).toMatchObject({ decision: 'approved', by: LOCAL_USER });
    expect(s.audit).toHaveLength(0);
    expect(s.outbox).toHaveLength(0);
    expect(await countAwaitingApproval()).toBe(0);
  });

  it('approve then reject (two popups): the first decision stands', async () => {
    await held('a');
    expect((await settleApproval('key-a', 'approve', T0 + 1, LOCAL_USER, build)).kind).toBe('approved');
    expect(await settleApproval('key-a', 'reject', T0 + 2, LOCAL_USER, build)).toEqual({
      kind: 'not_waiting',
      state: 'validated',
    });
    expect((await stores()).outbox).toHaveLength(0);
  });

  it('a rejection is reported refused / rejected_by_user, with who rejected it in the audit log, in one transaction', async () => {
    await held('a');
    const settled = await settleApproval('key-a', 'reject', T0 + 5000, LOCAL_USER, build);
    expect(settled.kind).toBe('rejected');
    const s = await stores();
    expect((await s.job('key-a'))?.state).toBe('finished');
    expect(s.outbox).toHaveLength(1);
    expect(s.outbox[0]?.result).toMatchObject({ status: 'refused', code: 'rejected_by_user', idempotencyKey: 'key-a' });
    expect(s.audit).toHaveLength(1);
    expect(s.audit[0]).toMatchObject({
      status: 'refused',
      code: 'rejected_by_user',
      mutated: false,
      linkedinRequests: 0,
      bucket: 'messages',
      approval: { decision: 'rejected', by: LOCAL_USER, at: T0 + 5000 },
    });
    // The approval is covered by the hash chain.
    expect(verifyEntries(s.audit).ok).toBe(true);
    const tampered = { ...s.audit[0], approval: { decision: 'approved', by: LOCAL_USER, at: T0 + 5000 } };
    expect(verifyEntries([tampered as AuditRecord]).ok).toBe(false);
  });

  it('approved after the lease ran out: lease_expired, never validated', async () => {
    await held('a', 1000);
    const settled = await settleApproval('key-a', 'approve', T0 + 1001, LOCAL_USER, build);
    expect(settled.kind).toBe('expired');
    const s = await stores();
    expect((await s.job('key-a'))?.state).toBe('finished');
    expect(s.outbox[0]?.result).toMatchObject({ status: 'failed', code: 'lease_expired' });
    expect(s.outbox[0]?.result.message).toMatch(/waited for the user's approval/);
  });

  it('the sweep expires a waiting job once; an audit entry without a decision keeps no approval field', async () => {
    await held('a', 1000);
    expect((await settleApproval('key-a', 'expire', T0 + 2000, LOCAL_USER, build)).kind).toBe('expired');
    expect((await settleApproval('key-a', 'expire', T0 + 3000, LOCAL_USER, build)).kind).toBe('not_waiting');
    const s = await stores();
    expect(s.outbox).toHaveLength(1);
    expect(s.audit).toHaveLength(1);
    expect(s.audit[0]).not.toHaveProperty('approval');
    expect(s.audit[0]?.code).toBe('lease_expired');
  });

  it('an approved action handed back (deferred) and leased again with the same words stays approved; other words do not', async () => {
    await held('a');
    const approved = await settleApproval('key-a', 'approve', T0 + 1, LOCAL_USER, build);
    if (approved.kind !== 'approved') throw new Error('not approved');
    const deferred = build(approved.job, { code: 'lease_expired', message: 'x' }, T0 + 2);
    await finishJob(
      approved.job,
      { ...deferred.result, status: 'deferred', code: 'outbound_throttled' },
      deferred.audit,
      T0 + 2,
    );
    const again = await admitLeased({ ...message('a2'), idempotencyKey: 'key-a' }, T0 + 10);
    expect(again.job.state).toBe('leased');
    expect(again.job.approval).toMatchObject({ decision: 'approved', by: LOCAL_USER });
    await finishJob(
      again.job,
      { ...deferred.result, status: 'deferred', code: 'outbound_throttled' },
      deferred.audit,
      T0 + 11,
    );
    const other = await admitLeased({ ...message('a3', 60_000, 'Other words'), idempotencyKey: 'key-a' }, T0 + 20);
    expect(other.job.approval).toBeUndefined();
  });

  it('leased again while waiting: still waiting; with other words under the key: asked again', async () => {
    await held('a');
    const same = await admitLeased({ ...message('a2'), idempotencyKey: 'key-a' }, T0 + 10);
    expect(same.job.state).toBe('awaiting_approval');
    expect(same.job.actionId).toBe('a2');
    const other = await admitLeased({ ...message('a3', 60_000, 'Different words'), idempotencyKey: 'key-a' }, T0 + 20);
    expect(other.job.state).toBe('leased');
    expect(other.job.approval).toBeUndefined();
  });
});
