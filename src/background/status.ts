/**
 * The executor's state as one view: what the popup shows and what the
 * heartbeat carries. The heartbeat goes out when the state changes and at
 * least every 60 s (scaled).
 */
import browser from 'webextension-polyfill';
import type { BackendClient } from '../backend/client';
import type { ActionType, Heartbeat } from '../../contract/protocol';
import { bucketReport } from '../safety/decide';
import type { StatusView } from '../shared/messages';
import { isConfigured, loadSettings, settingsFingerprint } from '../settings/store';
import { recentAudit } from '../store/audit';
import { unfinishedJobs } from '../store/jobs';
import { approvalsSummary } from '../safety/approval';
import { applyWarmup, warmupFactor } from '../safety/warmup';
import { effectiveLimits } from '../safety/limits';
import { showApprovalBadge } from './badge';
import { inHandView } from './in-hand-view';
import { outboxSize } from '../store/outbox';
import { SECOND, WEEK, isIndefinite, scaled, scaledWait } from '../time';
import { readSession } from '../voyager/session';
import { loadRuntime, updateRuntime } from './runtime';
import { STATUS_SNAPSHOT_KEY } from '../shared/status-snapshot';
import { pauseInForce, safetyInput } from './safety-input';

/** The protocol asks for at least one heartbeat a minute; passes run every 30 s, so resend after 30 s. */
export const HEARTBEAT_RESEND_MS = 30 * SECOND;

export async function computeStatus(now: number): Promise<StatusView> {
  const [settings, runtime, session] = await Promise.all([loadSettings(), loadRuntime(), readSession()]);
  const configured = isConfigured(settings);
  const authRejected = configured && runtime.authRejectedFor === settingsFingerprint(settings);
  const viewer = session.signedIn && runtime.viewer?.fingerprint === session.fingerprint ? runtime.viewer : null;
  const account = viewer ? { memberUrn: viewer.memberUrn, publicIdentifier: viewer.publicIdentifier } : null;
  const mismatch =
    account !== null && runtime.boundAccount !== null && runtime.boundAccount.memberUrn !== account.memberUrn;
  const pause = pauseInForce(now, runtime, settings);
  // Signed in, but who it is waits for a linkedin.com tab (none is opened just to ask): not "signed out".
  const awaitingTab =
    session.signedIn && !account && runtime.viewerAwaitsTab !== null && runtime.viewerAwaitsTab === session.fingerprint;
  const state = !configured
    ? 'unconfigured'
    : authRejected
      ? 'auth_rejected'
      : !session.signedIn || (!account && !awaitingTab)
        ? 'signed_out'
        : mismatch
          ? 'account_mismatch'
          : pause
            ? 'paused'
            : 'active';
  const [input, jobs, outbox, recent] = await Promise.all([
    safetyInput(now, runtime, settings),
    unfinishedJobs(),
    outboxSize(),
    recentAudit(10),
  ]);
  const running = jobs.filter((j) => j.state === 'running').length;
  const waiting = jobs.filter((j) => j.state === 'awaiting_approval');
  const warmupStart = settings.warmupStartedAt;
  const baseLimits = effectiveLimits(settings.limits);
  const inHand = inHandView(jobs, input, {
    workingHours: settings.workingHours,
    ...(warmupStart === null
      ? {}
      : {
          limitsAt: (at: number) => applyWarmup(baseLimits, warmupFactor(warmupStart, at)),
          nextLimitChange: (at: number) =>
            warmupStart + (Math.floor((at - warmupStart) / scaled(WEEK)) + 1) * scaled(WEEK),
        }),
  });
  const oldest = waiting.length === 0 ? null : Math.min(...waiting.map((j) => j.approval?.requestedAt ?? j.leasedAt));
  return {
    state,
    configured,
    backendUrl: settings.backendUrl,
    signedIn: session.signedIn,
    account,
    boundAccount: runtime.boundAccount,
    pause,
    limits: bucketReport(input),
    queue: { running, outbox, queuedAtBackend: runtime.queuedAtBackend },
    inHand,
    approvals: { mode: settings.approvalMode, pending: waiting.length, oldestAt: oldest },
    recent: recent.map((r) => ({
      at: r.at,
      actionId: r.actionId,
      type: r.type,
      paramsSummary: r.paramsSummary,
      status: r.status,
      code: r.code,
      message: r.message,
      linkedinRequests: r.linkedinRequests,
    })),
    lastError: runtime.lastError,
    suspended: Object.entries(runtime.drift.suspended).map(([type, s]) => ({
      type: type as ActionType,
      endpoint: s.endpoint,
      since: new Date(s.since).toISOString(),
      reason: s.reason,
      recheckAt: new Date(s.recheckAt).toISOString(),
    })),
    askBackgroundTab: settings.allowBackgroundTab === null && runtime.backgroundTabWanted,
    now,
  };
}

export function heartbeatOf(view: StatusView): Heartbeat {
  const state =
    view.state === 'unconfigured' || view.state === 'auth_rejected'
      ? 'unconfigured'
      : view.state === 'signed_out'
        ? 'signed_out'
        : view.pause
          ? 'paused'
          : 'active';
  return {
    state,
    pausedUntil: view.pause && !isIndefinite(view.pause.until) ? new Date(view.pause.until).toISOString() : null,
    pauseReason: view.pause?.reason ?? null,
    account: view.account,
    limits: view.limits,
    queue: { running: view.queue.running, outbox: view.queue.outbox },
    // Present only in approval mode: it tells the backend to grant long leases to wordy types.
    ...(view.approvals.mode || view.approvals.pending > 0
      ? {
          approvals: approvalsSummary(
            view.inHand.flatMap((i) => (i.state === 'awaiting_approval' ? [i.requestedAt ?? view.now] : [])),
          ),
        }
      : {}),
    suspended: view.suspended.map(({ type, endpoint, since, reason }) => ({ type, endpoint, since, reason })),
  };
}

/** What counts as "the state changed" (not the moving timestamps). */
function digestOf(hb: Heartbeat): string {
  return JSON.stringify([
    hb.state,
    hb.pausedUntil,
    hb.pauseReason,
    hb.account,
    hb.limits.map((l) => [l.bucket, l.window, l.limit, l.used]),
    hb.queue,
    hb.approvals ?? null,
    hb.suspended,
  ]);
}

export async function publishStatus(deps: { now: () => number }, backend: BackendClient | null): Promise<StatusView> {
  const view = await computeStatus(deps.now());
  await browser.storage.session.set({ [STATUS_SNAPSHOT_KEY]: view });
  await showApprovalBadge(view.approvals.pending);
  if (!backend) return view;
  const heartbeat = heartbeatOf(view);
  const digest = digestOf(heartbeat);
  const runtime = await loadRuntime();
  if (
    digest === runtime.lastHeartbeatDigest &&
    deps.now() - runtime.lastHeartbeatAt < scaledWait(HEARTBEAT_RESEND_MS, SECOND)
  )
    return view;
  const answer = await backend.heartbeat(heartbeat);
  if (answer.kind === 'auth') {
    // While paused the heartbeat is the only call: a revoked token must show here too.
    const settings = await loadSettings();
    await updateRuntime(() => ({ authRejectedFor: settingsFingerprint(settings) }));
    return computeStatus(deps.now());
  }
  if (answer.kind === 'ok') {
    await updateRuntime(() => ({
      lastHeartbeatAt: deps.now(),
      lastHeartbeatDigest: digest,
      lastHeartbeatApprovals: heartbeat.approvals !== undefined,
      ...(answer.data.queued !== undefined ? { queuedAtBackend: answer.data.queued } : {}),
      ...(answer.data.pollAfterMs !== undefined ? { pollAfterMs: answer.data.pollAfterMs } : {}),
    }));
  }
  return view;
}
