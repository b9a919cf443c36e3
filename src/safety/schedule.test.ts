import { describe, expect, it } from 'vitest';
import { BUCKETS, type Bucket } from '../../contract/protocol';
import { DAY, HOUR, SECOND, WEEK } from '../time';
import type { SafetyInput } from './decide';
import { effectiveLimits } from './limits';
import { goOutTimes } from './schedule';
import { applyWarmup, warmupFactor } from './warmup';
import type { WorkingHours } from './working-hours';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0); // Tuesday 12:00 UTC
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
const none = { workingHours: null };

describe('when each action in hand goes out', () => {
  it('one after another, spaced by the floor (45 s before a message), the first with the known jitter', () => {
    const jobs = [
      { key: 'a', type: 'react' },
      { key: 'b', type: 'message' },
      { key: 'c', type: 'follow_member' },
    ];
    const times = goOutTimes(jobs, input({ lastMutationAt: T0 - 10 * SECOND, jitter: 0.5 }), none);
    // 30 s × 1.5 after the last write; then 45 s before the message; then 30 s.
    expect(times.get('a')).toBe(T0 + 35 * SECOND);
    expect(times.get('b')).toBe(T0 + 80 * SECOND);
    expect(times.get('c')).toBe(T0 + 110 * SECOND);
  });
  it('now, when nothing holds it', () => {
    expect(goOutTimes([{ key: 'a', type: 'save' }], input(), none).get('a')).toBe(T0);
  });
  it('a full daily cap moves the next one to when the oldest write leaves the window', () => {
    const limits = effectiveLimits({ comments: { day: 2 } });
    const mutationTimes = { ...noTimes(), comments: [T0 - 20 * HOUR, T0 - 10 * HOUR] };
    const times = goOutTimes(
      [
        { key: 'a', type: 'comment' },
        { key: 'b', type: 'comment' },
        { key: 'c', type: 'react' },
      ],
      input({ limits, mutationTimes, lastMutationAt: T0 - 10 * HOUR }),
      none,
    );
    expect(times.get('a')).toBe(T0 - 20 * HOUR + DAY);
    expect(times.get('b')).toBe(T0 - 10 * HOUR + DAY);
    // The reaction comes after the comments it follows in the queue, 30 s after the last.
    expect(times.get('c')).toBe(T0 - 10 * HOUR + DAY + 30 * SECOND);
  });
  it('outside working hours, at the next opening (and spaced from there)', () => {
    const hours: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', timeZone: 'UTC' };
    const evening = Date.UTC(2026, 10, 27, 18, 30); // Friday 18:30
    const times = goOutTimes(
      [
        { key: 'a', type: 'react' },
        { key: 'b', type: 'react' },
      ],
      input({ now: evening, pause: { until: Date.UTC(2026, 10, 30, 9), reason: 'working_hours' } }),
      { workingHours: hours },
    );
    expect(times.get('a')).toBe(Date.UTC(2026, 10, 30, 9)); // Monday 09:00
    expect(times.get('b')).toBe(Date.UTC(2026, 10, 30, 9) + 30 * SECOND);
  });
  it('a write that would fall after the end of the day waits for the next window', () => {
    const hours: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', timeZone: 'UTC' };
    const late = Date.UTC(2026, 10, 24, 17, 59, 45); // Tuesday 17:59:45
    const times = goOutTimes(
      [
        { key: 'a', type: 'react' },
        { key: 'b', type: 'react' },
      ],
      input({ now: late }),
      { workingHours: hours },
    );
    expect(times.get('a')).toBe(late);
    expect(times.get('b')).toBe(Date.UTC(2026, 10, 25, 9)); // Wednesday 09:00
  });
  it('a challenge pause moves everything to its end; a pause until resumed has no time', () => {
    const until = T0 + 3 * HOUR;
    expect(
      goOutTimes([{ key: 'a', type: 'react' }], input({ pause: { until, reason: 'challenge' } }), none).get('a'),
    ).toBe(until);
    expect(
      goOutTimes([{ key: 'a', type: 'react' }], input({ pause: { until: 8.64e15, reason: 'user' } }), none).get('a'),
    ).toBeNull();
  });
  it('a cap of 0 and an unknown type have no time; the others still get theirs', () => {
    const times = goOutTimes(
      [
        { key: 'a', type: 'share' },
        { key: 'b', type: 'teleport' },
        { key: 'c', type: 'save' },
      ],
      input({ limits: effectiveLimits({ shares: { day: 0 } }) }),
      none,
    );
    expect(times.get('a')).toBeNull();
    expect(times.get('b')).toBeNull();
    expect(times.get('c')).toBe(T0);
  });
  it('the warm-up ramp: a cap that grows next week lets the write out then, not a day later', () => {
    const started = T0 - 6 * DAY - 23 * HOUR; // the ramp's next step is in an hour
    const base = effectiveLimits({});
    const limitsAt = (at: number) => applyWarmup(base, warmupFactor(started, at));
    const nextLimitChange = (at: number) => started + (Math.floor((at - started) / WEEK) + 1) * WEEK;
    const now = limitsAt(T0);
    const used = now.shares.day ?? 0;
    const mutationTimes = { ...noTimes(), shares: Array.from({ length: used }, (_, i) => T0 - HOUR + i) };
    const times = goOutTimes(
      [{ key: 'a', type: 'share' }],
      input({ limits: now, mutationTimes, lastMutationAt: T0 - HOUR + used }),
      { workingHours: null, limitsAt, nextLimitChange },
    );
    expect(times.get('a')).toBeLessThan(T0 + 2 * HOUR);
    const without = goOutTimes(
      [{ key: 'a', type: 'share' }],
      input({ limits: now, mutationTimes, lastMutationAt: T0 - HOUR + used }),
      none,
    );
    expect(without.get('a')).toBeGreaterThan(T0 + 20 * HOUR);
  });
  it('does not touch the caller’s input', () => {
    const base = input();
    goOutTimes([{ key: 'a', type: 'react' }], base, none);
    expect(base.mutationTimes.reactions).toEqual([]);
  });
});
