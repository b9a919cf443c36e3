import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, requestHash } from './canonical';
import { hashToken, newToken, signBody } from './secrets';
import { nextAttemptAt } from './webhooks';

describe('webhook retry schedule', () => {
  const created = new Date('2026-11-22T10:00:00Z');
  it('doubles from the base delay, capped at an hour', () => {
    const at = (attempts: number, now: Date) =>
      nextAttemptAt(attempts, created, now, 5000, 24 * 3600_000, 0)?.getTime() ?? null;
    expect(at(1, created)).toBe(created.getTime() + 5000);
    expect(at(2, created)).toBe(created.getTime() + 10_000);
    expect(at(20, created)).toBe(created.getTime() + 3600_000);
  });
  it('gives up once the next try would fall after 24 hours', () => {
    const late = new Date(created.getTime() + 23.5 * 3600_000);
    expect(nextAttemptAt(30, created, late, 5000, 24 * 3600_000, 0)).toBeNull();
  });
});

describe('secrets', () => {
  it('are 32 random bytes with a prefix, hashed with the server secret', () => {
    const t = newToken('key');
    expect(t).toMatch(/^obk_[A-Za-z0-9_-]{43}$/);
    expect(hashToken('s1', t)).not.toBe(hashToken('s2', t));
    expect(hashToken('s1', t)).toBe(createHmac('sha256', 's1').update(t).digest('hex'));
  });
  it('sign a body as sha256=<hex HMAC>', () => {
    expect(signBody('whsec_x', '{"a":1}')).toBe(
      `sha256=${createHmac('sha256', 'whsec_x').update('{"a":1}').digest('hex')}`,
    );
  });
});

describe('request identity for Idempotency-Key', () => {
  it('compares JSON, not bytes', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(
      '{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}',
    );
    expect(requestHash('POST', '/x', { a: 1, b: 2 })).toBe(requestHash('POST', '/x', { b: 2, a: 1 }));
    expect(requestHash('POST', '/x', { a: 1 })).not.toBe(requestHash('POST', '/y', { a: 1 }));
  });
});
