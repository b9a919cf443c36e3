/**
 * What a job's run is given (its environment: clock, transport, viewer, the
 * throttles' answers, where effects and drift are recorded) and what it
 * hands back to the pump.
 */
import type { ActionResult, ResultCode } from '../../contract/protocol';
import type { Drift, Viewer } from '../actions/types';
import type { Suspension } from '../safety/drift';
import type { StopVerdict } from '../voyager/client';
import type { Transport } from '../voyager/transport';

export interface JobEnvironment {
  now: () => number;
  transport: Transport;
  /** x-li-lang from the user's locale (null: omitted). */
  liLang: string | null;
  viewer: Viewer;
  /** Bound account differs from the signed-in one. */
  accountMismatch: boolean;
  /** When this type may run (≤ now: now). Infinity: never in this window. */
  availableAt: (type: string) => number;
  /** Pause in force: every action is deferred to its end. */
  pause: { until: number; code: 'challenge' | 'outbound_throttled' } | null;
  /**
   * Persists what an attempt changes for every later one (spacing, pauses, closed buckets).
   * Called before the result is committed, so a worker dying in between cannot
   * report a challenge it did not also pause for.
   */
  recordEffects(effects: AttemptEffects): Promise<void>;
  /** The suspension of this action type because LinkedIn changed (drift.ts), or null. */
  suspension(type: string): Suspension | null;
  /**
   * Counts an answer that means "LinkedIn changed" (or, with null, an answer
   * that did not) for this type; returns the suspension it caused, if any.
   */
  recordDrift(type: string, drift: Drift | null): Promise<Suspension | null>;
}

export interface AttemptEffects {
  mutated: boolean;
  stop: StopVerdict | null;
  code: ResultCode | null;
  /** For a stop: the end of the pause it starts, the same instant the result's retryAt names. */
  pauseUntil?: number;
}

/**
 * Effects that hold later work back (a pause, a closed bucket, a dead
 * session) are on record before the job counts as done, so a worker killed
 * in between cannot lose them. The rest (spacing time, jitter) may be written
 * beside the finish: the audit log's mutations are spacing's durable record.
 */
export function effectsHoldBack(effects: AttemptEffects): boolean {
  return effects.stop !== null || effects.code === 'invitation_limit';
}

export interface JobReport {
  /** Set when a job could not be settled yet (its old write may still be in flight): try again then. */
  retryAt?: number;
  /** Null when the job stays unfinished (a stop came while reconciling it). */
  result: ActionResult | null;
  /** A mutation request left for LinkedIn. */
  mutated: boolean;
  stop: StopVerdict | null;
  linkedinRequests: number;
}
