/**
 * Running one job within a pass: its environment is built afresh from the
 * runtime (the throttles move after every job), the approval gate comes
 * first, then a fresh run or the reconciliation of one left `running`.
 */
import type { Viewer } from '../actions/types';
import { availableAt } from '../safety/decide';
import { RECHECK_MS, hasCounts, recordAnswer } from '../safety/drift';
import type { Settings } from '../settings/store';
import type { JobRecord } from '../store/db';
import { scaled } from '../time';
import type { LinkedInSession } from '../voyager/session';
import type { Transport } from '../voyager/transport';
import { timeAction } from './action-timing';
import { approvalStep } from './approval-step';
import { recordEffects, stopUntilFor } from './attempt-effects';
import { executeJob } from './execute-job';
import type { JobEnvironment } from './job-environment';
import { notifySuspended } from './recheck';
import { resumeRunningJob } from './resume-job';
import { loadRuntime, updateRuntime, type Runtime } from './runtime';
import { safetyInput } from './safety-input';
import { wakeAt } from './wake';

/** What a pass knows once LinkedIn has said who is signed in. */
export interface PassIdentity {
  settings: Settings;
  session: LinkedInSession;
  viewer: Viewer;
  accountMismatch: boolean;
}

/** One job, whatever state it was left in; resolves false when LinkedIn said stop. */
export function jobRunner(
  deps: { now: () => number; transport: Transport },
  pass: PassIdentity,
): (job: JobRecord) => Promise<boolean> {
  const now = deps.now;
  const { settings, session, viewer, accountMismatch } = pass;
  let runtime: Runtime;

  const makeEnv = async (): Promise<JobEnvironment> => {
    runtime = await loadRuntime();
    const input = await safetyInput(now(), runtime, settings);
    const pause = input.pause;
    return {
      now,
      transport: deps.transport,
      liLang: session.liLang,
      viewer,
      accountMismatch,
      availableAt: (type) => availableAt(type as Parameters<typeof availableAt>[0], input),
      pause: pause
        ? { until: pause.until, code: pause.reason === 'challenge' ? 'challenge' : 'outbound_throttled' }
        : null,
      recordEffects: (effects) => recordEffects(effects, now(), stopUntilFor(now(), runtime), session.fingerprint),
      suspension: (type) => runtime.drift.suspended[type] ?? null,
      recordDrift: async (type, drift) => {
        // The usual case (a normal answer, nothing counted for this type) writes nothing.
        if (!drift && !hasCounts(runtime.drift, type)) return null;
        const after = await updateRuntime((r) => ({
          drift: recordAnswer(r.drift, type, drift, now(), scaled(RECHECK_MS)),
        }));
        const suspension = drift ? (after.drift.suspended[type] ?? null) : null;
        if (suspension) void notifySuspended(type, suspension);
        return suspension;
      },
    };
  };

  return async (job) => {
    // Timed as one action (executor:action:<type>): the approval gate is part of what a pass costs.
    const report = await timeAction(job.action.type, deps.transport, async (transport) => {
      const env = { ...(await makeEnv()), transport };
      const step = await approvalStep(job, settings, {
        now,
        availableAt: env.availableAt,
        refusedAnyway: (j) => accountMismatch || env.suspension(j.action.type) !== null,
      });
      if (step === 'wait') return 'wait' as const;
      const stopUntil = stopUntilFor(now(), runtime);
      return job.state === 'running' ? resumeRunningJob(job, env, stopUntil) : executeJob(job, env, stopUntil);
    });
    if (report === 'wait') return true;
    if (report.retryAt !== undefined) {
      // Settled later; meanwhile its write counts for spacing, as if it had just been sent.
      await updateRuntime((r) => ({ lastMutationAt: Math.max(r.lastMutationAt ?? 0, job.startedAt ?? now()) }));
      await wakeAt(report.retryAt);
      return true;
    }
    return report.stop === null;
  };
}
