/** The leased-action envelope bounds what the backend can make the executor store or echo (security review). */
import { describe, expect, it } from 'vitest';
import { REQUESTED_BY_MAX_BYTES, leasedActionSchema } from './protocol';

const base = {
  id: 'act_1',
  type: 'save',
  params: { post: 'urn:li:activity:7123456789012345678' },
  idempotencyKey: 'k-1',
};

function problem(action: unknown): string {
  const parsed = leasedActionSchema.safeParse(action);
  if (parsed.success) throw new Error('expected a refusal');
  const issue = parsed.error.issues[0];
  return `${(issue?.path ?? []).join('.')}: ${issue?.message ?? ''}`;
}

describe('leasedActionSchema', () => {
  it('accepts an ordinary envelope, requestedBy included', () => {
    expect(
      leasedActionSchema.safeParse({ ...base, requestedBy: { principal: 'user_42', apiKeyId: 'key_7' } }).success,
    ).toBe(true);
  });

  it.each([
    ['.', 'id: must not be "." or ".."'],
    ['..', 'id: must not be "." or ".."'],
    ['a/b', 'id: must not contain "/"'],
    ['../heartbeat', 'id: must not contain "/"'],
  ])('refuses the id %j, naming the field', (id, message) => {
    expect(problem({ ...base, id })).toBe(message);
  });

  it.each(['.', '..', 'x/../y'])('refuses the idempotencyKey %j, naming the field', (idempotencyKey) => {
    expect(problem({ ...base, idempotencyKey })).toMatch(/^idempotencyKey: must not/);
  });

  it('type: at most 64 characters', () => {
    expect(leasedActionSchema.safeParse({ ...base, type: 'x'.repeat(64) }).success).toBe(true);
    expect(problem({ ...base, type: 'x'.repeat(65) })).toBe('type: must be at most 64 characters');
  });

  it('requestedBy: at most 4 kB serialised, counted in UTF-8 bytes', () => {
    // {"p":"…"} is 8 bytes around the value.
    const fits = { p: 'a'.repeat(REQUESTED_BY_MAX_BYTES - 8) };
    expect(leasedActionSchema.safeParse({ ...base, requestedBy: fits }).success).toBe(true);
    expect(problem({ ...base, requestedBy: { p: 'a'.repeat(REQUESTED_BY_MAX_BYTES - 7) } })).toBe(
      'requestedBy: must be at most 4096 bytes as JSON',
    );
    // Two bytes per "é": half as many characters already exceed the cap.
    expect(problem({ ...base, requestedBy: 'é'.repeat(REQUESTED_BY_MAX_BYTES / 2) })).toMatch(/^requestedBy:/);
    expect(problem({ ...base, requestedBy: 'x'.repeat(1 << 20) })).toMatch(/^requestedBy:/);
  });
});
