/**
 * Leasing before there is a tab. Who is signed in (GET /me) can only be read
 * from a linkedin.com tab, and a tab is never opened just for that: with
 * none open, the jobs in hand, or else one lease (account unknown: `null`,
 * as the protocol allows), say whether a tab is needed at all. Only then is
 * one opened, if the user agreed, and /me read in it.
 */
import { ACTION_TYPES, leasedActionSchema, type LeaseResponse } from '../../contract/protocol';
import type { BackendClient, BackendOutcome } from '../backend/client';
import { acceptableTypes } from '../safety/decide';
import { settingsFingerprint, type Settings } from '../settings/store';
import { admitLeased, unfinishedJobs } from '../store/jobs';
import { SECOND, scaledWait } from '../time';
import { backoffMs } from './backoff';
import { reportMalformed, takeAtMost } from './malformed';
import { loadRuntime, updateRuntime, type Runtime } from './runtime';
import { safetyInput } from './safety-input';

/** Actions taken per lease: one at a time, so each is validated against the throttles of its moment. */
export const LEASE_MAX = 1;
export const POLL_FLOOR_MS = 5 * SECOND;
export const POLL_CEILING_MS = 60 * SECOND;
export const DEFAULT_POLL_MS = 30 * SECOND;

/** What a lease answer changes in the runtime state: backoff after a failure, the next poll after an answer. */
export async function recordLeaseAnswer(
  leased: BackendOutcome<LeaseResponse>,
  settings: Settings,
  now: number,
): Promise<Runtime> {
  if (leased.kind === 'auth') return updateRuntime(() => ({ authRejectedFor: settingsFingerprint(settings) }));
  if (leased.kind !== 'ok') {
    return updateRuntime((cur) => ({
      backendFailures: cur.backendFailures + 1,
      backendRetryAt: now + backoffMs(cur.backendFailures + 1),
      lastError: 'error' in leased ? leased.error : 'conflict',
    }));
  }
  const pollMs = Math.min(Math.max(leased.data.pollAfterMs ?? DEFAULT_POLL_MS, POLL_FLOOR_MS), POLL_CEILING_MS);
  const gotActions = leased.data.actions.length > 0;
  return updateRuntime(() => ({
    backendFailures: 0,
    backendRetryAt: 0,
    lastError: null,
    pollAfterMs: leased.data.pollAfterMs ?? null,
    queuedAtBackend: leased.data.queued ?? null,
    // After actions, ask again soon (the floor); after none, follow the backend's hint.
    nextPollAt: now + scaledWait(gotActions ? POLL_FLOOR_MS : pollMs, 50),
  }));
}

/**
 * True when there is an action in hand that needs a linkedin.com tab. Leases
 * (within the same limits a normal pass keeps: pause, backoff, poll interval,
 * budget) only when nothing is in hand; what it leases becomes jobs in hand.
 */
export async function workNeedsTab(
  now: () => number,
  backend: BackendClient,
  settings: Settings,
  force: boolean,
): Promise<boolean> {
  // Jobs waiting for the user's approval need no tab until approved.
  if ((await unfinishedJobs()).some((j) => j.state !== 'awaiting_approval')) return true;
  const runtime = await loadRuntime();
  const input = await safetyInput(now(), runtime, settings);
  if (input.pause || now() < runtime.backendRetryAt || (!force && now() < runtime.nextPollAt)) return false;
  const accept = acceptableTypes(input).filter((type) => ACTION_TYPES.includes(type) && !runtime.drift.suspended[type]);
  if (accept.length === 0) return false;
  const leased = await backend.lease({ max: LEASE_MAX, accept, account: null });
  const after = await recordLeaseAnswer(leased, settings, now());
  if (leased.kind !== 'ok') return false;
  let admitted = 0;
  for (const raw of await takeAtMost(leased.data.actions, LEASE_MAX, now, null, after.nextPollAt)) {
    const envelope = leasedActionSchema.safeParse(raw);
    if (!envelope.success) {
      await reportMalformed(raw, envelope.error, now, null);
      continue;
    }
    if ((await admitLeased(envelope.data, now())).kind !== 'replayed') admitted++;
  }
  return admitted > 0;
}
