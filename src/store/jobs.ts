/**
 * Jobs: one record per idempotency key, moved through the state machine of
 * job-state.ts (leased → validated → running → finished → reported), each
 * step persisted. Finishing writes the job, the audit entry and the outbox
 * entry in one IndexedDB transaction, so a dying worker leaves all or none.
 */
import type { ActionResult, LeasedAction } from '../../contract/protocol';
import { DAY, scaled } from '../time';
import { appendAudit, type AuditFields } from './audit-chain';
import { openDb, type JobRecord } from './db';
import { IN_HAND_STATES, assertTransition, isDone } from './job-state';

/** Results of terminal outcomes are replayed for a repeated key this long. */
export const RESULT_RETENTION_MS = DAY;

export type Admission =
  | { kind: 'new'; job: JobRecord }
  | { kind: 'in_hand'; job: JobRecord }
  | { kind: 'replayed'; job: JobRecord };

function isTerminal(result: ActionResult | undefined): result is ActionResult {
  return result !== undefined && result.status !== 'deferred';
}

/** Takes a leased action into the store, or recognises its key. */
export async function admitLeased(action: LeasedAction, now: number): Promise<Admission> {
  const db = await openDb();
  const tx = db.transaction(['jobs', 'outbox'], 'readwrite');
  const jobs = tx.objectStore('jobs');
  const existing = await jobs.get(action.idempotencyKey);
  let admission: Admission;
  if (
    existing &&
    isDone(existing.state) &&
    isTerminal(existing.result) &&
    now - (existing.finishedAt ?? 0) < scaled(RESULT_RETENTION_MS)
  ) {
    // Same key already finished: re-report the stored result, never re-execute.
    await tx.objectStore('outbox').add({
      actionId: action.id,
      result: existing.result,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
    });
    admission = { kind: 'replayed', job: existing };
  } else if (existing && !isDone(existing.state)) {
    // Leased again while still in hand (e.g. the backend's lease ran out while
    // the worker was dead): keep its state; the new lease's id is the one to report.
    // An approval covers the words it was given for: other params under the key are asked again.
    const reask =
      existing.approval !== undefined &&
      (existing.state === 'awaiting_approval' || existing.state === 'validated') &&
      !sameParams(existing.action.params, action.params);
    const { approval: _dropped, ...rest } = existing;
    const job: JobRecord = reask
      ? { ...rest, actionId: action.id, action, state: 'leased' }
      : { ...existing, actionId: action.id, action };
    await jobs.put(job);
    admission = { kind: 'in_hand', job };
  } else {
    // Handed back (deferred) after the user approved it, and leased again with the same words: still approved.
    const approval =
      existing?.approval?.decision === 'approved' && sameParams(existing.action.params, action.params)
        ? { approval: existing.approval }
        : {};
    const job: JobRecord = {
      key: action.idempotencyKey,
      actionId: action.id,
      action,
      state: 'leased',
      leasedAt: now,
      attempts: existing?.attempts ?? 0,
      ...approval,
    };
    await jobs.put(job);
    admission = { kind: 'new', job };
  }
  await tx.done;
  return admission;
}

/** The same params, whatever the order of their keys. */
function sameParams(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): string =>
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : 1)))
        : x,
    );
  return canonical(a) === canonical(b);
}

/**
 * The intent goes to disk before the write leaves. A job still `leased`
 * passes `validated` in the same write (both steps checked): nothing was
 * sent before this point, so a write of its own would only cost time on
 * every action.
 */
export async function markRunning(key: string, intent: Record<string, unknown>, now: number): Promise<JobRecord> {
  const db = await openDb();
  const tx = db.transaction('jobs', 'readwrite');
  const job = await tx.store.get(key);
  if (!job) throw new Error(`job ${key} vanished`);
  if (job.state === 'leased') assertTransition(key, 'leased', 'validated');
  assertTransition(key, job.state === 'leased' ? 'validated' : job.state, 'running');
  const next: JobRecord = { ...job, startedAt: now, attempts: job.attempts + 1, intent, state: 'running' };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Job finished + audit entry + outbox entry, atomically. */
export async function finishJob(job: JobRecord, result: ActionResult, audit: AuditFields, now: number): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(['jobs', 'outbox', 'audit', 'mutations'], 'readwrite');
  const stored = await tx.objectStore('jobs').get(job.key);
  assertTransition(job.key, stored?.state ?? job.state, 'finished');
  await tx.objectStore('jobs').put({ ...job, state: 'finished', result, finishedAt: now });
  await appendAudit({ audit: tx.objectStore('audit'), mutations: tx.objectStore('mutations') }, audit);
  await tx.objectStore('outbox').add({
    actionId: job.actionId,
    result,
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
  });
  await tx.done;
}

export async function unfinishedJobs(): Promise<JobRecord[]> {
  const db = await openDb();
  const lists = await Promise.all(IN_HAND_STATES.map((s) => db.getAllFromIndex('jobs', 'byState', s)));
  return lists.flat().sort((a, b) => a.leasedAt - b.leasedAt);
}

export async function countRunning(): Promise<number> {
  const db = await openDb();
  return db.countFromIndex('jobs', 'byState', 'running');
}

/** Drops finished jobs whose replay window has passed. */
export async function purgeFinishedJobs(now: number): Promise<number> {
  const db = await openDb();
  const tx = db.transaction('jobs', 'readwrite');
  const range = IDBKeyRange.upperBound(now - scaled(RESULT_RETENTION_MS));
  let removed = 0;
  for (let cursor = await tx.store.index('byFinishedAt').openCursor(range); cursor; cursor = await cursor.continue()) {
    await cursor.delete();
    removed++;
  }
  await tx.done;
  return removed;
}

/** An action that could not become a job (malformed envelope): audit, and report it when it has an id. */
export async function recordUnadmitted(
  audit: AuditFields,
  report: { actionId: string; result: ActionResult } | null,
): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(['audit', 'mutations', 'outbox'], 'readwrite');
  await appendAudit({ audit: tx.objectStore('audit'), mutations: tx.objectStore('mutations') }, audit);
  if (report) {
    await tx.objectStore('outbox').add({ ...report, createdAt: audit.at, attempts: 0, nextAttemptAt: audit.at });
  }
  await tx.done;
}
