/**
 * Pure throttle decisions: may an action of this type run now, and if not,
 * when? Inputs (including `now` and the mutation times per bucket, read from
 * the audit log) are arguments, so every edge is unit-testable.
 */
import {
  ACTION_TYPES,
  BUCKETS,
  type ActionType,
  type Bucket,
  type BucketLimit,
  type PauseReason,
} from '../../contract/protocol';
import { DAY, SECOND, WEEK, isIndefinite, iso, scaled } from '../time';
import { BUCKET_OF, type BucketLimits, type Window } from './limits';

export const SPACING_MS = 30 * SECOND;
export const MESSAGE_SPACING_MS = 45 * SECOND;
/** The user may lengthen the spacing (Options), never shorten it below the floors above. */
export const SPACING_SECONDS = { min: SPACING_MS / SECOND, max: 3600 } as const;
export const WINDOW_MS: Record<Window, number> = { day: DAY, week: WEEK };

export interface SafetyInput {
  now: number;
  limits: Record<Bucket, BucketLimits>;
  /** Ascending times of mutations per bucket within the last week (at least). */
  mutationTimes: Record<Bucket, number[]>;
  lastMutationAt: number | null;
  /** Uniform in [0, 1): spacing is base × (1 + jitter). Drawn after each mutation. */
  jitter: number;
  /** The user's base spacing (unscaled ms); the floors still apply when it is lower. */
  spacingMs: number;
  pause: { until: number; reason: PauseReason } | null;
  /** A bucket closed until a time (e.g. LinkedIn's weekly invitation limit). */
  closedUntil: Partial<Record<Bucket, number>>;
}

export function spacingFor(type: ActionType, jitter: number, spacingMs: number = SPACING_MS): number {
  const base = Math.max(type === 'message' ? MESSAGE_SPACING_MS : SPACING_MS, spacingMs);
  return scaled(base * (1 + Math.min(Math.max(jitter, 0), 1)));
}

export function nextSlotAt(
  type: ActionType,
  input: Pick<SafetyInput, 'lastMutationAt' | 'jitter' | 'spacingMs'>,
): number {
  return input.lastMutationAt === null ? 0 : input.lastMutationAt + spacingFor(type, input.jitter, input.spacingMs);
}

interface WindowUse {
  used: number;
  /** When the count next drops (the oldest counted mutation leaves the window). */
  resetsAt: number | null;
  /** When one more mutation fits under the limit (now if it does). */
  availableAt: number;
}

export function windowUse(times: number[], window: Window, limit: number, now: number): WindowUse {
  const length = scaled(WINDOW_MS[window]);
  const inWindow = times.filter((t) => t > now - length && t <= now);
  const used = inWindow.length;
  const resetsAt = used > 0 ? (inWindow[0] as number) + length : null;
  if (used < limit) return { used, resetsAt, availableAt: now };
  if (limit === 0) return { used, resetsAt, availableAt: Number.POSITIVE_INFINITY };
  // Room appears when the (used - limit + 1)-th oldest mutation leaves the window.
  const freeing = inWindow[used - limit] as number;
  return { used, resetsAt, availableAt: freeing + length };
}

/** Earliest time a mutation of this type may run (≤ now means now). */
export function availableAt(type: ActionType, input: SafetyInput): number {
  if (input.pause && input.pause.until > input.now) return input.pause.until;
  const bucket = BUCKET_OF[type];
  let at = Math.max(input.now, nextSlotAt(type, input), input.closedUntil[bucket] ?? 0);
  const limits = input.limits[bucket];
  for (const window of ['day', 'week'] as const) {
    const limit = limits[window];
    if (limit === undefined) continue;
    at = Math.max(at, windowUse(input.mutationTimes[bucket], window, limit, input.now).availableAt);
  }
  return at;
}

export function acceptableTypes(input: SafetyInput): ActionType[] {
  return ACTION_TYPES.filter((type) => availableAt(type, input) <= input.now);
}

/** The earliest time any type becomes available (for scheduling the next wake-up). */
export function earliestAvailable(input: SafetyInput): number {
  return Math.min(...ACTION_TYPES.map((type) => availableAt(type, input)));
}

/** Heartbeat/popup rows: one per bucket and window. */
export function bucketReport(input: SafetyInput): BucketLimit[] {
  const rows: BucketLimit[] = [];
  for (const bucket of BUCKETS) {
    const type = ACTION_TYPES.find((t) => BUCKET_OF[t] === bucket) as ActionType;
    const next = availableAt(type, input);
    for (const window of ['week', 'day'] as const) {
      const limit = input.limits[bucket][window];
      if (limit === undefined) continue;
      const use = windowUse(input.mutationTimes[bucket], window, limit, input.now);
      rows.push({
        bucket,
        window,
        limit,
        used: use.used,
        resetsAt: use.resetsAt === null ? null : iso(use.resetsAt),
        nextAvailableAt: Number.isFinite(next) && !isIndefinite(next) ? iso(Math.max(next, input.now)) : null,
      });
    }
  }
  return rows;
}
