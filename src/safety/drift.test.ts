import { describe, expect, it } from 'vitest';
import { DRIFT_THRESHOLD, dueForRecheck, hasCounts, lift, postpone, recordAnswer, type DriftState } from './drift';

const empty: DriftState = { counts: {}, suspended: {} };
const changed = { endpoint: 'withdraw', reason: 'HTTP 400 without a business code', gone: false };

describe('drift containment', () => {
  it('suspends a type after DRIFT_THRESHOLD changed answers in a row, with a re-check time', () => {
    let state = empty;
    for (let i = 1; i < DRIFT_THRESHOLD; i++) {
      state = recordAnswer(state, 'withdraw', changed, i, 100);
      expect(state.suspended.withdraw).toBeUndefined();
    }
    state = recordAnswer(state, 'withdraw', changed, 50, 100);
    expect(state.suspended.withdraw).toEqual({
      endpoint: 'withdraw',
      reason: `HTTP 400 without a business code (${DRIFT_THRESHOLD} times in a row)`,
      since: 50,
      recheckAt: 150,
    });
  });
  it('an answer that is not drift clears the count ("in a row"), for that type only', () => {
    let state = recordAnswer(empty, 'withdraw', changed, 1, 100);
    state = recordAnswer(state, 'connect', changed, 1, 100);
    state = recordAnswer(state, 'withdraw', null, 2, 100);
    expect(state.counts).toEqual({ 'connect withdraw': 1 });
    expect(hasCounts(state, 'withdraw')).toBe(false);
    expect(hasCounts(state, 'connect')).toBe(true);
    for (let i = 0; i < DRIFT_THRESHOLD - 1; i++) state = recordAnswer(state, 'withdraw', changed, 3, 100);
    expect(state.suspended.withdraw).toBeUndefined();
  });
  it('a 410 suspends at once', () => {
    const state = recordAnswer(
      empty,
      'unreact',
      { endpoint: 'reactions.delete', reason: 'HTTP 410 (endpoint retired)', gone: true },
      7,
      100,
    );
    expect(state.suspended.unreact).toMatchObject({ endpoint: 'reactions.delete', since: 7, recheckAt: 107 });
  });
  it('re-checks: due list, postpone keeps it with a new time and reason, lift removes it', () => {
    let state = recordAnswer(empty, 'unreact', { endpoint: 'e', reason: 'r', gone: true }, 0, 100);
    expect(dueForRecheck(state, 99)).toEqual([]);
    expect(dueForRecheck(state, 100)).toEqual(['unreact']);
    state = postpone(state, 'unreact', 100, 100, 'still failing');
    expect(state.suspended.unreact).toMatchObject({ recheckAt: 200, reason: 'still failing' });
    expect(lift(state, 'unreact').suspended).toEqual({});
  });
});
