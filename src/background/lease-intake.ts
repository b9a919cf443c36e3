/**
 * Lease intake: ask the backend for work, refuse what is malformed or beyond
 * `max`, admit the rest once each (a replayed lease never runs twice), run
 * it, report, and sleep until the next slot, poll or re-check.
 */
import { leasedActionSchema, type ActionType, type Account } from '../../contract/protocol';
import type { BackendClient } from '../backend/client';
import { earliestAvailable, nextSlotAt } from '../safety/decide';
import type { JobRecord } from '../store/db';
import { admitLeased } from '../store/jobs';
import { deliverOutbox } from './deliver-outbox';
import type { PassIdentity } from './job-runner';
import { reportMalformed, takeAtMost } from './malformed';
import { loadRuntime, type Runtime } from './runtime';
import { safetyInput } from './safety-input';
import { publishStatus } from './status';
import { wakeAt } from './wake';
import { LEASE_MAX, recordLeaseAnswer } from './work-before-tab';

export async function leaseAndRun(
  deps: { now: () => number },
  backend: BackendClient,
  identity: PassIdentity,
  accept: ActionType[],
  runtime: Runtime,
  runJob: (job: JobRecord) => Promise<boolean>,
): Promise<void> {
  const now = deps.now;
  const { settings, viewer } = identity;
  const account: Account = { memberUrn: viewer.memberUrn, publicIdentifier: viewer.publicIdentifier };
  const status = () => publishStatus(deps, backend);
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
