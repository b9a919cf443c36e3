import { describe, expect, it } from 'vitest';
import { classify, errorCodeOf, type WireResponse } from './classify';

const base: WireResponse = { status: 200, url: 'https://www.linkedin.com/voyager/api/me', redirected: false, body: '{"data":{}}' };
const res = (patch: Partial<WireResponse>): WireResponse => ({ ...base, ...patch });

describe('classify', () => {
  it('treats 2xx JSON as ok and an empty 204 as ok with null', () => {
    expect(classify(res({}))).toEqual({ kind: 'ok', status: 200, json: { data: {} } });
    expect(classify(res({ status: 204, body: '' }))).toEqual({ kind: 'ok', status: 204, json: null });
  });
  it('treats a 2xx HTML page as an error, never success', () => {
    expect(classify(res({ body: '<!doctype html><title>x</title>' })).kind).toBe('error');
  });
  it('HTTP 999 is a challenge', () => {
    expect(classify(res({ status: 999, body: '' })).kind).toBe('challenge');
  });
  it.each(['/checkpoint/challenge/AgH123?x=1', '/checkpoint/lg/login-submit'])('a final URL under %s is a challenge', (p) => {
    expect(classify(res({ url: `https://www.linkedin.com${p}`, redirected: true, body: '<html>' })).kind).toBe('challenge');
  });
  it.each(['/authwall?trk=x', '/login', '/uas/login?session_redirect=1'])('a final URL %s means signed out', (p) => {
    expect(classify(res({ url: `https://www.linkedin.com${p}`, redirected: true, body: '<html>' })).kind).toBe('session_expired');
  });
  it('401 and CSRF 403 mean the session is invalid; other 403s do not', () => {
    expect(classify(res({ status: 401, body: '' })).kind).toBe('session_expired');
    expect(classify(res({ status: 403, body: 'CSRF check failed.' })).kind).toBe('session_expired');
    expect(classify(res({ status: 403, body: '{"status":403}' })).kind).toBe('error');
  });
  it('429 is rate limiting, except FUSE_LIMIT_EXCEEDED on an invitation', () => {
    const fuse = res({ status: 429, body: '{"data":{"code":"FUSE_LIMIT_EXCEEDED","status":429}}' });
    expect(classify(fuse).kind).toBe('rate_limited');
    expect(classify(fuse, { invitation: true }).kind).toBe('invitation_limit');
    expect(classify(res({ status: 429, body: '' }), { invitation: true }).kind).toBe('rate_limited');
    expect(classify(res({ status: 403, body: 'weekly quota reached' }), { invitation: true }).kind).toBe('invitation_limit');
  });
  it('404/410 are not found; 5xx server errors; other 4xx errors with their code', () => {
    expect(classify(res({ status: 404, body: '' })).kind).toBe('not_found');
    expect(classify(res({ status: 410, body: '' })).kind).toBe('not_found');
    expect(classify(res({ status: 503, body: '' })).kind).toBe('server_error');
    expect(classify(res({ status: 400, body: '{"data":{"code":"CANT_RESEND_YET"}}' }))).toMatchObject({ kind: 'error', code: 'CANT_RESEND_YET' });
  });
  it('no answer at all is a network error', () => {
    expect(classify(res({ status: 0, body: '', url: '', networkError: 'TypeError: Failed to fetch' })).kind).toBe('network_error');
  });
  it('errorCodeOf reads data.code or code', () => {
    expect(errorCodeOf({ data: { code: 'A' } })).toBe('A');
    expect(errorCodeOf({ code: 'B' })).toBe('B');
    expect(errorCodeOf('x')).toBeNull();
  });
});
