import { describe, expect, it } from 'vitest';
import { BUCKETS } from '../../contract/protocol';
import { DAY } from '../time';
import { effectiveLimits } from './limits';
import { applyWarmup, warmupAdvice, warmupFactor } from './warmup';
import { translator } from '../i18n/catalog';
import en from '../../public/_locales/en/messages.json';
import {
  isWithinWorkingHours,
  nextWorkingTime,
  workingHoursSchema,
  workingWindowEnd,
  type WorkingHours,
} from './working-hours';

const utc = (s: string) => Date.parse(s);
const weekdays: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', timeZone: 'UTC' };

describe('working hours', () => {
  it('inside and outside a weekday window, edges included/excluded', () => {
    expect(isWithinWorkingHours(utc('2026-11-23T09:00:00Z'), weekdays)).toBe(true); // Monday 09:00
    expect(isWithinWorkingHours(utc('2026-11-23T08:59:59Z'), weekdays)).toBe(false);
    expect(isWithinWorkingHours(utc('2026-11-23T17:59:00Z'), weekdays)).toBe(true);
    expect(isWithinWorkingHours(utc('2026-11-23T18:00:00Z'), weekdays)).toBe(false);
    expect(isWithinWorkingHours(utc('2026-11-22T12:00:00Z'), weekdays)).toBe(false); // Sunday
  });
  it('next working time: Friday evening → Monday 09:00', () => {
    expect(nextWorkingTime(utc('2026-11-27T18:30:00Z'), weekdays)).toBe(utc('2026-11-30T09:00:00Z'));
    expect(nextWorkingTime(utc('2026-11-24T08:59:30Z'), weekdays)).toBe(utc('2026-11-24T09:00:00Z'));
    const inside = utc('2026-11-24T10:00:00Z');
    expect(nextWorkingTime(inside, weekdays)).toBe(inside);
    expect(workingWindowEnd(inside, weekdays)).toBe(utc('2026-11-24T18:00:00Z'));
  });
  it('a window across midnight belongs to the day it starts on', () => {
    const nights: WorkingHours = { days: [5], start: '22:00', end: '02:00', timeZone: 'UTC' }; // Friday night
    expect(isWithinWorkingHours(utc('2026-11-27T23:00:00Z'), nights)).toBe(true); // Fri 23:00
    expect(isWithinWorkingHours(utc('2026-11-28T01:30:00Z'), nights)).toBe(true); // Sat 01:30, Friday's window
    expect(isWithinWorkingHours(utc('2026-11-28T02:00:00Z'), nights)).toBe(false);
    expect(isWithinWorkingHours(utc('2026-11-28T23:00:00Z'), nights)).toBe(false); // Saturday night
    expect(isWithinWorkingHours(utc('2026-11-27T01:00:00Z'), nights)).toBe(false); // Fri 01:00 is Thursday's window
    expect(nextWorkingTime(utc('2026-11-28T03:00:00Z'), nights)).toBe(utc('2026-12-04T22:00:00Z'));
  });
  it('follows local time across a DST change (Europe/Berlin, 2026-03-29)', () => {
    const berlin: WorkingHours = { days: [0, 1], start: '09:00', end: '17:00', timeZone: 'Europe/Berlin' };
    // Saturday 28 March 2026 20:00 CET (UTC+1) → Sunday 09:00 CEST (UTC+2) = 07:00Z.
    expect(nextWorkingTime(utc('2026-03-28T19:00:00Z'), berlin)).toBe(utc('2026-03-29T07:00:00Z'));
    expect(isWithinWorkingHours(utc('2026-03-29T07:30:00Z'), berlin)).toBe(true);
    expect(isWithinWorkingHours(utc('2026-03-29T06:30:00Z'), berlin)).toBe(false);
    // And back in autumn (25 Oct 2026): Sunday 09:00 CET = 08:00Z.
    expect(nextWorkingTime(utc('2026-10-24T20:00:00Z'), berlin)).toBe(utc('2026-10-25T08:00:00Z'));
  });
  it('validates its settings with specific issues, named by problem key (the page words them)', () => {
    expect(workingHoursSchema.safeParse({ days: [], start: '09:00', end: '17:00' }).error?.issues[0]?.message).toBe(
      'problemWhNoDays',
    );
    expect(workingHoursSchema.safeParse({ days: [1], start: '9:00', end: '17:00' }).error?.issues[0]?.message).toBe(
      'problemWhBadTime',
    );
    expect(workingHoursSchema.safeParse({ days: [1], start: '09:00', end: '09:00' }).error?.issues[0]?.message).toBe(
      'problemWhSameTimes',
    );
    const zone = workingHoursSchema.safeParse({ days: [1], start: '09:00', end: '17:00', timeZone: 'Mars/Olympus' });
    expect(zone.error?.issues[0]).toMatchObject({ path: ['timeZone'], message: 'problemWhUnknownZone' });
    expect(
      workingHoursSchema.safeParse({ days: [1], start: '09:00', end: '17:00', timeZone: 'Asia/Tokyo' }).success,
    ).toBe(true);
  });
  it("a stored time zone decides, not the computer's", () => {
    const tokyo = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', timeZone: 'Asia/Tokyo' };
    // Monday 2026-11-23 01:00Z = 10:00 in Tokyo (inside), 20:00 on Sunday in New York.
    expect(isWithinWorkingHours(utc('2026-11-23T01:00:00Z'), tokyo)).toBe(true);
    expect(isWithinWorkingHours(utc('2026-11-23T01:00:00Z'), { ...tokyo, timeZone: 'America/New_York' })).toBe(false);
    expect(nextWorkingTime(utc('2026-11-23T10:00:00Z'), tokyo)).toBe(utc('2026-11-24T00:00:00Z'));
  });
});

describe('warm-up', () => {
  const start = utc('2026-11-01T00:00:00Z');
  const week = 7 * 24 * 3600 * 1000;
  it('25 % the first week, +25 % a week, capped at 100 %', () => {
    expect(warmupFactor(start, start)).toBe(0.25);
    expect(warmupFactor(start, start + week - 1)).toBe(0.25);
    expect(warmupFactor(start, start + week)).toBe(0.5);
    expect(warmupFactor(start, start + 2 * week)).toBe(0.75);
    expect(warmupFactor(start, start + 3 * week)).toBe(1);
    expect(warmupFactor(start, start + 30 * week)).toBe(1);
  });
  it('scales every cap, keeping at least one', () => {
    const l = applyWarmup(effectiveLimits({ shares: { day: 2 } }), 0.25);
    expect(l.invitations).toEqual({ week: 20, day: 5 });
    expect(l.shares).toEqual({ day: 1 });
    expect(Object.keys(l)).toEqual([...BUCKETS]);
    expect(applyWarmup(effectiveLimits({ comments: { day: 0 } }), 0.5).comments).toEqual({ day: 0 });
  });
});

describe('warm-up advice', () => {
  const t = translator(en);
  const now = Date.UTC(2026, 10, 23);
  it('suggests the warm-up before the first write and after 30 quiet days, not otherwise', () => {
    expect(warmupAdvice(null, now, t)).toMatch(/^This executor has not written to LinkedIn yet/);
    expect(warmupAdvice(now - 29 * DAY, now, t)).toBeNull();
    expect(warmupAdvice(now - 45 * DAY - 1, now, t)).toBe(
      'The last write was 45 days ago: after a quiet spell, turning the warm-up on is safer.',
    );
  });
});
