/** Gathers the pure safety decision's inputs from the audit log, runtime and settings. */
import { BUCKETS, type Bucket } from '../../contract/protocol';
import type { SafetyInput } from '../safety/decide';
import { effectiveLimits } from '../safety/limits';
import { applyWarmup, warmupFactor } from '../safety/warmup';
import { nextWorkingTime } from '../safety/working-hours';
import type { Settings } from '../settings/store';
import { mutationTimesByBucket } from '../store/audit';
import { SECOND, WEEK, scaled } from '../time';
import type { Runtime } from './runtime';

/** The pause in force: a stored one (user, challenge, rate limit) wins over working hours. */
export function pauseInForce(now: number, runtime: Runtime, settings: Settings): SafetyInput['pause'] {
  if (runtime.pause && runtime.pause.until > now) return { until: runtime.pause.until, reason: runtime.pause.reason };
  if (settings.workingHours) {
    const next = nextWorkingTime(now, settings.workingHours);
    if (next > now) return { until: next, reason: 'working_hours' };
  }
  return null;
}

export async function safetyInput(now: number, runtime: Runtime, settings: Settings): Promise<SafetyInput> {
  const since = now - scaled(WEEK);
  const times = await mutationTimesByBucket(BUCKETS, since);
  const entries = BUCKETS.map((b, i) => [b, times[i] ?? []] as const);
  const limits = effectiveLimits(settings.limits);
  // The audit log is the durable record of writes: spacing holds even if the runtime state lagged behind it.
  const lastLogged = Math.max(0, ...entries.map(([, times]) => times.at(-1) ?? 0));
  const lastMutationAt = Math.max(runtime.lastMutationAt ?? 0, lastLogged) || null;
  return {
    now,
    limits:
      settings.warmupStartedAt === null ? limits : applyWarmup(limits, warmupFactor(settings.warmupStartedAt, now)),
    mutationTimes: Object.fromEntries(entries) as Record<Bucket, number[]>,
    lastMutationAt,
    jitter: runtime.jitter,
    spacingMs: settings.spacingSeconds * SECOND,
    pause: pauseInForce(now, runtime, settings),
    closedUntil: runtime.closedUntil,
  };
}
