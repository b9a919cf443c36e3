/**
 * One job through validate → gate → run → finish. The job is persisted at
 * every step (store/jobs.ts); finishing writes the audit entry and the outbox
 * entry atomically. LinkedIn "stop" verdicts become deferrals here and are
 * handed back so the caller can pause everything.
 */
import { z } from '../../contract/zod';
import { STATUS_OF_CODE, type ActionResult, type ResultCode } from '../../contract/protocol';
import { ACTIONS } from '../actions/registry';
import type { ActionContext, Drift, Outcome, PreparedAction, RegisteredAction, Viewer } from '../actions/types';
import type { VariantMemory } from '../actions/variants';
import { cacheDelete, cacheGet, cachePut } from '../store/cache';
import type { JobRecord } from '../store/db';
import { finishJob, markRunning, markValidated } from '../store/jobs';
import { resumeDecision } from '../store/job-state';
import { LinkedInStop, createLinkedInClient, type StopVerdict } from '../voyager/client';
import { NotSentError, type Transport } from '../voyager/transport';
import { clearInFlight, inFlightUntil, markInFlight } from './inflight';
import { errorTextForBackend } from './error-text';
import { DAY, isIndefinite, iso, scaled } from '../time';
import type { Suspension } from '../safety/drift';
import { INVITATION_LIMIT_CLOSE_MS, SESSION_RETRY_MS } from '../safety/limits';
import { finishRecords, type FinishFacts } from './finish-records';

export type { FinishFacts } from './finish-records';

export interface JobEnvironment {
  now: () => number;
  transport: Transport;
  /** x-li-lang from the user's locale (null: omitted). */
  liLang: string | null;
  viewer: Viewer;
  /** Bound account differs from the signed-in one. */
  accountMismatch: boolean;
  /** When this type may run (≤ now: now). Infinity: never in this window. */
  availableAt: (type: string) => number;
  /** Pause in force: every action is deferred to its end. */
  pause: { until: number; code: 'challenge' | 'outbound_throttled' } | null;
  /**
   * Persists what an attempt changes for every later one (spacing, pauses, closed buckets).
   * Called before the result is committed, so a worker dying in between cannot
   * report a challenge it did not also pause for.
   */
  recordEffects(effects: AttemptEffects): Promise<void>;
  /** The suspension of this action type because LinkedIn changed (drift.ts), or null. */
  suspension(type: string): Suspension | null;
  /**
   * Counts an answer that means "LinkedIn changed" (or, with null, an answer
   * that did not) for this type; returns the suspension it caused, if any.
   */
  recordDrift(type: string, drift: Drift | null): Promise<Suspension | null>;
}

export interface AttemptEffects {
  mutated: boolean;
  stop: StopVerdict | null;
  code: ResultCode | null;
  /** For a stop: the end of the pause it starts, the same instant the result's retryAt names. */
  pauseUntil?: number;
}

export interface JobReport {
  /** Set when a job could not be settled yet (its old write may still be in flight): try again then. */
  retryAt?: number;
  /** Null when the job stays unfinished (a stop came while reconciling it). */
  result: ActionResult | null;
  /** A mutation request left for LinkedIn. */
  mutated: boolean;
  stop: StopVerdict | null;
  linkedinRequests: number;
}

const LINKEDIN_TIMEOUT_MS = 20_000;

function outcomeOf(code: ResultCode, message: string, extra: Partial<Outcome> = {}): Outcome {
  return { status: STATUS_OF_CODE[code], code, message, output: {}, ...extra };
}

function cacheFor(now: () => number): ActionContext['cache'] {
  return {
    get: (key, parse) => cacheGet(key, now(), parse),
    put: (key, value, ttlMs) => cachePut(key, value, now() + scaled(ttlMs)),
    delete: (key) => cacheDelete(key),
  };
}

const rememberedSchema = z.object({ name: z.string(), at: z.number() });

/** Which variant of each endpoint family answered, per install (kept a year; the order logic decides when to retry the preferred one). */
function variantMemoryFor(cache: ActionContext['cache'], now: () => number): VariantMemory {
  return {
    get: (family) => cache.get(`variant:${family}`, (v) => rememberedSchema.safeParse(v).data),
    remember: (family, name) => cache.put(`variant:${family}`, { name, at: now() }, 365 * DAY),
  };
}

function contextFor(
  env: JobEnvironment,
  linkedin: ActionContext['linkedin'],
  mutate: ActionContext['mutate'],
): ActionContext {
  const cache = cacheFor(env.now);
  return { linkedin, cache, variants: variantMemoryFor(cache, env.now), viewer: env.viewer, now: env.now, mutate };
}

class LeaseExpired extends Error {}

/** A write left and no answer came back (timeout, cut connection). */
class AnswerLost extends Error {}

function leaseExpiry(job: JobRecord): number {
  return job.action.leaseExpiresAt ? Date.parse(job.action.leaseExpiresAt) : Number.POSITIVE_INFINITY;
}

/** Decides what to do with a job before any LinkedIn request; null = go ahead. */
function gate(
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

function stopOutcome(verdict: StopVerdict, pauseUntil: number): Outcome {
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

/** The action's definition, its validated params, and a fresh Voyager client for this attempt. */
function prepareAttempt(job: JobRecord, env: JobEnvironment) {
  const definition = ACTIONS.get(job.action.type);
  return {
    startedAt: env.now(),
    definition,
    prepared: definition?.prepare(job.action.params),
    linkedin: createLinkedInClient({ transport: env.transport, liLang: env.liLang, timeoutMs: LINKEDIN_TIMEOUT_MS }),
  };
}

export async function executeJob(
  job: JobRecord,
  env: JobEnvironment,
  stopUntil: (verdict: StopVerdict) => number,
): Promise<JobReport> {
  const { startedAt, definition, prepared, linkedin } = prepareAttempt(job, env);
  let mutated = false;
  let stop: StopVerdict | null = null;
  let current = job;

  const ctx = contextFor(env, linkedin, async (call, intent) => {
    // Nothing starts after the lease: a slow lookup must not carry a write past it.
    const remaining = leaseExpiry(job) - env.now();
    if (remaining <= 0) throw new LeaseExpired();
    // A write never outlives its lease unnoticed: past it, the answer counts as lost.
    const timeoutMs = Math.min(remaining, LINKEDIN_TIMEOUT_MS);
    current = await markRunning(job.key, intent, env.now());
    await markInFlight(job.key, Date.now() + timeoutMs);
    const sentBefore = linkedin.stats.mutations;
    let answered = false;
    try {
      const verdict = await linkedin.call({ ...call, timeoutMs });
      answered = verdict.kind !== 'network_error';
      if (verdict.kind === 'network_error') throw new AnswerLost(verdict.reason);
      // v2: a 5xx on a Voyager write may have applied: reconcile, never resend blindly.
      // (An SDUI 500 means an incomplete body: a plain failure.)
      if (verdict.kind === 'server_error' && call.api !== 'sdui') throw new AnswerLost(`HTTP ${verdict.status}`);
      return verdict;
    } catch (error) {
      if (error instanceof NotSentError || error instanceof LinkedInStop) answered = true;
      throw error;
    } finally {
      // Only a request that left counts (not one the tab refused to send, nor one with no tab).
      if (linkedin.stats.mutations > sentBefore) mutated = true;
      // A lost answer keeps its in-flight marker: the write may still land. The job stays
      // `running` and is read back once the write can no longer be on its way.
      if (answered) await clearInFlight(job.key);
    }
  });

  let outcome = gate(job, definition, prepared, env);
  if (!outcome && prepared?.ok) {
    if (current.state === 'leased') current = await markValidated(job.key);
    try {
      outcome = await prepared.action.run(ctx);
    } catch (error) {
      if (error instanceof LeaseExpired) {
        outcome = outcomeOf(
          'lease_expired',
          `lease expired at ${job.action.leaseExpiresAt} before the write could start`,
        );
      } else if (error instanceof LinkedInStop) {
        stop = error.verdict;
        outcome = stopOutcome(error.verdict, stopUntil(error.verdict));
      } else if (!mutated) {
        // Nothing reached LinkedIn (e.g. no usable tab): safe to hand back for later.
        outcome = outcomeOf('outbound_throttled', `could not reach LinkedIn: ${errorTextForBackend(error)}`, {
          retryAt: env.now() + scaled(60_000),
        });
      } else {
        // The answer was lost (or the tab went away mid-write): the write may have landed, or
        // may still land. Not finished now: reconciled by a read-back once it cannot be in flight.
        const retryAt = (await inFlightUntil(job.key, Date.now())) ?? Date.now();
        return { result: null, mutated: true, stop: null, linkedinRequests: linkedin.stats.requests, retryAt };
      }
    }
    if (outcome && definition) outcome = await withDrift(outcome, definition.type, env);
  }
  await env.recordEffects({ mutated, stop, code: outcome?.code ?? null, pauseUntil: outcome?.retryAt ?? undefined });
  const result = await finishWithOutcome(
    current,
    withRetryTime(outcome ?? outcomeOf('linkedin_error', 'no outcome'), env.now()),
    env,
    {
      startedAt,
      summary: prepared?.ok ? prepared.action.summary : '(invalid params)',
      bucket: definition?.bucket ?? 'none',
      httpStatus: linkedin.stats.lastStatus,
      mutated,
      linkedinRequests: linkedin.stats.requests,
    },
  );
  return { result, mutated, stop, linkedinRequests: linkedin.stats.requests };
}

function suspendedOutcome(type: string, suspension: Suspension): Outcome {
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
async function withDrift(outcome: Outcome, type: string, env: JobEnvironment): Promise<Outcome> {
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
function withRetryTime(outcome: Outcome, now: number): Outcome {
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

/**
 * A job found `running` after a restart: its write may or may not have
 * reached LinkedIn. Read back; finish it if it happened, run it again (once)
 * if it verifiably did not, and report an unknown outcome otherwise.
 */
export async function resumeRunningJob(
  job: JobRecord,
  env: JobEnvironment,
  stopUntil: (verdict: StopVerdict) => number,
): Promise<JobReport> {
  // The dead worker's write may still be on its way from the tab: a read-back now could miss it.
  const wait = await inFlightUntil(job.key, Date.now());
  if (wait !== null) return { result: null, mutated: true, stop: null, linkedinRequests: 0, retryAt: wait };
  // Reading back as another account would answer for the wrong person: wait for the bound one.
  if (env.accountMismatch)
    return { result: null, mutated: true, stop: null, linkedinRequests: 0, retryAt: env.now() + scaled(60_000) };
  const { startedAt, definition, prepared, linkedin } = prepareAttempt(job, env);
  const ctx = contextFor(env, linkedin, () => Promise.reject(new Error('no writes while reconciling')));
  let outcome: Outcome;
  // The write of the dead worker happened, or may have: it counts (towards the caps too),
  // unless the read-back proved it did not.
  let wrote = true;
  try {
    const check =
      prepared?.ok && prepared.action.reconcile ? await prepared.action.reconcile(job.intent ?? {}, ctx) : null;
    wrote = check?.kind !== 'not_done';
    const step = resumeDecision(check, job.attempts);
    if (step.kind === 'rerun') return executeJob(job, env, stopUntil);
    if (step.kind === 'finish_done' && check?.kind === 'done')
      outcome = { ...check.outcome, output: { ...check.outcome.output, reconciled: true } };
    else {
      const why = step.kind === 'fail' ? step.reason : 'no outcome';
      outcome = wrote
        ? outcomeOf(
            'linkedin_error',
            `the write got no answer (the worker stopped or the answer was lost) and its outcome is unknown (${why}); not sent again`,
          )
        : outcomeOf(
            'linkedin_error',
            `the write was interrupted and a read-back shows it did not take effect (${why}); not sent again`,
          );
    }
  } catch (error) {
    if (!(error instanceof LinkedInStop)) throw error;
    // Cannot read back now: leave the job running; it is reconciled on a later pass.
    return { result: null, mutated: false, stop: error.verdict, linkedinRequests: linkedin.stats.requests };
  }
  await env.recordEffects({ mutated: wrote, stop: null, code: outcome.code });
  const result = await finishWithOutcome(job, outcome, env, {
    startedAt,
    summary: prepared?.ok ? prepared.action.summary : '(invalid params)',
    bucket: definition?.bucket ?? 'none',
    httpStatus: linkedin.stats.lastStatus,
    mutated: wrote,
    linkedinRequests: linkedin.stats.requests,
  });
  return { result, mutated: wrote, stop: null, linkedinRequests: linkedin.stats.requests };
}
