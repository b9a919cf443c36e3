/**
 * The gate: what becomes of a job before any LinkedIn request (unknown type,
 * invalid params, lease gone, wrong account, suspended type, pause, throttle).
 */
import type { Outcome, PreparedAction, RegisteredAction } from '../actions/types';
import type { JobRecord } from '../store/db';
import { isIndefinite, iso, scaled } from '../time';
import { SESSION_RETRY_MS } from '../safety/limits';
import type { JobEnvironment } from './job-environment';
import { outcomeOf, suspendedOutcome } from './job-outcome';

export function leaseExpiry(job: JobRecord): number {
  return job.action.leaseExpiresAt ? Date.parse(job.action.leaseExpiresAt) : Number.POSITIVE_INFINITY;
}

/** Decides what to do with a job before any LinkedIn request; null = go ahead. */
export function gate(
  job: JobRecord,
  definition: RegisteredAction | undefined,
  prepared: { ok: true; action: PreparedAction } | { ok: false; message: string } | undefined,
  env: JobEnvironment,
): Outcome | null {
  const now = env.now();
  if (!definition) return outcomeOf('unsupported_action', `unsupported action type "${job.action.type}"`);
  if (!prepared?.ok) return outcomeOf('invalid_action', prepared?.message ?? 'params: invalid');
  if (now > leaseExpiry(job))
    return outcomeOf('lease_expired', `lease expired at ${job.action.leaseExpiresAt} before the action could start`);
  if (env.accountMismatch) {
    return outcomeOf(
      'account_mismatch',
      'the browser is signed in to a different LinkedIn account than the one this executor is bound to',
    );
  }
  const suspension = env.suspension(definition.type);
  if (suspension) return suspendedOutcome(definition.type, suspension);
  if (env.pause && env.pause.until > now) {
    // "Until you resume" has no date: suggest a later look rather than a year-275760 timestamp.
    const retryAt = isIndefinite(env.pause.until) ? now + scaled(SESSION_RETRY_MS) : env.pause.until;
    return outcomeOf(
      env.pause.code,
      isIndefinite(env.pause.until) ? 'outbound paused by the user' : `outbound paused until ${iso(env.pause.until)}`,
      { retryAt },
    );
  }
  const at = env.availableAt(definition.type);
  if (at > now) {
    const retryAt = Number.isFinite(at) ? at : null;
    return outcomeOf(
      'outbound_throttled',
      `local throttle for ${definition.bucket}: next slot ${retryAt ? iso(retryAt) : 'not in this window'}`,
      { retryAt },
    );
  }
  return null;
}
