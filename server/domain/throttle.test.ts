import { describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../contract/protocol';
import { throttleAnswer } from './throttle';

const now = new Date('2026-11-22T10:00:00Z');
const hb = (over: Partial<Heartbeat> = {}): Heartbeat => ({
  state: 'active',
  pausedUntil: null,
  pauseReason: null,
  account: null,
  limits: [],
  queue: { running: 0, outbox: 0 },
  ...over,
});
const week = {
  bucket: 'invitations' as const,
  window: 'week' as const,
  limit: 80,
  used: 12,
  resetsAt: '2026-11-29T00:00:00Z',
  nextAvailableAt: null,
};
const day = {
  bucket: 'invitations' as const,
  window: 'day' as const,
  limit: 20,
  used: 19,
  resetsAt: '2026-11-23T00:00:00Z',
  nextAvailableAt: null,
};

describe('throttleAnswer', () => {
  it('is offline without a heartbeat or with one older than 5 minutes', () => {
    expect(throttleAnswer('connect', null, null, now).kind).toBe('offline');
    expect(throttleAnswer('connect', hb(), new Date(now.getTime() - 5 * 60_000 - 1), now).kind).toBe('offline');
    expect(throttleAnswer('connect', hb(), new Date(now.getTime() - 5 * 60_000), now).kind).toBe('ok');
  });

  it('gives the window with fewer remaining for the headers, none without an entry', () => {
    expect(throttleAnswer('connect', hb({ limits: [week, day] }), now, now)).toEqual({
      kind: 'ok',
      rate: { limit: 20, remaining: 1, reset: '2026-11-23T00:00:00Z' },
    });
    expect(throttleAnswer('message', hb({ limits: [week, day] }), now, now)).toEqual({ kind: 'ok', rate: null });
  });

  it('is throttled when any window is exhausted, until the latest of its nextAvailableAt/resetsAt', () => {
    const full = { ...day, used: 20, nextAvailableAt: '2026-11-22T18:00:00Z' };
    const a = throttleAnswer('connect', hb({ limits: [week, full] }), now, now);
    expect(a).toMatchObject({ kind: 'throttled', nextAvailableAt: '2026-11-23T00:00:00.000Z', retryAfterS: 14 * 3600 });
    // unreact shares the reactions bucket with react
    const reactions = {
      bucket: 'reactions' as const,
      window: 'day' as const,
      limit: 150,
      used: 150,
      resetsAt: '2026-11-22T12:00:00Z',
      nextAvailableAt: null,
    };
    expect(throttleAnswer('unreact', hb({ limits: [reactions] }), now, now)).toMatchObject({
      kind: 'throttled',
      retryAfterS: 7200,
    });
  });

  it('treats an exhausted window whose reset has passed as open again', () => {
    const stale = { ...day, used: 20, resetsAt: '2026-11-22T09:00:00Z' };
    expect(throttleAnswer('connect', hb({ limits: [stale] }), now, now).kind).toBe('ok');
  });

  it('answers a pause with its end, and a pause without an end with an hour', () => {
    const challenge = throttleAnswer(
      'react',
      hb({ state: 'paused', pauseReason: 'challenge', pausedUntil: '2026-11-23T10:00:00Z' }),
      now,
      now,
    );
    expect(challenge).toMatchObject({
      kind: 'throttled',
      nextAvailableAt: '2026-11-23T10:00:00.000Z',
      retryAfterS: 86400,
    });
    expect(challenge.kind === 'throttled' && challenge.reason).toContain('challenge');
    const user = throttleAnswer('react', hb({ state: 'paused', pauseReason: 'user', pausedUntil: null }), now, now);
    expect(user).toMatchObject({ kind: 'throttled', retryAfterS: 3600, nextAvailableAt: '2026-11-22T11:00:00.000Z' });
    const hours = throttleAnswer(
      'react',
      hb({ state: 'paused', pauseReason: 'working_hours', pausedUntil: '2026-11-22T10:30:00Z' }),
      now,
      now,
    );
    expect(hours).toMatchObject({ kind: 'throttled', retryAfterS: 1800 });
  });

  it('ignores a pause that has already ended', () => {
    expect(
      throttleAnswer(
        'react',
        hb({ state: 'paused', pauseReason: 'user', pausedUntil: '2026-11-22T09:00:00Z' }),
        now,
        now,
      ).kind,
    ).toBe('ok');
  });
});
