import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import de from '../../../public/_locales/de/messages.json';
import { translator } from '../../i18n/catalog';
import { localeFormat } from '../../i18n/locale-format';
import {
  bannerText,
  countdown,
  decisionText,
  goesOutText,
  itemTitle,
  limitText,
  queueText,
  recheckText,
  suspensionText,
} from './format';
import type { InHandItem } from '../../shared/approval-view';
import type { StatusView } from '../../shared/messages';

const t = translator(en);
const us = localeFormat('en-US');

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
    expect(suspensionText(withdraw, now, t, () => '14:05')).toBe(
      'Withdraw is suspended: LinkedIn changed withdraw (HTTP 410, endpoint retired). Checked again at 14:05.',
    );
    expect(suspensionText({ ...withdraw, type: 'unreact', endpoint: 'reactions list' }, now, t, () => '14:05')).toMatch(
      /^Remove reaction is suspended: LinkedIn changed reactions list /,
    );
  });

  it('does not name a past time for a re-check that is already due', () => {
    expect(suspensionText({ ...withdraw, recheckAt: '2026-11-23T11:59:00.000Z' }, now, t, us.time)).toMatch(
      /\. Checked again shortly\.$/,
    );
  });

  it('gives a local clock time, with the day when it is not today', () => {
    const sameDay = new Date(2026, 10, 23, 14, 5).getTime();
    const today = new Date(2026, 10, 23, 9, 0).getTime();
    expect(us.time(sameDay, today)).toMatch(/^\d{1,2}:05/);
    expect(us.time(new Date(2026, 10, 24, 1, 5).getTime(), today)).toMatch(/^\S+ \d{1,2}:05/);
    expect(localeFormat('de-DE').time(sameDay, today)).toBe('14:05');
    expect(localeFormat('de-DE').time(new Date(2026, 10, 24, 1, 5).getTime(), today)).toBe('Di., 01:05');
  });

  it('tells what "Check again" found', () => {
    expect(recheckText({ checked: 1, stillSuspended: [] }, t)).toBe('Resumed.');
    expect(recheckText({ checked: 2, stillSuspended: ['withdraw', 'react'] }, t)).toBe(
      'Still suspended: Withdraw, React.',
    );
    expect(recheckText({ checked: 0, stillSuspended: ['withdraw'] }, t)).toBe(
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
    expect(itemTitle(item({ targetName: 'Jane Doe' }), t)).toBe('Message to Jane Doe (jdoe)');
    expect(itemTitle(item({ type: 'comment', target: 'urn:li:activity:1' }), t)).toBe('Comment on urn:li:activity:1');
    expect(itemTitle(item({ type: 'connect' }), t)).toBe('Connect to jdoe');
    expect(itemTitle(item({ type: 'follow_company', target: '1441' }), t)).toBe('Follow a company: 1441');
  });
  it('says when it goes out as clock times, never a running countdown', () => {
    expect(goesOutText(item({}), now, t, clock)).toBe(
      'If approved now: now · unless approved by 16:00, it goes back unsent',
    );
    expect(goesOutText(item({ state: 'approved', goesOutAt: now + 90_000 }), now, t, clock)).toBe(
      'Approved · goes out not before 12:01',
    );
    expect(goesOutText(item({ state: 'ready', goesOutAt: null }), now, t, clock)).toBe(
      'Goes out not in sight (paused until you resume, or a limit of 0)',
    );
    expect(goesOutText(item({ state: 'running', goesOutAt: null }), now, t, clock)).toBe('Sending now');
  });
});

describe("popup: state, queue and limits in the user's language and number format", () => {
  const de_ = translator(de);
  const deFmt = localeFormat('de-DE');
  const view = (patch: Partial<StatusView>) => ({ state: 'active', pause: null, ...patch }) as StatusView;

  it('counts down with no-break spaces, as the catalogue spells the units', () => {
    expect(countdown(14 * 60_000 + 5_000, t)).toBe('14m\u00a005s');
    expect(countdown(3_700_000, t)).toBe('1h\u00a001m');
    expect(countdown(-1, t)).toBe('0s');
    expect(countdown(14 * 60_000 + 5_000, de_)).toBe('14\u00a0Min. 05\u00a0s');
  });

  it('says the state in English and in German', () => {
    expect(bannerText(view({}), now, t)).toBe('Active');
    expect(
      bannerText(view({ state: 'paused', pause: { reason: 'user', until: Number.POSITIVE_INFINITY } }), now, t),
    ).toBe('Paused (by you) until you resume');
    expect(bannerText(view({ state: 'paused', pause: { reason: 'challenge', until: now + 65_000 } }), now, de_)).toBe(
      'Pausiert (LinkedIn-Sicherheitsprüfung) · geht weiter in 1\u00a0Min. 05\u00a0s',
    );
  });

  it("formats counts with the locale's grouping", () => {
    const queue = { running: 0, outbox: 1200, queuedAtBackend: 3 } as StatusView['queue'];
    expect(queueText(queue, t, us)).toBe('0 running · 1,200 results to deliver · 3 waiting at the backend');
    expect(queueText({ ...queue, queuedAtBackend: null }, de_, deFmt)).toBe(
      '0 laufend · 1.200 Ergebnisse zu übermitteln',
    );
    expect(decisionText({ approved: 0, rejected: 1, expired: 0, unchanged: 2 }, t, us)).toBe(
      '1 rejected · 2 already decided.',
    );
  });

  it('names a limit row, its use and its bar', () => {
    const limit = {
      bucket: 'follows',
      window: 'day',
      limit: 1000,
      used: 10,
      resetsAt: null,
      nextAvailableAt: null,
    } as const;
    expect(limitText(limit, t, us)).toEqual({ name: 'follows / day', usage: '10/1,000', pct: 1, barLabel: '1% used' });
    expect(limitText(limit, de_, deFmt)).toEqual({
      name: 'Folgen / Tag',
      usage: '10/1.000',
      pct: 1,
      barLabel: '1\u00a0% genutzt',
    });
  });
});
