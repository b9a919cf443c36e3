import { describe, expect, it } from 'vitest';
import { goesOutText, itemTitle, localTime, recheckText, suspensionText } from './format';
import type { InHandItem } from '../../shared/approval-view';

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

describe('popup: the actions in hand', () => {
  const item = (patch: Partial<InHandItem>): InHandItem => ({
    key: 'k',
    type: 'message',
    target: 'jdoe',
    targetName: null,
    text: 'Hello',
    state: 'awaiting_approval',
    goesOutAt: now,
    leaseExpiresAt: now + 4 * 3600_000,
    requestedAt: now - 1000,
    ...patch,
  });
  const clock = (at: number) => new Date(at).toISOString().slice(11, 16);

  it('names the action and its target as the user knows it, with the name when known', () => {
    expect(itemTitle(item({ targetName: 'Jane Doe' }))).toBe('Message to Jane Doe (jdoe)');
    expect(itemTitle(item({ type: 'comment', target: 'urn:li:activity:1' }))).toBe('Comment on urn:li:activity:1');
    expect(itemTitle(item({ type: 'connect' }))).toBe('Connect to jdoe');
    expect(itemTitle(item({ type: 'follow_company', target: '1441' }))).toBe('Follow a company: 1441');
  });
  it('says when it goes out as clock times, never a running countdown', () => {
    expect(goesOutText(item({}), now, clock)).toBe(
      'If approved now: now · unless approved by 16:00, it goes back unsent',
    );
    expect(goesOutText(item({ state: 'approved', goesOutAt: now + 90_000 }), now, clock)).toBe(
      'Approved · goes out not before 12:01',
    );
    expect(goesOutText(item({ state: 'ready', goesOutAt: null }), now, clock)).toBe(
      'Goes out not in sight (paused until you resume, or a limit of 0)',
    );
    expect(goesOutText(item({ state: 'running', goesOutAt: null }), now, clock)).toBe('Sending now');
  });
});
