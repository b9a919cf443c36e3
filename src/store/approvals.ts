/**
 * The approval queue, in the jobs store: a job waiting for the user is in
 * state `awaiting_approval`. Deciding is a compare-and-set inside one
 * IndexedDB transaction (readwrite transactions on a store run one at a
 * time), so two popups or a double click give one decision, one run and one
 * audit entry. A rejection or an expired lease finishes the job, its audit
 * entry and its outbox entry in that same transaction.
 */
import type { ActionResult } from '../../contract/protocol';
import { leaseRanOut } from '../safety/approval';
import { appendAudit, type AuditFields } from './audit-chain';
import { openDb, type JobApproval, type JobRecord, type JobState } from './db';
import { assertTransition } from './job-state';

export type ApprovalVerdict = 'approve' | 'reject' | 'expire';

/** What became of the job: the decision applied, or why nothing changed. */
export type SettleOutcome =
  | { kind: 'approved'; job: JobRecord }
  | { kind: 'rejected' | 'expired'; job: JobRecord; result: ActionResult }
  | { kind: 'not_waiting'; state: JobState | null };

/** The outcome a finished approval reports (rejected_by_user or lease_expired). */
export interface ApprovalEnd {
  code: 'rejected_by_user' | 'lease_expired';
  message: string;
}

/** Builds the result and the audit entry of a finished job; synchronous, so the transaction stays open. */
export type FinishBuilder = (
  job: JobRecord,
  end: ApprovalEnd,
  now: number,
) => { result: ActionResult; audit: AuditFields };

/** leased → awaiting_approval; a job already waiting (a second pass, a re-lease) stays as it is. */
export async function holdForApproval(key: string, now: number, targetName: string | null): Promise<JobRecord> {
  const db = await openDb();
  const tx = db.transaction('jobs', 'readwrite');
  const job = await tx.store.get(key);
  if (!job) throw new Error(`job ${key} vanished`);
  if (job.state === 'awaiting_approval') {
    await tx.done;
    return job;
  }
  assertTransition(key, job.state, 'awaiting_approval');
  const approval: JobApproval = { requestedAt: now, targetName };
  const next: JobRecord = { ...job, state: 'awaiting_approval', approval };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/**
 * Applies a decision to a waiting job, once: approve (→ validated, then it
 * runs under the throttles; after its lease it is `lease_expired` instead),
 * reject (`refused` / `rejected_by_user`) or expire (`failed` / `lease_expired`).
 */
export async function settleApproval(
  key: string,
  verdict: ApprovalVerdict,
  now: number,
  by: string,
  build: FinishBuilder,
): Promise<SettleOutcome> {
  const db = await openDb();
  const tx = db.transaction(['jobs', 'outbox', 'audit', 'mutations'], 'readwrite');
  const jobs = tx.objectStore('jobs');
  const job = await jobs.get(key);
  if (job?.state !== 'awaiting_approval') {
    await tx.done;
    return { kind: 'not_waiting', state: job?.state ?? null };
  }
  const requested = job.approval ?? { requestedAt: now, targetName: null };
  const decided: JobApproval =
    verdict === 'expire'
      ? requested
      : { ...requested, decision: verdict === 'approve' ? 'approved' : 'rejected', by, at: now };
  if (verdict === 'approve' && !leaseRanOut(job.action, now)) {
    const approved: JobRecord = { ...job, state: 'validated', approval: decided };
    await jobs.put(approved);
    await tx.done;
    return { kind: 'approved', job: approved };
  }
  const end: ApprovalEnd =
    verdict === 'reject'
      ? { code: 'rejected_by_user', message: 'rejected by the user in the approval queue' }
      : {
          code: 'lease_expired',
          message: `lease expired at ${job.action.leaseExpiresAt} while the action waited for the user's approval`,
        };
  const withDecision: JobRecord = { ...job, approval: decided };
  const { result, audit } = build(withDecision, end, now);
  const finished: JobRecord = { ...withDecision, state: 'finished', result, finishedAt: now };
  await jobs.put(finished);
  await appendAudit({ audit: tx.objectStore('audit'), mutations: tx.objectStore('mutations') }, audit);
  await tx
    .objectStore('outbox')
    .add({ actionId: job.actionId, result, createdAt: now, attempts: 0, nextAttemptAt: now });
  await tx.done;
  return { kind: verdict === 'reject' ? 'rejected' : 'expired', job: finished, result };
}

/** Every job waiting for approval, oldest first. */
export async function awaitingApproval(): Promise<JobRecord[]> {
  const db = await openDb();
  const jobs = await db.getAllFromIndex('jobs', 'byState', 'awaiting_approval');
  return jobs.sort((a, b) => (a.approval?.requestedAt ?? a.leasedAt) - (b.approval?.requestedAt ?? b.leasedAt));
}

export async function countAwaitingApproval(): Promise<number> {
  const db = await openDb();
  return db.countFromIndex('jobs', 'byState', 'awaiting_approval');
}
