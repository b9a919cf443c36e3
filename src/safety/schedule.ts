/**
 * When will each action in hand go out? Pure: the throttle decision of
 * decide.ts (spacing, daily/weekly caps, closed buckets, pauses) replayed
 * forward in time, one write after another, with working hours and the
 * warm-up ramp applied at each simulated moment. Future jitter is not known
 * yet (it is drawn after each write), so times after the first assume none:
 * they are "not before" times.
 */
import { actionTypeSchema, type Bucket } from '../../contract/protocol';
import { isIndefinite } from '../time';
import { availableAt, type SafetyInput } from './decide';
import { BUCKET_OF, type BucketLimits } from './limits';
import { nextWorkingTime, type WorkingHours } from './working-hours';

export interface ScheduledJob {
  key: string;
  type: string;
}

export interface ScheduleContext {
  workingHours: WorkingHours | null;
  /** The limits in force at a moment (the warm-up ramp grows them); default: `input.limits` throughout. */
  limitsAt?: (at: number) => Record<Bucket, BucketLimits>;
  /** The next moment after `at` when `limitsAt` changes (the ramp's next weekly step), if any. */
  nextLimitChange?: (at: number) => number | null;
}

/** Enough to settle working hours against caps; each round only moves forward. */
const MAX_ROUNDS = 8;

/**
 * The earliest moment each job, taken in the given order, may write: a map
 * from key to epoch ms, or null when it cannot be told (a pause until the user
 * resumes, a cap of 0, an unknown type).
 */
export function goOutTimes(
  jobs: readonly ScheduledJob[],
  input: SafetyInput,
  context: ScheduleContext,
): Map<string, number | null> {
  const times = new Map<string, number | null>();
  // Working hours are applied per simulated moment below, not as the pause of `now`.
  const pause = input.pause?.reason === 'working_hours' ? null : input.pause;
  const mutationTimes = Object.fromEntries(
    Object.entries(input.mutationTimes).map(([bucket, list]) => [bucket, [...list]]),
  ) as Record<Bucket, number[]>;
  let sim: SafetyInput = { ...input, pause, mutationTimes };
  for (const job of jobs) {
    const type = actionTypeSchema.safeParse(job.type);
    const at = type.success ? earliest(type.data, sim, context) : null;
    times.set(job.key, at);
    if (at === null || !type.success) continue;
    mutationTimes[BUCKET_OF[type.data]].push(at);
    // The next write's jitter is drawn after this one: unknown, so the earliest case (none).
    sim = { ...sim, lastMutationAt: at, jitter: 0 };
  }
  return times;
}

function earliest(type: Parameters<typeof availableAt>[0], sim: SafetyInput, context: ScheduleContext): number | null {
  let at = Math.max(sim.now, sim.lastMutationAt ?? sim.now);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const limits = context.limitsAt ? context.limitsAt(at) : sim.limits;
    // availableAt never answers earlier than `now`, and nextWorkingTime never earlier than its input.
    const free = availableAt(type, { ...sim, now: at, limits });
    if (!Number.isFinite(free) || isIndefinite(free)) return null;
    const working = context.workingHours ? nextWorkingTime(free, context.workingHours) : free;
    if (working === at) return at;
    // A cap that grows before the window frees (warm-up) lets the write out at the step.
    const change = context.nextLimitChange?.(at) ?? null;
    at = change !== null && change > at && change < free ? change : working;
  }
  return at;
}
