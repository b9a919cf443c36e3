import { describe, expect, it } from 'vitest';
import {
  checkSpacing,
  checkWorkingHours,
  connectionFingerprint,
  isConnectionFingerprint,
  parseBackendUrl,
  parseToken,
} from './schema';

describe('parseBackendUrl', () => {
  it.each([
    ['https://backend.example.com', 'https://backend.example.com'],
    ['https://backend.example.com/', 'https://backend.example.com'],
    ['  https://b.example.com:8443  ', 'https://b.example.com:8443'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:3000/', 'http://localhost:3000'],
  ])('accepts %s', (input, origin) => {
    expect(parseBackendUrl(input)).toEqual({ ok: true, value: origin });
  });

  it.each([
    ['', { key: 'problemUrlRequired' }],
    ['  ', { key: 'problemUrlRequired' }],
    ['backend.example.com', { key: 'problemUrlNotUrl', text: 'backend.example.com' }],
    ['http://backend.example.com', { key: 'problemUrlPlainHttp' }],
    ['http://127.0.0.1', { key: 'problemUrlPlainHttp' }],
    ['http://10.0.0.5:8080', { key: 'problemUrlPlainHttp' }],
    ['ftp://example.com', { key: 'problemUrlScheme', scheme: 'ftp:' }],
    ['https://example.com/api', { key: 'problemUrlNotOrigin' }],
    ['https://example.com/?x=1', { key: 'problemUrlNotOrigin' }],
    ['https://user:pw@example.com', { key: 'problemUrlCredentials' }],
    ['javascript:alert(1)', { key: 'problemUrlScheme', scheme: 'javascript:' }],
  ])('rejects %j with a problem the page words', (input, problem) => {
    expect(parseBackendUrl(input)).toEqual({ ok: false, problem });
  });
});

describe('parseToken', () => {
  it('accepts a printable token and trims it', () => {
    expect(parseToken('  tok_123.abc  ')).toEqual({ ok: true, value: 'tok_123.abc' });
  });
  it.each([
    ['', 'problemTokenRequired'],
    ['   ', 'problemTokenRequired'],
    ['has space', 'problemTokenCharacters'],
    ['tab\there', 'problemTokenCharacters'],
    ['é', 'problemTokenCharacters'],
  ])('rejects %j', (t, key) => {
    expect(parseToken(t)).toEqual({ ok: false, problem: { key } });
  });
  it('names the longest token it takes', () => {
    expect(parseToken('x'.repeat(4096)).ok).toBe(true);
    expect(parseToken('x'.repeat(4097))).toEqual({ ok: false, problem: { key: 'problemTokenTooLong', max: 4096 } });
  });
});

describe('checkSpacing', () => {
  it('accepts whole seconds from the 30 s floor to an hour, and names the range otherwise', () => {
    for (const ok of [30, 45, 3600]) expect(checkSpacing(ok)).toBeNull();
    const problem = { key: 'problemSpacingRange', min: 30, max: 3600, messageMin: 45 };
    for (const bad of [29, 0, -5, 30.5, 3601, Number.NaN]) expect(checkSpacing(bad)).toEqual(problem);
  });
});

describe('checkWorkingHours', () => {
  const hours = { days: [1, 2], start: '09:00', end: '17:00' };
  it('takes null (off) and valid hours', () => {
    expect(checkWorkingHours(null)).toEqual({ ok: true, value: null });
    expect(checkWorkingHours(hours)).toEqual({ ok: true, value: hours });
  });
  it.each([
    [{ ...hours, days: [] }, 'workingHours.days', { key: 'problemWhNoDays' }],
    [{ ...hours, start: '9:00' }, 'workingHours.start', { key: 'problemWhBadTime' }],
    [{ ...hours, end: '09:00', start: '09:00' }, 'workingHours.end', { key: 'problemWhSameTimes' }],
    [
      { ...hours, timeZone: 'Mars/Olympus' },
      'workingHours.timeZone',
      { key: 'problemWhUnknownZone', zone: 'Mars/Olympus' },
    ],
    [{ ...hours, days: [7] }, 'workingHours.days.0', { key: 'problemWhInvalid' }],
    ['09:00-17:00', 'workingHours.', { key: 'problemWhInvalid' }],
  ])('refuses %j with the field and a problem', (raw, field, problem) => {
    expect(checkWorkingHours(raw)).toEqual({ ok: false, field, problem });
  });
});

describe('connectionFingerprint (the remembered "token rejected")', () => {
  it('is a hash that holds no copy of the token, and changes with the URL or the token', () => {
    const token = 'tok_SECRET_0123456789';
    const fp = connectionFingerprint('https://b.example.com', token);
    expect(isConnectionFingerprint(fp)).toBe(true);
    expect(fp).not.toContain('SECRET');
    expect(connectionFingerprint('https://b.example.com', token)).toBe(fp);
    expect(connectionFingerprint('https://b.example.com', `${token}x`)).not.toBe(fp);
    expect(connectionFingerprint('https://c.example.com', token)).not.toBe(fp);
  });

  it('an old stored value (URL and token in plain text) is not taken for a fingerprint', () => {
    expect(isConnectionFingerprint('https://b.example.com\u0000tok_SECRET')).toBe(false);
  });
});
