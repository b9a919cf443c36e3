/** Runtime state written by older versions: a plain copy of the token in authRejectedFor is dropped on load. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { runtimeSchema } = await import('./runtime');

describe('runtime: authRejectedFor', () => {
  it('keeps a fingerprint (a SHA-256) and drops an old plain "url\\0token" value', () => {
    const hash = 'a'.repeat(64);
    expect(runtimeSchema.parse({ authRejectedFor: hash }).authRejectedFor).toBe(hash);
    expect(runtimeSchema.parse({ authRejectedFor: 'https://b.example\u0000tok_SECRET' }).authRejectedFor).toBeNull();
    expect(runtimeSchema.parse({}).authRejectedFor).toBeNull();
  });
});
