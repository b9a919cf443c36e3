/**
 * The approval queue in the pump. A job that needs the user's approval
 * (safety/approval.ts) is held in `awaiting_approval` instead of running; an
 * approved one waits in hand for its slot while its lease allows, then runs
 * under the throttles; one whose lease ran out while it waited is reported
 * `lease_expired` by the sweep, which every pass runs first (also the first
 * pass of a worker that slept through the expiry).
 */
import browser from 'webextension-polyfill';
import { parseProfile } from '../../contract/inputs';
import { knownProfileName } from '../actions/resolve-profile';
import type { ActionType } from '../../contract/protocol';
import { MAX_AWAITING_APPROVAL, WORDY_TYPES, leaseExpiryOf, leaseRanOut, needsApproval } from '../safety/approval';
import type { Settings } from '../settings/store';
import { awaitingApproval, countAwaitingApproval, holdForApproval, settleApproval } from '../store/approvals';
import { cacheGet } from '../store/cache';
import { LOCAL_USER, type JobRecord } from '../store/db';
import { refreshApprovalBadge } from './badge';
import { approvalEndRecords } from './finish-records';
import { loadRuntime, updateRuntime } from './runtime';
import { wakeAt } from './wake';
import { t, uiLocale } from '../i18n/chrome';
import { localeFormat } from '../i18n/locale-format';
import { expiryNotification } from './notification-text';

export type ApprovalStep = 'run' | 'wait';

export interface ApprovalEnv {
  now: () => number;
  /** When this type may write (the throttles); > now: later. */
  availableAt: (type: string) => number;
  /** Nothing about this job may be held for the user: it is refused or deferred anyway (mismatch, suspension). */
  refusedAnyway: (job: JobRecord) => boolean;
}

/** What the pump does with a job: run it now (as before), or leave it in hand for now. */
export async function approvalStep(job: JobRecord, settings: Settings, env: ApprovalEnv): Promise<ApprovalStep> {
  const now = env.now();
  if (job.state === 'running') return 'run';
  // Held jobs wait for a decision whatever the mode is now: words queued for approval never go out without one.
  if (job.state === 'awaiting_approval') return 'wait';
  if (job.approval?.decision === 'approved') {
    const at = env.availableAt(job.action.type);
    // Approved and throttled: wait in hand for the slot while the lease lasts (a deferral would lose
    // the approval's moment); a slot past the lease goes back deferred, as any job's would.
    if (at > now && at < leaseExpiryOf(job.action)) {
      await wakeAt(at);
      return 'wait';
    }
    return 'run';
  }
  // Only a job not yet started is held: a `validated` one was past the gate already (e.g. before the mode was on).
  if (job.state !== 'leased') return 'run';
  if (!needsApproval(job.action, settings) || leaseRanOut(job.action, now) || env.refusedAnyway(job)) return 'run';
  await holdForApproval(job.key, now, await targetName(job, now));
  await refreshApprovalBadge();
  await wakeAt(leaseExpiryOf(job.action) + 1);
  return 'wait';
}

/** The types to lease: a full approval queue takes no more wordy actions until the user has caught up. */
export async function withApprovalRoom(accept: ActionType[]): Promise<ActionType[]> {
  if ((await countAwaitingApproval()) < MAX_AWAITING_APPROVAL) return accept;
  return accept.filter((type) => !WORDY_TYPES.includes(type));
}

/** The recipient's name, when a lookup already cached it; the popup never makes LinkedIn requests. */
async function targetName(job: JobRecord, now: number): Promise<string | null> {
  const params = (job.action.params ?? {}) as Record<string, unknown>;
  if (!('profile' in params)) return null;
  const ref = parseProfile(params['profile']);
  if (!ref.ok) return null;
  return knownProfileName(ref.value, { get: (key, parse) => cacheGet(key, now, parse) });
}

/** Reports every waiting job whose lease has run out (`failed` / `lease_expired`) and schedules the next expiry. */
export async function sweepExpiredApprovals(now: () => number): Promise<number> {
  const waiting = await awaitingApproval();
  if (waiting.length === 0) return 0;
  const runtime = await loadRuntime();
  const account = runtime.viewer?.memberUrn ?? runtime.boundAccount?.memberUrn ?? null;
  let expired = 0;
  for (const job of waiting) {
    if (!leaseRanOut(job.action, now())) {
      await wakeAt(leaseExpiryOf(job.action) + 1);
      continue;
    }
    const settled = await settleApproval(job.key, 'expire', now(), LOCAL_USER, approvalEndRecords(account));
    if (settled.kind === 'expired') expired++;
  }
  if (expired > 0) {
    await refreshApprovalBadge();
    await notifyFirstExpiry(expired);
  }
  return expired;
}

/** Tells the user the first time an action ran out of time in the queue (remembered in storage). */
export async function notifyFirstExpiry(count: number): Promise<void> {
  let first = false;
  await updateRuntime((r) => {
    first = !r.approvalExpiryNotified;
    return { approvalExpiryNotified: true };
  });
  if (!first) return;
  try {
    await browser.notifications.create('approval-expired', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      ...expiryNotification(count, t, localeFormat(uiLocale())),
    });
  } catch (error) {
    console.warn('[executor] notification failed', error);
  }
}
