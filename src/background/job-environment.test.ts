import { describe, expect, it } from 'vitest';
import { effectsHoldBack } from './job-environment';

describe('effectsHoldBack', () => {
  it('a stop or a closed invitation bucket is recorded before the finish; the usual write is not held', () => {
    expect(effectsHoldBack({ mutated: true, stop: null, code: null })).toBe(false);
    expect(effectsHoldBack({ mutated: false, stop: null, code: 'not_found' })).toBe(false);
    expect(effectsHoldBack({ mutated: true, stop: null, code: 'invitation_limit' })).toBe(true);
    expect(
      effectsHoldBack({
        mutated: false,
        stop: { kind: 'challenge', status: 403, reason: 'checkpoint' },
        code: 'challenge',
      }),
    ).toBe(true);
    expect(
      effectsHoldBack({
        mutated: false,
        stop: { kind: 'session_expired', status: 401, reason: 'signed out' },
        code: null,
      }),
    ).toBe(true);
  });
});
