import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff';

describe('backend backoff', () => {
  it('starts at 2 s and doubles, ±20 % jitter', () => {
    expect(backoffMs(1, () => 0.5)).toBe(2000);
    expect(backoffMs(2, () => 0.5)).toBe(4000);
    expect(backoffMs(3, () => 0.5)).toBe(8000);
    expect(backoffMs(1, () => 0)).toBe(1600);
    expect(backoffMs(1, () => 0.999999)).toBeCloseTo(2400, 0);
  });
  it('is capped at 5 minutes', () => {
    expect(backoffMs(9, () => 0.5)).toBe(300_000);
    expect(backoffMs(50, () => 0.5)).toBe(300_000);
  });
});
