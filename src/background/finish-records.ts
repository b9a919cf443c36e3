/**
 * What finishing a job writes: the result the backend gets and the audit
 * entry (with who approved or rejected it, when it waited for approval).
 * Synchronous, so it can run inside an open IndexedDB transaction.
 */
import { STATUS_OF_CODE, type ActionResult } from '../../contract/protocol';
import { ACTIONS } from '../actions/registry';
import type { Outcome, RegisteredAction } from '../actions/types';
import type { ApprovalEnd } from '../store/approvals';
import type { AuditFields } from '../store/audit-chain';
import type { JobRecord } from '../store/db';
import { iso } from '../time';

export interface FinishFacts {
  startedAt: number;
  summary: string;
  bucket: RegisteredAction['bucket'] | 'none';
  httpStatus: number | null;
  mutated: boolean;
  linkedinRequests: number;
}

export function finishRecords(
  job: JobRecord,
  outcome: Outcome,
  account: string | null,
  facts: FinishFacts,
  finishedAt: number,
): { result: ActionResult; audit: AuditFields } {
  const output =
    outcome.code === 'linkedin_error' && !('httpStatus' in outcome.output)
      ? { ...outcome.output, httpStatus: facts.httpStatus }
      : outcome.output;
  const result: ActionResult = {
    idempotencyKey: job.key,
    status: outcome.status,
    code: outcome.code,
    message: outcome.message,
    output,
    retryAt: outcome.retryAt ? iso(outcome.retryAt) : null,
    attempts: Math.max(1, job.attempts),
    startedAt: iso(facts.startedAt),
    finishedAt: iso(finishedAt),
  };
  const decision = job.approval?.decision;
  const audit: AuditFields = {
    at: finishedAt,
    actionId: job.actionId,
    type: job.action.type,
    bucket: facts.bucket,
    paramsSummary: facts.summary,
    idempotencyKey: job.key,
    requestedBy: job.action.requestedBy ?? null,
    startedAt: facts.startedAt,
    finishedAt,
    status: result.status,
    code: result.code,
    message: result.message,
    httpStatus: facts.httpStatus,
    mutated: facts.mutated,
    linkedinRequests: facts.linkedinRequests,
    account,
    ...(decision && job.approval?.by && job.approval.at !== undefined
      ? { approval: { decision, by: job.approval.by, at: job.approval.at } }
      : {}),
  };
  return { result, audit };
}

/** The records of a job that ends in the approval queue (rejected, or its lease ran out): nothing was sent. */
export function approvalEndRecords(account: string | null) {
  return (job: JobRecord, end: ApprovalEnd, now: number): { result: ActionResult; audit: AuditFields } => {
    const definition = ACTIONS.get(job.action.type);
    const prepared = definition?.prepare(job.action.params);
    return finishRecords(
      job,
      { status: STATUS_OF_CODE[end.code], code: end.code, message: end.message, output: {} },
      account,
      {
        startedAt: now,
        summary: prepared?.ok ? prepared.action.summary : '(not started)',
        bucket: definition?.bucket ?? 'none',
        httpStatus: null,
        mutated: false,
        linkedinRequests: 0,
      },
      now,
    );
  };
}
