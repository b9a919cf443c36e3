import { describe, expect, it } from 'vitest';
import { localTime, recheckText, suspensionText } from './format';

const now = Date.parse('2026-11-23T12:00:00Z');
const withdraw = {
  type: 'withdraw',
  endpoint: 'withdraw',
  since: '2026-11-23T11:00:00.000Z',
  reason: 'HTTP 410, endpoint retired',
  recheckAt: '2026-11-23T14:05:00.000Z',
} as const;

describe('popup: suspended action types', () => {
  it('says in one sentence which type is suspended, why, and when it is checked again', () => {
    expect(suspensionText(withdraw, now, () => '14:05')).toBe(
      'Withdraw is suspended: LinkedIn changed withdraw (HTTP 410, endpoint retired). Checked again at 14:05.',
    );
    expect(suspensionText({ ...withdraw, type: 'unreact', endpoint: 'reactions list' }, now, () => '14:05')).toMatch(
      /^Remove reaction is suspended: LinkedIn changed reactions list /,
    );
  });

  it('does not name a past time for a re-check that is already due', () => {
    expect(suspensionText({ ...withdraw, recheckAt: '2026-11-23T11:59:00.000Z' }, now)).toMatch(
      /\. Checked again shortly\.$/,
    );
  });

  it('gives a local clock time, with the day when it is not today', () => {
    const sameDay = new Date(2026, 10, 23, 14, 5).getTime();
    const today = new Date(2026, 10, 23, 9, 0).getTime();
    expect(localTime(sameDay, today)).toMatch(/^\d{1,2}:05/);
    expect(localTime(new Date(2026, 10, 24, 1, 5).getTime(), today)).toMatch(/^\S+ \d{1,2}:05/);
  });

  it('tells what "Check again" found', () => {
    expect(recheckText({ checked: 1, stillSuspended: [] })).toBe('Resumed.');
    expect(recheckText({ checked: 2, stillSuspended: ['withdraw', 'react'] })).toBe(
      'Still suspended: Withdraw, React.',
    );
    expect(recheckText({ checked: 0, stillSuspended: ['withdraw'] })).toBe(
      'Not checked: LinkedIn is signed out or your account is not known yet. Still suspended: Withdraw.',
    );
  });
});
