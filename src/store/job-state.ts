/**
 * The life of a leased action, as a state machine (pure):
 *
 *   leased → validated → running → finished → reported
 *      └──────────┴──────────────────┘ (refused/deferred before any write)
 *   leased → awaiting_approval → validated (approved) | finished (rejected, lease expired)
 *   running → running           (re-sent once, when a read-back proves the write did not happen)
 *   finished/reported → leased  (the same key leased again after a deferral
 *                                or after the 24 h replay window)
 *
 * `running` means the write's intent is on disk and the write may have left:
 * a job found there after a restart is reconciled, never blindly re-sent.
 */
export const JOB_STATES = ['leased', 'awaiting_approval', 'validated', 'running', 'finished', 'reported'] as const;
export type JobState = (typeof JOB_STATES)[number];

const ALLOWED: Record<JobState, readonly JobState[]> = {
  leased: ['validated', 'awaiting_approval', 'finished'],
  // Approving is the only way on to a write; rejection and an expired lease finish it.
  awaiting_approval: ['validated', 'finished'],
  validated: ['running', 'finished'],
  // running → running: re-sent once, after a read-back proved the first write did not happen.
  running: ['finished', 'running'],
  finished: ['reported', 'leased'],
  reported: ['leased'],
};

export function canTransition(from: JobState, to: JobState): boolean {
  return ALLOWED[from].includes(to);
}

export function assertTransition(key: string, from: JobState, to: JobState): void {
  if (!canTransition(from, to)) throw new Error(`job ${key}: illegal transition ${from} → ${to}`);
}

export const IN_HAND_STATES: readonly JobState[] = ['leased', 'awaiting_approval', 'validated', 'running'];
export const isInHand = (s: JobState) => IN_HAND_STATES.includes(s);
export const isDone = (s: JobState) => s === 'finished' || s === 'reported';

/** What to do with a job found `running` after a restart, given LinkedIn's read-back. */
export type ResumeStep = { kind: 'finish_done' } | { kind: 'rerun' } | { kind: 'fail'; reason: string };

/** A write is re-sent at most once, and only when the read-back proves it did not happen. */
export const MAX_WRITE_ATTEMPTS = 2;

export function resumeDecision(
  check: { kind: 'done' } | { kind: 'not_done' } | { kind: 'resend' } | { kind: 'unknown'; reason: string } | null,
  attempts: number,
): ResumeStep {
  if (check === null) return { kind: 'fail', reason: 'no read-back exists for this action type' };
  switch (check.kind) {
    case 'done':
      return { kind: 'finish_done' };
    case 'not_done':
      return attempts < MAX_WRITE_ATTEMPTS
        ? { kind: 'rerun' }
        : { kind: 'fail', reason: 'the write did not take effect after a retry' };
    // Setting a state again cannot do harm, however often (bounded by the lease).
    case 'resend':
      return { kind: 'rerun' };
    case 'unknown':
      return { kind: 'fail', reason: check.reason };
  }
}
