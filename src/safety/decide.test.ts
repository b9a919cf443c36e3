import { describe, expect, it } from 'vitest';
import { BUCKETS, type Bucket } from '../../contract/protocol';
import { DAY, HOUR, SECOND, WEEK } from '../time';
import {
  acceptableTypes,
  availableAt,
  bucketReport,
  earliestAvailable,
  nextSlotAt,
  spacingFor,
  windowUse,
  type SafetyInput,
} from './decide';
import { checkUserLimits, effectiveLimits } from './limits';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
const noTimes = () => Object.fromEntries(BUCKETS.map((b) => [b, [] as number[]])) as Record<Bucket, number[]>;
function input(patch: Partial<SafetyInput> = {}): SafetyInput {
  return {
    now: T0,
    limits: effectiveLimits({}),
    mutationTimes: noTimes(),
    lastMutationAt: null,
    jitter: 0,
    spacingMs: 30 * SECOND,
    pause: null,
    closedUntil: {},
    ...patch,
  };
}

describe('spacing', () => {
  it('is 30 s × (1 + jitter), 45 s base before a message', () => {
    expect(spacingFor('follow_member', 0)).toBe(30 * SECOND);
    expect(spacingFor('follow_member', 0.999)).toBeCloseTo(59.97 * SECOND);
    expect(spacingFor('message', 0.5)).toBe(67.5 * SECOND);
  });
  it('clamps jitter into [0, 1] so spacing stays within 30–60 s', () => {
    expect(spacingFor('react', -1)).toBe(30 * SECOND);
    expect(spacingFor('react', 5)).toBe(60 * SECOND);
  });
  it('the first mutation has no spacing constraint', () => {
    expect(nextSlotAt('react', { lastMutationAt: null, jitter: 0.7, spacingMs: 30 * SECOND })).toBe(0);
  });
  it('a longer spacing chosen by the user applies to every type; the floors stay when it is shorter', () => {
    expect(spacingFor('react', 0, 90 * SECOND)).toBe(90 * SECOND);
    expect(spacingFor('message', 0.5, 90 * SECOND)).toBe(135 * SECOND);
    expect(spacingFor('react', 0, 10 * SECOND)).toBe(30 * SECOND);
    expect(spacingFor('message', 0, 40 * SECOND)).toBe(45 * SECOND);
    const i = input({ lastMutationAt: T0 - 60 * SECOND, spacingMs: 90 * SECOND });
    expect(availableAt('save', i)).toBe(T0 + 30 * SECOND);
    expect(acceptableTypes(i)).toEqual([]);
  });
  it('after a mutation, a follow may go at +30 s but a message only at +45 s', () => {
    const i = input({ lastMutationAt: T0 - 40 * SECOND });
    expect(availableAt('follow_member', i)).toBe(T0);
    expect(availableAt('message', i)).toBe(T0 + 5 * SECOND);
    expect(acceptableTypes(i)).not.toContain('message');
    expect(acceptableTypes(i)).toContain('react');
  });
});

describe('rolling windows', () => {
  it('counts only mutations inside the window; the edge (exactly one window ago) is out', () => {
    const times = [T0 - DAY, T0 - DAY + 1, T0 - HOUR];
    expect(windowUse(times, 'day', 10, T0)).toEqual({ used: 2, resetsAt: T0 + 1, availableAt: T0 });
  });
  it('at the cap, the next slot is when the oldest counted mutation leaves', () => {
    const times = [T0 - 5 * HOUR, T0 - 2 * HOUR];
    expect(windowUse(times, 'day', 2, T0).availableAt).toBe(T0 - 5 * HOUR + DAY);
  });
  it('over the cap (limit lowered), room comes when enough have left', () => {
    const times = [T0 - 5 * HOUR, T0 - 4 * HOUR, T0 - 3 * HOUR];
    expect(windowUse(times, 'day', 1, T0).availableAt).toBe(T0 - 3 * HOUR + DAY);
  });
  it('a zero limit is never available', () => {
    expect(windowUse([], 'day', 0, T0).availableAt).toBe(Number.POSITIVE_INFINITY);
  });
  it('invitations obey both the daily (20) and weekly (80) caps', () => {
    const times = noTimes();
    times.invitations = Array.from({ length: 20 }, (_, k) => T0 - HOUR + k);
    expect(availableAt('connect', input({ mutationTimes: times }))).toBe(T0 - HOUR + DAY);
    times.invitations = Array.from({ length: 80 }, (_, k) => T0 - 6 * DAY + k * 60 * SECOND);
    expect(availableAt('connect', input({ mutationTimes: times }))).toBe(T0 - 6 * DAY + WEEK);
  });
  it('a full bucket does not hold other buckets', () => {
    const times = noTimes();
    times.comments = Array.from({ length: 30 }, (_, k) => T0 - HOUR + k);
    const accept = acceptableTypes(input({ mutationTimes: times }));
    expect(accept).not.toContain('comment');
    expect(accept).toContain('react');
  });
});

describe('pauses and closed buckets', () => {
  it('a pause holds every type until it ends', () => {
    const i = input({ pause: { until: T0 + DAY, reason: 'challenge' } });
    expect(acceptableTypes(i)).toEqual([]);
    expect(earliestAvailable(i)).toBe(T0 + DAY);
  });
  it('an ended pause holds nothing', () => {
    expect(acceptableTypes(input({ pause: { until: T0, reason: 'user' } })).length).toBe(13);
  });
  it('a closed invitations bucket holds connect only', () => {
    const i = input({ closedUntil: { invitations: T0 + 7 * DAY } });
    expect(availableAt('connect', i)).toBe(T0 + 7 * DAY);
    expect(acceptableTypes(i)).toContain('withdraw');
  });
});

describe('limits', () => {
  it('the user may lower, never raise past the ceiling', () => {
    const l = effectiveLimits({ invitations: { week: 500, day: 5 }, messages: { day: 10 } });
    expect(l.invitations).toEqual({ week: 150, day: 5 });
    expect(l.messages).toEqual({ day: 10 });
    expect(l.comments).toEqual({ day: 30 });
  });
  it('checkUserLimits names what is wrong', () => {
    expect(checkUserLimits({ comments: { day: 61 } })).toEqual([
      { key: 'problemLimitAboveCeiling', bucket: 'comments', window: 'day', value: 61, max: 60 },
    ]);
    expect(checkUserLimits({ saves: { week: 3 } })).toEqual([
      { key: 'problemLimitNoWindow', bucket: 'saves', window: 'week' },
    ]);
    expect(checkUserLimits({ shares: { day: -1 }, follows: { day: 2.5 } })).toEqual([
      { key: 'problemLimitNotWhole', bucket: 'shares', window: 'day' },
      { key: 'problemLimitNotWhole', bucket: 'follows', window: 'day' },
    ]);
    expect(checkUserLimits({ follows: { day: 100 } })).toEqual([]);
  });
  it('bucketReport has one row per bucket window with used, limit and reset', () => {
    const times = noTimes();
    times.reactions = [T0 - HOUR];
    const rows = bucketReport(input({ mutationTimes: times }));
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r.bucket === 'reactions')).toEqual({
      bucket: 'reactions',
      window: 'day',
      limit: 150,
      used: 1,
      resetsAt: new Date(T0 - HOUR + DAY).toISOString(),
      nextAvailableAt: new Date(T0).toISOString(),
    });
  });
});
