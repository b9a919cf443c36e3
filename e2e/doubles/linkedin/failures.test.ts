/** Failure switches (v2 "How LinkedIn says stop", "Next variant") and CSRF rotation (D2). */
import { describe, expect, it } from 'vitest';
import { call, sdui } from './test-client';
import {
  CONNECT,
  connectBody,
  connectEnvelope,
  dig,
  followBody,
  followPath,
  FULL_PROFILE,
  graphqlPath,
  lastOf,
  profilePath,
  profileUrn,
  reactPath,
  repostBody,
  REPOST_ID,
  SDUI,
  saveEnvelope,
  TOP_CARD,
  useDouble,
} from './test-helpers';

const double = useDouble();

describe('stop signs', () => {
  it.each([
    [{ kind: 'status999' } as const, 999, ''],
    [{ kind: 'unauthorized' } as const, 401, '{"status":401}'],
    [{ kind: 'rateLimited' } as const, 429, '{"status":429}'],
    [{ kind: 'serverError' } as const, 500, '{"status":500}'],
    [{ kind: 'gone' } as const, 410, '{"status":410}'],
    [{ kind: 'csrf' } as const, 403, 'CSRF check failed'],
  ])('%o answers %i and applies nothing', async (scenario, status, text) => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    li.fail(scenario);
    const r = await call(li, 'POST', followPath(profileUrn(m)), { body: followBody(true) });
    expect([r.status, r.text]).toEqual([status, text]);
    expect(li.state.following.size).toBe(0);
    expect(lastOf(li)).toMatchObject({ status, mutation: false, endpoint: 'follow' });
  });

  it('challenge: 302 to a checkpoint page the double serves', async () => {
    const li = double();
    li.fail({ kind: 'challenge' });
    const r = await call(li, 'GET', '/me');
    expect(r.status).toBe(302);
    const location = new URL(String(r.headers.location));
    expect(location.origin).toBe('https://www.linkedin.com');
    expect(location.pathname).toMatch(/^\/checkpoint\/challenge\/AgH/);
    expect((await call(li, 'GET', `!${location.pathname}${location.search}`)).status).toBe(200);
  });

  it('authwall: 302 to /authwall with li_at=delete-me; that cookie then counts as signed out', async () => {
    const li = double();
    li.fail({ kind: 'authwall' }, { times: 1 });
    const r = await call(li, 'GET', '/me');
    expect(r.status).toBe(302);
    expect(new URL(String(r.headers.location)).pathname).toBe('/authwall');
    expect(r.headers['set-cookie']).toEqual(['li_at=delete-me; Domain=.www.linkedin.com; Path=/']);
    expect((await call(li, 'GET', '/me', { cookies: { li_at: 'delete-me' } })).status).toBe(401);
    li.fail({ kind: 'authwall', to: 'login' }, { times: 1 });
    const login = await call(li, 'GET', '/me');
    expect(new URL(String(login.headers.location)).pathname).toBe('/uas/login');
    expect((await call(li, 'GET', `!/uas/login`)).text).toContain('data-double-page="login"');
  });

  it('scenarios apply to SDUI too (text bodies)', async () => {
    const li = double();
    const post = li.addPost();
    li.fail({ kind: 'serverError' }, { match: (r) => r.endpoint === 'save.sdui', times: 1 });
    const r = await sdui(li, SDUI.save.id, saveEnvelope(post.id, true));
    expect([r.status, r.text]).toEqual([500, 'Internal Server Error']);
    expect(li.state.saved.size).toBe(0);
  });
});

describe('inviteLimit', () => {
  it('429 by default; connect only', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    li.fail({ kind: 'inviteLimit' });
    expect((await call(li, 'POST', followPath(profileUrn(m)), { body: followBody(true) })).status).toBe(200);
    const r = await call(li, 'POST', CONNECT, { body: connectBody(m) });
    expect(r.status).toBe(429);
    expect(r.json).toEqual({ data: { code: 'FUSE_LIMIT_EXCEEDED', status: 429 } });
    expect(li.state.invitations.size).toBe(0);
  });

  it('as 400 with another code, as 200 with data.code and no invitation, and on SDUI connect', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    li.fail({ kind: 'inviteLimit', status: 400, code: 'CANT_INVITE_CONNECTION_LIMIT_REACHED' }, { times: 1 });
    expect((await call(li, 'POST', CONNECT, { body: connectBody(m) })).json).toEqual({
      data: { code: 'CANT_INVITE_CONNECTION_LIMIT_REACHED', status: 400 },
    });
    li.fail({ kind: 'inviteLimit', status: 200, code: 'MAX_INVITATION_SENT' }, { times: 1 });
    const ok = await call(li, 'POST', CONNECT, { body: connectBody(m) });
    expect([ok.status, ok.json]).toEqual([200, { data: { code: 'MAX_INVITATION_SENT' } }]);
    expect(lastOf(li)?.mutation).toBe(false);
    li.fail({ kind: 'inviteLimit', status: 200 }, { times: 1 });
    const s = await sdui(li, SDUI.connect.id, connectEnvelope(m));
    expect(s.status).toBe(200);
    expect(s.text).toContain('FUSE_LIMIT_EXCEEDED');
    expect(li.state.invitations.size).toBe(0);
    expect(li.mutations()).toEqual([]);
  });
});

describe('next variant and odd answers', () => {
  it.each([400, 404, 405, 410] as const)(
    'nextVariant %i on one decoration only (match on query.decorationId)',
    async (status) => {
      const li = double();
      const m = li.addMember({ slug: 'a-b' });
      li.fail(
        { kind: 'nextVariant', status },
        { match: (r) => r.endpoint === 'profile' && r.query.decorationId === TOP_CARD },
      );
      const r = await call(li, 'GET', profilePath(m.slug));
      expect(r.status).toBe(status);
      expect(r.json).toEqual({ status });
      expect(dig(r.json, 'data')).toBeUndefined();
      expect((await call(li, 'GET', profilePath(m.slug, FULL_PROFILE))).status).toBe(200);
    },
  );

  it('serverErrorAfterApply: applied and recorded as a mutation, answered 5xx', async () => {
    const li = double();
    const post = li.addPost();
    li.fail({ kind: 'serverErrorAfterApply', status: 503 }, { times: 1 });
    const r = await call(li, 'POST', reactPath(post.threadUrn), { body: { reactionType: 'LIKE' } });
    expect(r.status).toBe(503);
    expect(li.state.reactions.get(post.threadUrn)).toBe('LIKE');
    expect(lastOf(li)).toMatchObject({ endpoint: 'react', mutation: true, status: 503 });
    li.fail({ kind: 'serverErrorAfterApply' }, { times: 1 });
    expect((await sdui(li, SDUI.save.id, saveEnvelope(post.id, true))).status).toBe(500);
    expect(li.state.saved.has(post.threadUrn)).toBe(true);
    expect(li.mutations()).toHaveLength(2);
  });

  it('graphqlErrors: 200 with errors (top level, or in data), nothing applied', async () => {
    const li = double();
    const post = li.addPost();
    li.fail({ kind: 'graphqlErrors' }, { times: 1 });
    const r = await call(li, 'POST', graphqlPath(REPOST_ID), { body: repostBody(post.shareUrn ?? '') });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      data: { data: null },
      errors: [{ message: 'Validation failed', extensions: { classification: 'ValidationError' } }],
    });
    li.fail({ kind: 'graphqlErrors', at: 'data' }, { times: 1 });
    const d = await call(li, 'POST', graphqlPath(REPOST_ID), { body: repostBody(post.shareUrn ?? '') });
    expect(dig(d.json, 'data', 'errors')).toHaveLength(1);
    expect(li.state.shares).toEqual([]);
    expect(li.mutations()).toEqual([]);
  });

  it('unexpectedShape: 200 {"data":{}} (SDUI: an empty RSC line), nothing applied', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    li.fail({ kind: 'unexpectedShape' });
    const r = await call(li, 'POST', CONNECT, { body: connectBody(m) });
    expect([r.status, r.json]).toEqual([200, { data: {} }]);
    const post = li.addPost();
    const s = await sdui(li, SDUI.save.id, saveEnvelope(post.id, true));
    expect([s.status, s.text]).toEqual([200, '0:null\n']);
    expect(li.state.invitations.size + li.state.saved.size).toBe(0);
    expect(li.mutations()).toEqual([]);
  });

  it('dropAfterApply applies the write, records it, and never answers', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    li.fail({ kind: 'dropAfterApply' }, { times: 1 });
    await expect(call(li, 'POST', followPath(profileUrn(m)), { body: followBody(true) })).rejects.toThrow();
    expect(li.state.following.has(`member:${m.tail}`)).toBe(true);
    expect(li.mutations()).toMatchObject([{ endpoint: 'follow', mutation: true, status: 0 }]);
  });

  it('match, times and clearFailures; failures come after validation; slow delays', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    li.fail({ kind: 'serverError' }, { match: (r) => r.method === 'POST', times: 1 });
    expect((await call(li, 'GET', '/me')).status).toBe(200);
    expect((await call(li, 'POST', followPath(profileUrn(m)), { body: followBody(true) })).status).toBe(500);
    expect((await call(li, 'POST', followPath(profileUrn(m)), { body: followBody(true) })).status).toBe(200);
    li.fail({ kind: 'status999' });
    expect((await call(li, 'GET', '/me', { headers: { accept: undefined } })).status).toBe(400);
    expect((await call(li, 'GET', '/me')).status).toBe(999);
    li.clearFailures();
    li.fail({ kind: 'slow', ms: 300 }, { times: 1 });
    const t = Date.now();
    expect((await call(li, 'GET', '/me')).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
  });
});

describe('CSRF rotation (D2)', () => {
  it('the next matching request gets 403 + a new JSESSIONID; only the new value works after', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const old = li.session.jsessionId;
    li.rotateCsrf({ match: (r) => r.method === 'POST' });
    expect((await call(li, 'GET', '/me')).status).toBe(200);
    const headers = { 'csrf-token': old };
    const cookies = { JSESSIONID: `"${old}"` };
    const r = await call(li, 'POST', followPath(profileUrn(m)), { body: followBody(true), headers, cookies });
    expect([r.status, r.text]).toEqual([403, 'CSRF check failed']);
    expect(li.session.jsessionId).not.toBe(old);
    expect(li.session.jsessionId).toMatch(/^ajax:\d{19}$/);
    expect(r.headers['set-cookie']).toEqual([
      `JSESSIONID="${li.session.jsessionId}"; Domain=.www.linkedin.com; Path=/; Secure; SameSite=None`,
    ]);
    expect(li.state.following.size).toBe(0);
    expect(
      (await call(li, 'POST', followPath(profileUrn(m)), { body: followBody(true), headers, cookies })).status,
    ).toBe(400);
    expect((await call(li, 'POST', followPath(profileUrn(m)), { body: followBody(true) })).status).toBe(200);
    expect(li.mutations()).toHaveLength(1);
  });
});
