/**
 * The pump: one pass of lease → validate → execute → audit → report.
 * Wake-ups (alarm, timer, WebSocket, settings or cookie change) all call
 * `pump()`; one Web Lock keeps passes from overlapping, and a wake-up that
 * arrives during a pass makes it run once more. All state is in storage.
 */
import browser from 'webextension-polyfill';
import { ACTION_TYPES, leasedActionSchema, type Account } from '../../contract/protocol';
import { createBackendClient, type BackendClient } from '../backend/client';
import { INVITATION_LIMIT_CLOSE_MS } from '../safety/limits';
import { acceptableTypes, availableAt, earliestAvailable, nextSlotAt } from '../safety/decide';
import { isConfigured, loadSettings, settingsFingerprint, type Settings } from '../settings/store';
import type { JobRecord } from '../store/db';
import { admitLeased, purgeFinishedJobs, unfinishedJobs } from '../store/jobs';
import { DAY, HOUR, scaled } from '../time';
import type { StopVerdict } from '../voyager/client';
import { readSession } from '../voyager/session';
import { NoLinkedInTabError, existingTabOnly, type Transport } from '../voyager/transport';
import { deferJobsInHand } from './defer-in-hand';
import { deliverOutbox } from './deliver-outbox';
import { executeJob, resumeRunningJob, type AttemptEffects, type JobEnvironment } from './execute-job';
import { publishStatus } from './status';
import { executorId, loadRuntime, updateRuntime, type Runtime } from './runtime';
import { safetyInput } from './safety-input';
import { ensureViewer } from './viewer';
import { RECHECK_MS, hasCounts, recordAnswer } from '../safety/drift';
import { notifySuspended, recheckSuspended } from './recheck';
import { reportMalformed, takeAtMost } from './malformed';
import { wakeAt } from './wake';
import { approvalStep, sweepExpiredApprovals, withApprovalRoom } from './approval-step';
import { DEFAULT_POLL_MS, LEASE_MAX, recordLeaseAnswer, workNeedsTab } from './work-before-tab';
import { t, uiLocale } from '../i18n/chrome';
import { localeFormat } from '../i18n/locale-format';
import { challengeNotification } from './notification-text';

export { DEFAULT_POLL_MS, POLL_CEILING_MS, POLL_FLOOR_MS } from './work-before-tab';

export interface ExecutorDeps {
  now: () => number;
  transport: Transport;
  version: string;
}

export const CHALLENGE_PAUSE_MS = DAY;
export const RATE_LIMIT_BASE_MS = HOUR;
/** Why actions go back while no tab is open and the user has not answered the popup's question yet. */
const NO_TAB_UNASKED = 'no linkedin.com tab is open; the popup asks whether one may be opened in the background';

let again = false;
/** A forced wake-up (WebSocket `wake`, settings change) that arrived during a pass: the re-run leases at once too. */
let againForced = false;

export async function pump(deps: ExecutorDeps, opts: { force?: boolean } = {}): Promise<void> {
  await navigator.locks.request('executor-pump', { ifAvailable: true }, async (lock) => {
    if (!lock) {
      again = true;
      againForced ||= opts.force ?? false;
      return;
    }
    let force = opts.force ?? false;
    do {
      again = false;
      try {
        await pass(deps, force);
      } catch (error) {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        console.error('[executor] pass failed', error);
        await updateRuntime(() => ({ lastError: message }));
        await heartbeatAfterFailure(deps);
        await wakeAt(deps.now() + scaled(DEFAULT_POLL_MS));
      }
      // A wake that came during this pass must not wait for the next poll (it did: ~1 in 10 waited).
      force = againForced;
      againForced = false;
    } while (again);
  });
}

/** A pass that failed half-way still owes the backend its heartbeat. */
async function heartbeatAfterFailure(deps: ExecutorDeps): Promise<void> {
  try {
    const settings = await loadSettings();
    const runtime = await loadRuntime();
    if (!isConfigured(settings) || runtime.authRejectedFor === settingsFingerprint(settings)) return;
    await publishStatus(deps, backendFor(settings, await executorId(), deps.version));
  } catch (error) {
    console.warn('[executor] heartbeat after a failed pass failed too', error);
  }
}

export function backendFor(
  settings: Settings & { backendUrl: string; token: string },
  executorId: string,
  version: string,
): BackendClient {
  return createBackendClient({
    baseUrl: settings.backendUrl,
    token: settings.token,
    executorId,
    version,
    fetch: (...a) => fetch(...a),
  });
}

function stopUntilFor(now: number, runtime: Runtime) {
  return (verdict: StopVerdict): number => {
    if (verdict.kind === 'challenge') return now + scaled(CHALLENGE_PAUSE_MS);
    if (verdict.kind === 'rate_limited') return now + scaled(RATE_LIMIT_BASE_MS * 2 ** runtime.rateLimitLevel);
    return now;
  };
}

/** What an attempt changes for every later one: spacing, backoff, pauses, closed buckets. */
async function recordEffects(
  effects: AttemptEffects,
  now: number,
  stopUntil: (v: StopVerdict) => number,
  fingerprint: string | null,
): Promise<void> {
  const runtime = await updateRuntime((r) => {
    const patch: Partial<Runtime> = {};
    if (effects.mutated) {
      patch.lastMutationAt = now;
      patch.jitter = Math.random();
    }
    if (effects.mutated && effects.code === null) patch.rateLimitLevel = 0;
    if (effects.code === 'invitation_limit') {
      patch.closedUntil = { ...r.closedUntil, invitations: now + scaled(INVITATION_LIMIT_CLOSE_MS) };
    }
    const stop = effects.stop;
    if (stop?.kind === 'challenge')
      patch.pause = { until: effects.pauseUntil ?? stopUntil(stop), reason: 'challenge', since: now };
    if (stop?.kind === 'rate_limited') {
      patch.pause = { until: effects.pauseUntil ?? stopUntil(stop), reason: 'rate_limited', since: now };
      patch.rateLimitLevel = r.rateLimitLevel + 1;
    }
    if (stop?.kind === 'session_expired') {
      patch.viewer = null;
      patch.sessionInvalidFor = fingerprint;
    }
    return patch;
  });
  // The user is told after the state is safe; not awaited, so it never delays the result.
  if (effects.stop?.kind === 'challenge') void notifyChallenge(runtime);
}

/**
 * A LinkedIn "stop" met outside an action (Check LinkedIn, a re-check) counts
 * as one met by an action: a challenge pauses everything for 24 h, a 429
 * backs off, a dead session stops work.
 */
export async function recordLinkedInStop(verdict: StopVerdict, now: number): Promise<void> {
  const [runtime, session] = await Promise.all([loadRuntime(), readSession()]);
  await recordEffects(
    { mutated: false, stop: verdict, code: null },
    now,
    stopUntilFor(now, runtime),
    session.fingerprint,
  );
}

async function notifyChallenge(runtime: Runtime): Promise<void> {
  try {
    await browser.notifications.create('challenge', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      ...challengeNotification(runtime.pause?.until ?? 0, t, localeFormat(uiLocale())),
    });
  } catch (error) {
    console.warn('[executor] notification failed', error);
  }
}

async function pass(deps: ExecutorDeps, force: boolean): Promise<void> {
  const now = deps.now;
  const settings = await loadSettings();
  if (!isConfigured(settings)) {
    await publishStatus(deps, null);
    return;
  }
  // First, whatever else happens: a lease that ran out while waiting for approval (even while the worker slept).
  await sweepExpiredApprovals(now);
  let runtime = await loadRuntime();
  if (runtime.authRejectedFor === settingsFingerprint(settings)) {
    await publishStatus(deps, null);
    return;
  }
  const backend = backendFor(settings, await executorId(), deps.version);
  await purgeFinishedJobs(now());
  if ((await deliverOutbox(backend, now)) === 'auth') {
    await updateRuntime(() => ({ authRejectedFor: settingsFingerprint(settings) }));
    await publishStatus(deps, null);
    return;
  }

  const session = await readSession();
  // Who is signed in is read from a tab the user has open; a tab is opened (with consent) only for work.
  let viewerResult =
    session.signedIn && session.hasCsrfToken ? await ensureViewer(existingTabOnly(deps.transport), session) : null;
  if (viewerResult?.kind === 'no_tab' && (await workNeedsTab(now, backend, settings, force)))
    viewerResult = await ensureViewer(deps.transport, session);
  const awaitsTab = viewerResult?.kind === 'no_tab' ? session.fingerprint : null;
  if (runtime.viewerAwaitsTab !== awaitsTab) runtime = await updateRuntime(() => ({ viewerAwaitsTab: awaitsTab }));
  if (viewerResult?.kind === 'stop') {
    await recordEffects(
      { mutated: false, stop: viewerResult.verdict, code: null },
      now(),
      stopUntilFor(now(), runtime),
      session.fingerprint,
    );
  }
  if (viewerResult?.kind === 'error')
    await updateRuntime(() => ({ lastError: `LinkedIn identity: ${viewerResult.message}` }));
  const viewer = viewerResult?.kind === 'ok' ? viewerResult.viewer : null;
  if (!viewer || !session.hasCsrfToken) {
    // Nothing is attempted; actions already in hand go back to the backend, saying why.
    const stop = viewerResult?.kind === 'stop' ? viewerResult.verdict : null;
    if (stop?.kind === 'challenge' || stop?.kind === 'rate_limited') {
      const until = (await loadRuntime()).pause?.until ?? now() + scaled(RATE_LIMIT_BASE_MS);
      await deferJobsInHand(
        now,
        stop.kind === 'challenge' ? 'challenge' : 'outbound_throttled',
        `LinkedIn said stop (${stop.kind})`,
        until,
      );
    } else if (viewerResult?.kind === 'no_tab') {
      const why = settings.allowBackgroundTab === null ? NO_TAB_UNASKED : new NoLinkedInTabError().message;
      await deferJobsInHand(now, 'outbound_throttled', why);
      await deliverOutbox(backend, now);
      await publishStatus(deps, backend);
      // Nothing to learn until a tab opens or work arrives: poll as an idle pass would.
      const after = await loadRuntime();
      await wakeAt(Math.max(after.nextPollAt, after.backendRetryAt, now() + 1));
      return;
    } else {
      await deferJobsInHand(now, 'session_expired', 'signed out of LinkedIn');
    }
    await deliverOutbox(backend, now);
    await publishStatus(deps, backend);
    return;
  }
  runtime = await updateRuntime((r) =>
    r.boundAccount ? {} : { boundAccount: { memberUrn: viewer.memberUrn, publicIdentifier: viewer.publicIdentifier } },
  );
  const account: Account = { memberUrn: viewer.memberUrn, publicIdentifier: viewer.publicIdentifier };
  const accountMismatch = runtime.boundAccount !== null && runtime.boundAccount.memberUrn !== viewer.memberUrn;

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

  /** One job, whatever state it was left in; false when LinkedIn said stop. */
  const runJob = async (job: JobRecord): Promise<boolean> => {
    const env = await makeEnv();
    const step = await approvalStep(job, settings, {
      now,
      availableAt: env.availableAt,
      refusedAnyway: (j) => accountMismatch || env.suspension(j.action.type) !== null,
    });
    if (step === 'wait') return true;
    const stopUntil = stopUntilFor(now(), runtime);
    const report =
      job.state === 'running' ? await resumeRunningJob(job, env, stopUntil) : await executeJob(job, env, stopUntil);
    if (report.retryAt !== undefined) {
      // Settled later; meanwhile its write counts for spacing, as if it had just been sent.
      await updateRuntime((r) => ({ lastMutationAt: Math.max(r.lastMutationAt ?? 0, job.startedAt ?? now()) }));
      await wakeAt(report.retryAt);
      return true;
    }
    return report.stop === null;
  };

  // Jobs in hand from a worker that died: finish them before leasing more.
  for (const job of await unfinishedJobs()) {
    if (!(await runJob(job))) break;
  }
  await deliverOutbox(backend, now);

  runtime = await loadRuntime();
  if (runtime.pause && runtime.pause.until <= now()) runtime = await updateRuntime(() => ({ pause: null }));
  const input = await safetyInput(now(), runtime, settings);
  const status = () => publishStatus(deps, backend);
  if (input.pause) {
    await status();
    await wakeAt(input.pause.until);
    return;
  }
  if (now() < runtime.backendRetryAt) {
    await status();
    await wakeAt(runtime.backendRetryAt);
    return;
  }
  // Suspended types (LinkedIn changed their endpoint) are looked at again when due, before leasing.
  runtime = await recheckSuspended({
    now,
    transport: deps.transport,
    liLang: session.liLang,
    viewer,
    force: false,
    onStop: (v) => recordLinkedInStop(v, now()),
  });
  if (runtime.pause && runtime.pause.until > now()) {
    // The re-check met a challenge or a rate limit: nothing more this pass.
    await status();
    await wakeAt(runtime.pause.until);
    return;
  }
  // With a mismatched account actions are still leased, and refused account_mismatch.
  const accept = await withApprovalRoom(acceptableTypes(input).filter((type) => !runtime.drift.suspended[type]));
  if (accept.length === 0) {
    await status();
    const suspendedTypes = runtime.drift.suspended;
    const nextTypeAt = Math.min(...ACTION_TYPES.filter((t) => !suspendedTypes[t]).map((t) => availableAt(t, input)));
    const recheckAt = Math.min(...Object.values(suspendedTypes).map((s) => s.recheckAt));
    await wakeAt(Math.max(Math.min(nextTypeAt, recheckAt), now() + 1));
    return;
  }
  if (!force && now() < runtime.nextPollAt) {
    await status();
    await wakeAt(runtime.nextPollAt);
    return;
  }

  // The backend grants long leases to wordy types once a heartbeat shows approval mode: say so before leasing.
  if (settings.approvalMode !== runtime.lastHeartbeatApprovals) await status();
  const leased = await backend.lease({ max: LEASE_MAX, accept, account });
  runtime = await recordLeaseAnswer(leased, settings, now());
  if (leased.kind === 'auth') {
    await publishStatus(deps, null);
    return;
  }
  if (leased.kind !== 'ok') {
    await status();
    await wakeAt(runtime.backendRetryAt);
    return;
  }

  // A backend that sends more than asked gets the rest back at once, deferred to its next poll.
  const taken = await takeAtMost(leased.data.actions, LEASE_MAX, now, viewer, runtime.nextPollAt);
  for (const raw of taken) {
    const envelope = leasedActionSchema.safeParse(raw);
    if (!envelope.success) {
      await reportMalformed(raw, envelope.error, now, viewer);
      continue;
    }
    const admission = await admitLeased(envelope.data, now());
    if (admission.kind !== 'replayed') await runJob(admission.job);
  }
  await deliverOutbox(backend, now);
  runtime = await loadRuntime();
  await status();
  const after = await safetyInput(now(), runtime, settings);
  const nextSlot = runtime.lastMutationAt === null ? now() : nextSlotAt('follow_member', after);
  const recheckAt = Math.min(...Object.values(runtime.drift.suspended).map((s) => s.recheckAt));
  await wakeAt(
    Math.min(
      Math.max(runtime.nextPollAt, after.pause?.until ?? 0, Math.min(nextSlot, earliestAvailable(after)), now() + 1),
      Math.max(recheckAt, now() + 1),
    ),
  );
}
