/**
 * The pump: one pass of lease → validate → execute → audit → report.
 * Wake-ups (alarm, timer, WebSocket, settings or cookie change) all call
 * `pump()`; one Web Lock keeps passes from overlapping, and a wake-up that
 * arrives during a pass makes it run once more. All state is in storage.
 * The steps: pass-identity.ts (who is signed in), job-runner.ts (one job),
 * lease-intake.ts (lease, admit, run); attempt-effects.ts (what a stop changes).
 */
import { ACTION_TYPES } from '../../contract/protocol';
import { createBackendClient, type BackendClient } from '../backend/client';
import { acceptableTypes, availableAt } from '../safety/decide';
import { isConfigured, loadSettings, settingsFingerprint, type Settings } from '../settings/store';
import { purgeFinishedJobs, unfinishedJobs } from '../store/jobs';
import { scaled } from '../time';
import type { Transport } from '../voyager/transport';
import { recordLinkedInStop } from './attempt-effects';
import { deliverOutbox } from './deliver-outbox';
import { jobRunner } from './job-runner';
import { leaseAndRun } from './lease-intake';
import { identifyForPass } from './pass-identity';
import { publishStatus } from './status';
import { executorId, loadRuntime, updateRuntime } from './runtime';
import { safetyInput } from './safety-input';
import { recheckSuspended } from './recheck';
import { wakeAt } from './wake';
import { sweepExpiredApprovals, withApprovalRoom } from './approval-step';
import { DEFAULT_POLL_MS } from './work-before-tab';

export { DEFAULT_POLL_MS, POLL_CEILING_MS, POLL_FLOOR_MS } from './work-before-tab';

export interface ExecutorDeps {
  now: () => number;
  transport: Transport;
  version: string;
}

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

  const identity = await identifyForPass(deps, backend, settings, runtime, force);
  if (!identity) return;
  const runJob = jobRunner(deps, identity);

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
    liLang: identity.session.liLang,
    viewer: identity.viewer,
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
  await leaseAndRun(deps, backend, identity, accept, runtime, runJob);
}
