/**
 * A job found `running` after a restart: reconciled by a read-back, never
 * sent again blindly.
 */
import type { Outcome } from '../actions/types';
import type { JobRecord } from '../store/db';
import { resumeDecision } from '../store/job-state';
import { LinkedInStop, type StopVerdict } from '../voyager/client';
import { scaled } from '../time';
import { inFlightUntil } from './inflight';
import { executeJob } from './execute-job';
import { contextFor, prepareAttempt } from './job-attempt';
import type { JobEnvironment, JobReport } from './job-environment';
import { finishWithOutcome, outcomeOf } from './job-outcome';

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
