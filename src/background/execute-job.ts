/**
 * One job through validate → gate → run → finish. The job is persisted at
 * every step (store/jobs.ts); finishing writes the audit entry and the outbox
 * entry atomically. LinkedIn "stop" verdicts become deferrals here and are
 * handed back so the caller can pause everything. The parts: job-gate.ts
 * (before any request), job-attempt.ts (what a run works with),
 * job-outcome.ts (outcomes and finishing), resume-job.ts (after a restart).
 */
import type { JobRecord } from '../store/db';
import { markRunning } from '../store/jobs';
import { LinkedInStop, type StopVerdict } from '../voyager/client';
import { NotSentError } from '../voyager/transport';
import { clearInFlight, inFlightUntil, markInFlight } from './inflight';
import { errorTextForBackend } from './error-text';
import { scaled } from '../time';
import { LINKEDIN_TIMEOUT_MS, contextFor, prepareAttempt } from './job-attempt';
import { effectsHoldBack, type JobEnvironment, type JobReport } from './job-environment';
import { gate, leaseExpiry } from './job-gate';
import { finishWithOutcome, outcomeOf, stopOutcome, withDrift, withRetryTime } from './job-outcome';

class LeaseExpired extends Error {}

/** A write left and no answer came back (timeout, cut connection). */
class AnswerLost extends Error {}

export async function executeJob(
  job: JobRecord,
  env: JobEnvironment,
  stopUntil: (verdict: StopVerdict) => number,
): Promise<JobReport> {
  const { startedAt, definition, prepared, linkedin } = prepareAttempt(job, env);
  let mutated = false;
  let stop: StopVerdict | null = null;
  let current = job;
  // The last answered write's marker removal, awaited before anything that needs it gone.
  let clearing: Promise<void> = Promise.resolve();

  const ctx = contextFor(env, linkedin, async (call, intent) => {
    // Nothing starts after the lease: a slow lookup must not carry a write past it.
    const remaining = leaseExpiry(job) - env.now();
    if (remaining <= 0) throw new LeaseExpired();
    // A write never outlives its lease unnoticed: past it, the answer counts as lost.
    const timeoutMs = Math.min(remaining, LINKEDIN_TIMEOUT_MS);
    await clearing;
    // Both on disk before the request leaves; independent, so written side by side.
    [current] = await Promise.all([
      markRunning(job.key, intent, env.now()),
      markInFlight(job.key, Date.now() + timeoutMs),
    ]);
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
      // Anything else (the tab closed or navigated mid-write, Chrome refused the script, an
      // unexpected error) cannot tell whether the request left: it counts as sent, since
      // handing it back as unsent could write twice.
      else mutated = true;
      throw error;
    } finally {
      // A request that left counts (not one the tab refused to send, nor one with no tab).
      if (linkedin.stats.mutations > sentBefore) mutated = true;
      // A lost answer keeps its in-flight marker: the write may still land. The job stays
      // `running` and is read back once the write can no longer be on its way.
      // Removed while the job goes on (awaited before it returns): a marker left by a
      // worker killed meanwhile only makes a resumed job wait out the timeout.
      if (answered) clearing = clearInFlight(job.key);
    }
  });

  let outcome = gate(job, definition, prepared, env);
  if (!outcome && prepared?.ok) {
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
        await clearing;
        const retryAt = (await inFlightUntil(job.key, Date.now())) ?? Date.now();
        return { result: null, mutated: true, stop: null, linkedinRequests: linkedin.stats.requests, retryAt };
      }
    }
    if (outcome && definition) outcome = await withDrift(outcome, definition.type, env);
  }
  const effects = { mutated, stop, code: outcome?.code ?? null, pauseUntil: outcome?.retryAt ?? undefined };
  const finish = () =>
    finishWithOutcome(current, withRetryTime(outcome ?? outcomeOf('linkedin_error', 'no outcome'), env.now()), env, {
      startedAt,
      summary: prepared?.ok ? prepared.action.summary : '(invalid params)',
      bucket: definition?.bucket ?? 'none',
      httpStatus: linkedin.stats.lastStatus,
      mutated,
      linkedinRequests: linkedin.stats.requests,
    });
  let result: Awaited<ReturnType<typeof finish>>;
  if (effectsHoldBack(effects)) {
    await env.recordEffects(effects);
    [result] = await Promise.all([finish(), clearing]);
  } else {
    [result] = await Promise.all([finish(), env.recordEffects(effects), clearing]);
  }
  return { result, mutated, stop, linkedinRequests: linkedin.stats.requests };
}
