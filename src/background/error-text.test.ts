import { describe, expect, it, vi } from 'vitest';
import { NoLinkedInTabError, NotSentError, TabLostError } from '../voyager/transport-errors';
import { UNEXPECTED_ERROR_TEXT, errorTextForBackend } from './error-text';

describe('errorTextForBackend', () => {
  it('keeps our own fixed texts', () => {
    expect(errorTextForBackend(new NoLinkedInTabError())).toBe(
      'no linkedin.com tab is open and opening one in the background is not allowed',
    );
    expect(errorTextForBackend(new NotSentError())).toMatch(/^no usable linkedin\.com tab/);
    expect(errorTextForBackend(new TabLostError())).toMatch(/^the linkedin\.com tab could not run the request/);
  });

  it.each([
    new Error(
      'Cannot access contents of url "https://mail.example.com/inbox/secret-thread". Extension manifest must request permission to access this host.',
    ),
    new Error('Frame with ID 0 is showing error page'),
    'No tab with id: 42.',
    { message: 'https://intranet.example/private' },
  ])('replaces anything else (Chrome’s texts may name a tab’s URL) by one fixed sentence: %s', (error) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(errorTextForBackend(error)).toBe(UNEXPECTED_ERROR_TEXT);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
