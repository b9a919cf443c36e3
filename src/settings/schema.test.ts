import { describe, expect, it } from 'vitest';
import { checkSpacing, connectionFingerprint, isConnectionFingerprint, parseBackendUrl, parseToken } from './schema';

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
    ['', /required/],
    ['backend.example.com', /not a URL/],
    ['http://backend.example.com', /only for http:\/\/127\.0\.0\.1/],
    ['http://127.0.0.1', /only for http:\/\/127\.0\.0\.1/],
    ['http://10.0.0.5:8080', /only for/],
    ['ftp://example.com', /must start with https/],
    ['https://example.com/api', /origin only/],
    ['https://example.com/?x=1', /origin only/],
    ['https://user:pw@example.com', /user name/],
    ['javascript:alert(1)', /must start with https/],
  ])('rejects %j', (input, reason) => {
    const r = parseBackendUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseToken', () => {
  it('accepts a printable token and trims it', () => {
    expect(parseToken('  tok_123.abc  ')).toEqual({ ok: true, value: 'tok_123.abc' });
  });
  it.each(['', '   ', 'has space', 'tab\there', 'é'])('rejects %j', (t) => {
    expect(parseToken(t).ok).toBe(false);
  });
});

describe('checkSpacing', () => {
  it('accepts whole seconds from the 30 s floor to an hour, and names the range otherwise', () => {
    for (const ok of [30, 45, 3600]) expect(checkSpacing(ok)).toBeNull();
    const message =
      'Seconds between actions: enter a whole number from 30 to 3600 (30 s is the floor; a message always waits at least 45 s).';
    for (const bad of [29, 0, -5, 30.5, 3601, Number.NaN]) expect(checkSpacing(bad)).toBe(message);
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
