import { describe, expect, it } from 'vitest';
import { JOB_STATES, assertTransition, canTransition, isDone, isInHand, resumeDecision } from './job-state';

describe('job state machine', () => {
  it('allows exactly the documented transitions', () => {
    const allowed = JOB_STATES.flatMap((from) =>
      JOB_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'leased→validated',
        'leased→awaiting_approval',
        'leased→finished',
        'awaiting_approval→validated',
        'awaiting_approval→finished',
        'validated→running',
        'validated→finished',
        'running→finished',
        'running→running',
        'finished→reported',
        'finished→leased',
        'reported→leased',
      ].sort(),
    );
  });
  it('never lets a running job go back to validated or leased (that would re-send a write)', () => {
    expect(canTransition('running', 'validated')).toBe(false);
    expect(canTransition('finished', 'running')).toBe(false);
    expect(canTransition('running', 'leased')).toBe(false);
    expect(() => assertTransition('k', 'running', 'leased')).toThrow(/illegal transition running → leased/);
  });
  it('lets a job waiting for approval reach a write only through validated (approval)', () => {
    expect(canTransition('awaiting_approval', 'running')).toBe(false);
    expect(canTransition('validated', 'awaiting_approval')).toBe(false);
  });
  it('classifies states', () => {
    expect(JOB_STATES.filter(isInHand)).toEqual(['leased', 'awaiting_approval', 'validated', 'running']);
    expect(JOB_STATES.filter(isDone)).toEqual(['finished', 'reported']);
  });
});

describe('reconciliation decision', () => {
  it('done → finish as succeeded (reconciled)', () => {
    expect(resumeDecision({ kind: 'done' }, 1)).toEqual({ kind: 'finish_done' });
  });
  it('verifiably not done → re-run once, then fail', () => {
    expect(resumeDecision({ kind: 'not_done' }, 1)).toEqual({ kind: 'rerun' });
    expect(resumeDecision({ kind: 'not_done' }, 2)).toMatchObject({ kind: 'fail' });
  });
  it('unknown or no read-back → fail, never re-send', () => {
    expect(resumeDecision({ kind: 'unknown', reason: 'HTTP 500' }, 1)).toEqual({ kind: 'fail', reason: 'HTTP 500' });
    expect(resumeDecision(null, 1)).toEqual({ kind: 'fail', reason: 'no read-back exists for this action type' });
  });
});
