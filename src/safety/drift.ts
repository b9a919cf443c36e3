/**
 * Drift containment: LinkedIn changing an endpoint must not turn into a
 * stream of failures (or worse, false results). Answers that mean "LinkedIn
 * changed" (410, a 400 without a business code after every variant, an
 * answer the parser cannot read) are counted per action type and endpoint;
 * a few in a row, or one 410, suspend the action type: it leaves `accept`,
 * actions of it in hand are deferred `linkedin_changed`, and it is checked
 * again every few hours and when the user asks. Pure: state in, state out.
 */
import { z } from '../../contract/zod';
import { HOUR } from '../time';

/** Answers in a row that suspend a type (a 410 suspends at once). */
export const DRIFT_THRESHOLD = 3;
/** How long until a suspended type is checked again on its own (nominal; scaled by the caller). */
export const RECHECK_MS = 3 * HOUR;

export const suspensionSchema = z.object({
  endpoint: z.string(),
  reason: z.string(),
  since: z.number(),
  recheckAt: z.number(),
});
export type Suspension = z.infer<typeof suspensionSchema>;

export const driftStateSchema = z.object({
  /** `<type> <endpoint>` → answers in a row that meant "changed". */
  counts: z._default(z.record(z.string(), z.int().check(z.gte(0))), {}),
  /** Suspended action types. */
  suspended: z._default(z.record(z.string(), suspensionSchema), {}),
});
export type DriftState = z.infer<typeof driftStateSchema>;

export interface DriftSignal {
  endpoint: string;
  reason: string;
  gone: boolean;
}

const countKey = (type: string, endpoint: string) => `${type} ${endpoint}`;

/**
 * One LinkedIn answer for an action of `type`: a drift signal counts
 * (and may suspend); any other answer clears that type's counts.
 */
export function recordAnswer(
  state: DriftState,
  type: string,
  signal: DriftSignal | null,
  now: number,
  recheckInMs: number,
): DriftState {
  const counts = Object.fromEntries(
    Object.entries(state.counts).filter(([key]) => signal !== null || !key.startsWith(`${type} `)),
  );
  if (!signal) return { ...state, counts };
  const key = countKey(type, signal.endpoint);
  const count = (counts[key] ?? 0) + 1;
  if (!signal.gone && count < DRIFT_THRESHOLD) return { ...state, counts: { ...counts, [key]: count } };
  const reason = signal.gone ? signal.reason : `${signal.reason} (${count} times in a row)`;
  return {
    counts: { ...counts, [key]: 0 },
    suspended: {
      ...state.suspended,
      [type]: { endpoint: signal.endpoint, reason, since: now, recheckAt: now + recheckInMs },
    },
  };
}

/** Whether any drift answer is counted for this type (when not, a normal answer changes nothing). */
export function hasCounts(state: DriftState, type: string): boolean {
  return Object.keys(state.counts).some((key) => key.startsWith(`${type} `));
}

/** Lifts a suspension (a re-check passed, or the user asked to try again). */
export function lift(state: DriftState, type: string): DriftState {
  const suspended = Object.fromEntries(Object.entries(state.suspended).filter(([t]) => t !== type));
  return { ...state, suspended };
}

/** A re-check that still fails: keep the suspension, look again later. */
export function postpone(
  state: DriftState,
  type: string,
  now: number,
  recheckInMs: number,
  reason?: string,
): DriftState {
  const current = state.suspended[type];
  if (!current) return state;
  return {
    ...state,
    suspended: {
      ...state.suspended,
      [type]: { ...current, recheckAt: now + recheckInMs, ...(reason ? { reason } : {}) },
    },
  };
}

/** Types whose re-check is due. */
export function dueForRecheck(state: DriftState, now: number): string[] {
  return Object.entries(state.suspended)
    .filter(([, s]) => s.recheckAt <= now)
    .map(([type]) => type);
}
