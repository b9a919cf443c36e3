import { describe, expect, it } from 'vitest';
import { BUCKETS, type Bucket } from '../../contract/protocol';
import type { SafetyInput } from '../safety/decide';
import { effectiveLimits } from '../safety/limits';
import type { JobRecord } from '../store/db';
import { SECOND } from '../time';
import { inHandView } from './in-hand-view';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const input: SafetyInput = {
  now: T0,
  limits: effectiveLimits({}),
  mutationTimes: Object.fromEntries(BUCKETS.map((b) => [b, [] as number[]])) as Record<Bucket, number[]>,
  lastMutationAt: null,
  jitter: 0,
  spacingMs: 30 * SECOND,
  pause: null,
  closedUntil: {},
};
const job = (key: string, type: string, params: unknown, patch: Partial<JobRecord> = {}): JobRecord => ({
  key,
  actionId: `act-${key}`,
  action: {
    id: `act-${key}`,
    type,
    params,
    idempotencyKey: key,
    leaseExpiresAt: new Date(T0 + 3600_000).toISOString(),
  },
  state: 'leased',
  leasedAt: T0,
  attempts: 0,
  ...patch,
});

describe('the actions in hand, as the popup lists them', () => {
  it('waiting for approval first (oldest first, full words), then the others in the order they go out', () => {
    const long = 'word '.repeat(1500).trim();
    const items = inHandView(
      [
        job('ready', 'follow_member', { profile: 'bob' }, { leasedAt: T0 - 5 }),
        job(
          'late',
          'message',
          { profile: 'jane', text: long },
          {
            state: 'awaiting_approval',
            approval: { requestedAt: T0 - 10, targetName: 'Jane Doe' },
          },
        ),
        job(
          'early',
          'comment',
          { post: 'urn:li:activity:1', text: 'Nice' },
          {
            state: 'awaiting_approval',
            approval: { requestedAt: T0 - 20, targetName: null },
          },
        ),
        job(
          'approved',
          'connect',
          { profile: 'carl', note: 'Hi Carl' },
          {
            state: 'validated',
            leasedAt: T0 - 30,
            approval: { requestedAt: T0 - 40, targetName: null, decision: 'approved', by: 'u', at: T0 - 1 },
          },
        ),
      ],
      input,
      { workingHours: null },
    );
    expect(items.map((i) => [i.key, i.state])).toEqual([
      ['early', 'awaiting_approval'],
      ['late', 'awaiting_approval'],
      ['approved', 'approved'],
      ['ready', 'ready'],
    ]);
    const late = items[1];
    expect(late).toMatchObject({ target: 'jane', targetName: 'Jane Doe', text: long, requestedAt: T0 - 10 });
    // Approved goes first, then the ready follow 30 s later; the waiting ones after them, if approved now.
    expect(items[2]?.goesOutAt).toBe(T0);
    expect(items[3]?.goesOutAt).toBe(T0 + 30 * SECOND);
    expect(items[0]?.goesOutAt).toBe(T0 + 60 * SECOND);
    expect(items[1]?.goesOutAt).toBe(T0 + 105 * SECOND);
    expect(items[3]?.text).toBeNull();
    expect(items[0]?.leaseExpiresAt).toBe(T0 + 3600_000);
  });
  it('a write in flight holds the next slot', () => {
    const items = inHandView(
      [job('run', 'react', { post: '1', reaction: 'LIKE' }, { state: 'running' }), job('next', 'save', { post: '1' })],
      input,
      { workingHours: null },
    );
    expect(items.map((i) => [i.key, i.goesOutAt])).toEqual([
      ['run', null],
      ['next', T0 + 30 * SECOND],
    ]);
  });
});
