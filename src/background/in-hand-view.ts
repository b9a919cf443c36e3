/**
 * The actions in hand as the popup lists them (pure): what each is, for
 * whom, its words in full, and when it goes out given spacing, caps, working
 * hours and the warm-up. Those waiting for approval come first (oldest
 * first, with the time they would go out if approved now), then the others
 * in the order they go out.
 */
import { leaseExpiryOf, targetOf, wordsOf } from '../safety/approval';
import type { SafetyInput } from '../safety/decide';
import { goOutTimes, type ScheduleContext } from '../safety/schedule';
import type { InHandItem } from '../shared/approval-view';
import type { JobRecord } from '../store/db';

function stateOf(job: JobRecord): InHandItem['state'] {
  if (job.state === 'running') return 'running';
  if (job.state === 'awaiting_approval') return 'awaiting_approval';
  return job.approval?.decision === 'approved' ? 'approved' : 'ready';
}

export function inHandView(jobs: readonly JobRecord[], input: SafetyInput, context: ScheduleContext): InHandItem[] {
  const byLease = [...jobs].sort((a, b) => a.leasedAt - b.leasedAt);
  const running = byLease.filter((j) => j.state === 'running');
  const waiting = byLease
    .filter((j) => j.state === 'awaiting_approval')
    .sort((a, b) => (a.approval?.requestedAt ?? a.leasedAt) - (b.approval?.requestedAt ?? b.leasedAt));
  const ready = byLease.filter((j) => j.state !== 'running' && j.state !== 'awaiting_approval');
  // A write in flight counts as happening now; then the ready ones; then, if approved now, the waiting ones.
  const times = goOutTimes(
    [...ready, ...waiting].map((j) => ({ key: j.key, type: j.action.type })),
    running.length > 0 ? { ...input, lastMutationAt: Math.max(input.lastMutationAt ?? 0, input.now) } : input,
    context,
  );
  const item = (job: JobRecord): InHandItem => {
    const expiry = leaseExpiryOf(job.action);
    return {
      key: job.key,
      type: job.action.type,
      target: targetOf(job.action),
      targetName: job.approval?.targetName ?? null,
      text: wordsOf(job.action),
      state: stateOf(job),
      goesOutAt: job.state === 'running' ? null : (times.get(job.key) ?? null),
      leaseExpiresAt: Number.isFinite(expiry) ? expiry : null,
      requestedAt: job.approval?.requestedAt ?? null,
    };
  };
  const goesOut = (a: InHandItem, b: InHandItem) =>
    (a.goesOutAt ?? Number.POSITIVE_INFINITY) - (b.goesOutAt ?? Number.POSITIVE_INFINITY);
  return [...waiting.map(item), ...running.map(item), ...ready.map(item).sort(goesOut)];
}
