/**
 * Leased jobs that cannot run now (signed out) go back to the backend as
 * deferred rather than sit here past their lease. Running jobs stay: they
 * need a read-back first.
 */
import type { ResultCode } from '../../contract/protocol';
import { ACTIONS } from '../actions/registry';
import { unfinishedJobs } from '../store/jobs';
import { SESSION_RETRY_MS } from '../safety/limits';
import { scaled } from '../time';
import { finishWithOutcome } from './job-outcome';

export async function deferJobsInHand(
  now: () => number,
  code: Extract<ResultCode, 'session_expired' | 'outbound_throttled' | 'challenge'>,
  why: string,
  retryAt: number = now() + scaled(SESSION_RETRY_MS),
): Promise<void> {
  for (const job of await unfinishedJobs()) {
    if (job.state !== 'leased') continue;
    const definition = ACTIONS.get(job.action.type);
    await finishWithOutcome(
      job,
      { status: 'deferred', code, message: why, output: {}, retryAt },
      { now, viewer: null },
      {
        startedAt: now(),
        summary: '(not started)',
        bucket: definition?.bucket ?? 'none',
        httpStatus: null,
        mutated: false,
        linkedinRequests: 0,
      },
    );
  }
}
