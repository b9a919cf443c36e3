/**
 * The outcomes a job ends with when not LinkedIn's own (a refusal, a stop,
 * a suspension), how drift and retry times amend them, and the recording of
 * the final one: result + audit entry + outbox entry.
 */
import { STATUS_OF_CODE, type ActionResult, type ResultCode } from '../../contract/protocol';
import type { Outcome, Viewer } from '../actions/types';
import type { JobRecord } from '../store/db';
import { finishJob } from '../store/jobs';
import type { StopVerdict } from '../voyager/client';
import { iso, scaled } from '../time';
import type { Suspension } from '../safety/drift';
import { INVITATION_LIMIT_CLOSE_MS, SESSION_RETRY_MS } from '../safety/limits';
import { finishRecords, type FinishFacts } from './finish-records';
import type { JobEnvironment } from './job-environment';

export type { FinishFacts } from './finish-records';

export function outcomeOf(code: ResultCode, message: string, extra: Partial<Outcome> = {}): Outcome {
  return { status: STATUS_OF_CODE[code], code, message, output: {}, ...extra };
}

export function stopOutcome(verdict: StopVerdict, pauseUntil: number): Outcome {
  switch (verdict.kind) {
    case 'challenge':
      return outcomeOf('challenge', `LinkedIn served a security challenge (${verdict.reason}); outbound paused`, {
        retryAt: pauseUntil,
      });
    case 'session_expired':
      return outcomeOf('session_expired', `LinkedIn session invalid (${verdict.reason})`, { retryAt: null });
    case 'rate_limited':
      return outcomeOf('outbound_throttled', 'LinkedIn answered 429; backing off', { retryAt: pauseUntil });
  }
}

export function suspendedOutcome(type: string, suspension: Suspension): Outcome {
  return outcomeOf(
    'linkedin_changed',
    `${type} is suspended: LinkedIn changed ${suspension.endpoint} (${suspension.reason}); checked again at ${iso(suspension.recheckAt)}`,
    {
      retryAt: suspension.recheckAt,
      output: { endpoint: suspension.endpoint },
    },
  );
}

/** Counts drift (or its absence) for the type; an answer that suspends the type is reported linkedin_changed. */
export async function withDrift(outcome: Outcome, type: string, env: JobEnvironment): Promise<Outcome> {
  // Only LinkedIn's own answers say anything about drift: local refusals and stops do not.
  const linkedinAnswered =
    outcome.status === 'succeeded' ||
    outcome.code === 'not_found' ||
    outcome.code === 'not_connected' ||
    outcome.code === 'linkedin_error' ||
    outcome.code === 'invitation_limit';
  if (!outcome.drift && !linkedinAnswered) return outcome;
  const suspension = await env.recordDrift(type, outcome.drift ?? null);
  return suspension && outcome.drift ? suspendedOutcome(type, suspension) : outcome;
}

/** Deferrals always say when to retry. */
export function withRetryTime(outcome: Outcome, now: number): Outcome {
  if (outcome.status !== 'deferred' || outcome.retryAt) return outcome;
  const wait = outcome.code === 'invitation_limit' ? INVITATION_LIMIT_CLOSE_MS : SESSION_RETRY_MS;
  return { ...outcome, retryAt: now + scaled(wait) };
}

/** Result + audit entry + outbox entry for a job, in one transaction. */
export async function finishWithOutcome(
  job: JobRecord,
  outcome: Outcome,
  env: { now: () => number; viewer: Viewer | null },
  facts: FinishFacts,
): Promise<ActionResult> {
  const finishedAt = env.now();
  const { result, audit } = finishRecords(job, outcome, env.viewer?.memberUrn ?? null, facts, finishedAt);
  await finishJob(job, result, audit, finishedAt);
  return result;
}
