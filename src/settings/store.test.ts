/** The background-tab answer: off (unasked) on a new install; an older install's stored answer is kept. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { settingsSchema, settingsFingerprint } = await import('./store');

describe('settings: background tab consent', () => {
  it('a new install has not been asked: null, which opens no tab', () => {
    expect(settingsSchema.parse({}).allowBackgroundTab).toBeNull();
  });

  it.each([true, false])('an existing install keeps its stored answer (%s)', (stored) => {
    expect(
      settingsSchema.parse({ backendUrl: 'https://b.example', token: 't', allowBackgroundTab: stored })
        .allowBackgroundTab,
    ).toBe(stored);
  });

  it('the remembered "token rejected" fingerprint holds no copy of the token', () => {
    const settings = settingsSchema.parse({ backendUrl: 'https://b.example', token: 'tok_SECRET' });
    expect(settingsFingerprint(settings)).toMatch(/^[0-9a-f]{64}$/);
    expect(settingsFingerprint(settings)).not.toContain('SECRET');
  });
});
