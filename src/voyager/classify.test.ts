import { describe, expect, it } from 'vitest';
import { liLangFromCookie, sduiHeaders, voyagerHeaders } from './headers';
import { classify, errorCodeOf, graphqlErrorsOf, type CallKind, type WireResponse } from './classify';

const base: WireResponse = {
  status: 200,
  url: 'https://www.linkedin.com/voyager/api/me',
  redirected: false,
  body: '{"data":{}}',
};
const res = (patch: Partial<WireResponse>): WireResponse => ({ ...base, ...patch });
const voyager: CallKind = { api: 'voyager' };
const invite: CallKind = { api: 'voyager', invitation: true };
const kindOf = (patch: Partial<WireResponse>, kind: CallKind = voyager) => classify(res(patch), kind).kind;

describe('classify (voyager-reference.md v2)', () => {
  it('2xx JSON is ok, an empty 201/204 is ok, with the x-restli-id header kept', () => {
    expect(classify(res({}), voyager)).toMatchObject({ kind: 'ok', status: 200, json: { data: {} } });
    expect(
      classify(res({ status: 201, body: '', headers: { 'x-restli-id': 'urn:li:fsd_reaction:(a,b,0)' } }), voyager),
    ).toMatchObject({ kind: 'ok', json: null, headers: { 'x-restli-id': 'urn:li:fsd_reaction:(a,b,0)' } });
  });
  it('a 2xx HTML page is never a success', () => {
    expect(kindOf({ body: '<!doctype html><title>x</title>' })).toBe('unexpected');
  });
  it('200 with an error body is a refusal: GraphQL errors, a legacy status, data.code', () => {
    expect(
      classify(
        res({ body: '{"data":{"data":{"createFeedDashReposts":null}},"errors":[{"message":"bad urn"}]}' }),
        voyager,
      ),
    ).toMatchObject({ kind: 'refused', detail: 'bad urn' });
    expect(classify(res({ body: '{"data":{"errors":[{"message":"x"}]}}' }), voyager).kind).toBe('refused');
    expect(classify(res({ body: '{"status":400}' }), voyager).kind).toBe('refused');
    expect(classify(res({ body: '{"data":{"code":"SOMETHING"}}' }), voyager)).toMatchObject({
      kind: 'refused',
      code: 'SOMETHING',
    });
  });
  it('999 and checkpoints are challenges (not the login-submit checkpoint); login, authwall are signed out', () => {
    expect(kindOf({ status: 999, body: '' })).toBe('challenge');
    expect(
      kindOf({ url: 'https://www.linkedin.com/checkpoint/challenge/AgH123?x=1', redirected: true, body: '<html>' }),
    ).toBe('challenge');
    expect(
      kindOf({ url: 'https://www.linkedin.com/checkpoint/lg/login-submit', redirected: true, body: '{"data":{}}' }),
    ).toBe('ok');
    for (const p of ['/authwall?trk=x', '/login', '/uas/login?session_redirect=1']) {
      expect(kindOf({ url: `https://www.linkedin.com${p}`, redirected: true, body: '<html>' })).toBe('session_expired');
    }
  });
  it('a tab that refused to send (checkpoint or login page) is a stop before anything left', () => {
    expect(classify(res({ status: 0, body: '', blocked: 'checkpoint' }), voyager)).toMatchObject({
      kind: 'challenge',
      status: 0,
    });
    expect(classify(res({ status: 0, body: '', blocked: 'signed_out' }), voyager)).toMatchObject({
      kind: 'session_expired',
      status: 0,
    });
  });
  it('401 is "unauthorized" (probe /me), a CSRF 403 is "csrf" (retry once), other 403s are refusals', () => {
    expect(kindOf({ status: 401, body: '' })).toBe('unauthorized');
    expect(kindOf({ status: 403, body: 'CSRF check failed' })).toBe('csrf');
    expect(kindOf({ status: 403, body: '{"status":403}' })).toBe('refused');
  });
  it('the invitation limit at any status and in any spelling; CANT_RESEND_YET is not a limit', () => {
    for (const code of [
      'FUSE_LIMIT_EXCEEDED',
      'FUSE_LIMIT',
      'CANT_INVITE_CONNECTION_LIMIT_REACHED',
      'MAX_INVITATION_SENT',
      'WEEKLY_QUOTA',
      'SOMETHING_EXCEEDED',
    ]) {
      for (const status of [200, 400, 403, 429]) {
        expect(classify(res({ status, body: JSON.stringify({ data: { code, status } }) }), invite)).toMatchObject({
          kind: 'invitation_limit',
          code,
        });
      }
    }
    expect(kindOf({ status: 429, body: '' }, invite)).toBe('invitation_limit');
    expect(classify(res({ status: 400, body: '{"data":{"code":"CANT_RESEND_YET"}}' }), invite)).toMatchObject({
      kind: 'refused',
      code: 'CANT_RESEND_YET',
    });
    // Off the invitation path a limit code is a plain refusal and a 429 is rate limiting.
    expect(kindOf({ status: 429, body: '{"data":{"code":"FUSE_LIMIT_EXCEEDED"}}' })).toBe('rate_limited');
  });
  it('next variant only on 404, 405, a 400 without a business code, a stale hash; 410 is gone', () => {
    expect(kindOf({ status: 404, body: '' })).toBe('next_variant');
    expect(kindOf({ status: 405, body: '' })).toBe('next_variant');
    expect(kindOf({ status: 400, body: '{"status":400,"message":"bad"}' })).toBe('next_variant');
    expect(kindOf({ status: 400, body: '' })).toBe('next_variant');
    expect(kindOf({ status: 400, body: '{"errors":[{"message":"PersistedQueryNotFound"}]}' })).toBe('next_variant');
    expect(kindOf({ status: 400, body: '{"data":{"code":"CANT_RESEND_YET"}}' })).toBe('refused');
    expect(kindOf({ status: 400, body: '{"errors":[{"message":"invalid input"}]}' })).toBe('refused');
    expect(kindOf({ status: 410, body: '' })).toBe('gone');
  });
  it('5xx is a server error; no answer is a network error', () => {
    expect(kindOf({ status: 503, body: '' })).toBe('server_error');
    expect(kindOf({ status: 0, body: '', url: '', networkError: 'TypeError: Failed to fetch' })).toBe('network_error');
  });
  it('SDUI: text answers; failure text in a 200 is a refusal; Voyager 400 rules apply', () => {
    const sdui: CallKind = { api: 'sdui', sduiFailure: /Failed to withdraw invitation/ };
    expect(classify(res({ body: '0:{"a":1}\n' }), sdui)).toMatchObject({ kind: 'ok', text: '0:{"a":1}\n', json: null });
    expect(classify(res({ body: '0:["$","div",null,{"children":"Failed to withdraw invitation"}]' }), sdui).kind).toBe(
      'refused',
    );
    expect(classify(res({ status: 500, body: 'incomplete' }), sdui).kind).toBe('server_error');
  });
  it('errorCodeOf and graphqlErrorsOf', () => {
    expect(errorCodeOf({ data: { code: 'A' } })).toBe('A');
    expect(errorCodeOf({ code: 'B' })).toBe('B');
    expect(errorCodeOf('x')).toBeNull();
    expect(graphqlErrorsOf({ errors: [{ message: 'm' }, {}] })).toEqual(['m', 'error']);
    expect(graphqlErrorsOf({ errors: [] })).toEqual([]);
  });
});

describe('headers', () => {
  it('x-li-lang from the lang cookie; omitted without one; no tracking headers', () => {
    expect(liLangFromCookie('v=2&lang=de-de')).toBe('de_DE');
    expect(liLangFromCookie('"v=2&lang=en-us"')).toBe('en_US');
    expect(liLangFromCookie(undefined)).toBeNull();
    expect(liLangFromCookie('v=2')).toBeNull();
    expect(voyagerHeaders(true, 'fr_FR')).toEqual({
      accept: 'application/vnd.linkedin.normalized+json+2.1',
      'x-restli-protocol-version': '2.0.0',
      'x-li-lang': 'fr_FR',
      'content-type': 'application/json; charset=UTF-8',
    });
    expect(voyagerHeaders(false, null)).toEqual({
      accept: 'application/vnd.linkedin.normalized+json+2.1',
      'x-restli-protocol-version': '2.0.0',
    });
    expect(Object.keys(sduiHeaders()).sort()).toEqual(['accept', 'content-type']);
  });
});
