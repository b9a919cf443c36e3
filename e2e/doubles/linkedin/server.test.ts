/** Certificate, header strictness (D1, D2), pages, identity (D4, D5) and bookkeeping. */
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCert, spkiHashOf } from './cert';
import { startLinkedInDouble } from './server';
import { call, firstPartyHeaders } from './test-client';
import {
  companyPath,
  CONNECT,
  dig,
  enc,
  followBody,
  followPath,
  FULL_PROFILE,
  lastOf,
  profilePath,
  profileUrn,
  relPath,
  sentPath,
  TOP_CARD,
  useDouble,
} from './test-helpers';

const double = useDouble();

describe('certificate', () => {
  it('names www.linkedin.com and linkedin.com; spkiHash is the sha256 of the SPKI', async () => {
    const c = await generateCert();
    const x = new X509Certificate(c.cert);
    expect(x.subjectAltName).toContain('DNS:www.linkedin.com');
    expect(x.subjectAltName).toContain('DNS:linkedin.com');
    expect(c.spkiHash).toBe(spkiHashOf(c.cert));
    expect(Buffer.from(c.spkiHash, 'base64')).toHaveLength(32);
    expect(double().spkiHash).toBe(c.spkiHash);
  });
});

describe('strictness', () => {
  it('answers a first-party call and records it', async () => {
    const li = double();
    const r = await call(li, 'GET', '/me');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('json');
    // No keep-alive: Chromium would silently resend a request whose reused socket closed unanswered.
    expect(r.headers.connection).toBe('close');
    expect(lastOf(li)).toMatchObject({
      method: 'GET',
      path: '/voyager/api/me',
      status: 200,
      endpoint: 'me',
      mutation: false,
      body: null,
      surface: 'voyager',
    });
    expect(li.voyagerRequests()).toHaveLength(1);
    expect(li.session.jsessionId).toMatch(/^ajax:\d+$/);
  });

  it.each(['accept', 'x-restli-protocol-version', 'sec-fetch-site', 'referer'])(
    'GET missing %s → 400 naming it',
    async (name) => {
      const li = double();
      const r = await call(li, 'GET', '/me', { headers: { [name]: undefined } });
      expect(r.status).toBe(400);
      expect(String(dig(r.json, 'message'))).toContain(name);
    },
  );

  it.each(['origin', 'content-type'])('POST missing %s → 400, nothing applied', async (name) => {
    const li = double();
    const m = li.addMember({ slug: 'alice-example' });
    const r = await call(li, 'POST', followPath(profileUrn(m)), {
      body: followBody(true),
      headers: { [name]: undefined },
    });
    expect(r.status).toBe(400);
    expect(String(dig(r.json, 'message'))).toContain(name);
    expect(li.state.following.size).toBe(0);
    expect(li.mutations()).toEqual([]);
  });

  it('D1 x-li-lang: optional; must match the lang cookie (de-de → de_DE) or en_US without one', async () => {
    const li = double();
    expect((await call(li, 'GET', '/me', { headers: { 'x-li-lang': undefined } })).status).toBe(200);
    expect((await call(li, 'GET', '/me', { headers: { 'x-li-lang': 'de_DE' } })).status).toBe(400);
    expect(
      (await call(li, 'GET', '/me', { cookies: { lang: 'v=2&lang=de-de' }, headers: { 'x-li-lang': 'de_DE' } })).status,
    ).toBe(200);
    expect(
      (await call(li, 'GET', '/me', { cookies: { lang: 'v=2&lang=de-de' }, headers: { 'x-li-lang': 'en_US' } })).status,
    ).toBe(400);
    expect((await call(li, 'GET', '/me', { cookies: { lang: '"v=2&lang=en-us"' } })).status).toBe(200);
    expect(li.violations).toEqual([]);
  });

  it('D1 x-li-track / x-li-page-instance: only the page values; a constant is a violation', async () => {
    const li = double();
    const track = (v: string) =>
      JSON.stringify({
        clientVersion: v,
        osName: 'web',
        timezone: 'Europe/Berlin',
        displayWidth: 1280,
        displayHeight: 800,
      });
    expect((await call(li, 'GET', '/me', { headers: { 'x-li-track': track(li.fixture.clientVersion) } })).status).toBe(
      200,
    );
    expect((await call(li, 'GET', '/me', { headers: { 'x-li-page-instance': li.fixture.pageInstance } })).status).toBe(
      200,
    );
    expect(li.violations).toEqual([]);
    const constant = await call(li, 'GET', '/me', { headers: { 'x-li-track': track('1.13.0') } });
    expect(constant.status).toBe(400);
    expect(li.violations).toHaveLength(1);
    expect(li.violations[0]).toContain('x-li-track');
    expect((await call(li, 'GET', '/me', { headers: { 'x-li-track': 'not json' } })).status).toBe(400);
    expect(
      (await call(li, 'GET', '/me', { headers: { 'x-li-page-instance': 'urn:li:page:d_flagship3_feed;AAAA' } })).status,
    ).toBe(400);
    expect(li.violations).toHaveLength(3);
    expect(li.fixture.clientVersion).toBe(`1.13.${li.fixture.build}`);
  });

  it('wrong values are refused: referer elsewhere, origin of an extension, sec-fetch-site none', async () => {
    const li = double();
    expect((await call(li, 'GET', '/me', { headers: { referer: 'https://evil.example.com/' } })).status).toBe(400);
    expect((await call(li, 'GET', '/me', { headers: { 'sec-fetch-site': 'none' } })).status).toBe(400);
    const m = li.addMember({ slug: 'a-b' });
    expect(
      (
        await call(li, 'POST', followPath(profileUrn(m)), {
          body: followBody(true),
          headers: { origin: 'chrome-extension://abc' },
        })
      ).status,
    ).toBe(400);
  });

  it('D2 cookies and csrf: no li_at 401, wrong li_at 400, wrong JSESSIONID 400, quoted or wrong csrf-token 403 text', async () => {
    const li = double();
    expect((await call(li, 'GET', '/me', { cookies: { li_at: undefined } })).status).toBe(401);
    expect((await call(li, 'GET', '/me', { cookies: { li_at: 'nope' } })).status).toBe(400);
    expect((await call(li, 'GET', '/me', { cookies: { JSESSIONID: '"ajax:1"' } })).status).toBe(400);
    expect((await call(li, 'GET', '/me', { cookies: { JSESSIONID: li.session.jsessionId } })).status).toBe(200);
    const csrf = await call(li, 'GET', '/me', { headers: { 'csrf-token': 'ajax:999' } });
    expect(csrf.status).toBe(403);
    expect(csrf.text).toBe('CSRF check failed');
    expect(csrf.headers['content-type']).toContain('text/plain');
    expect((await call(li, 'GET', '/me', { headers: { 'csrf-token': `"${li.session.jsessionId}"` } })).status).toBe(
      403,
    );
    expect((await call(li, 'GET', '/me', { headers: { 'csrf-token': undefined } })).status).toBe(403);
  });

  it('unknown path, method, query, decoration → 400, never 404', async () => {
    const li = double();
    for (const [method, path] of [
      ['GET', '/nope'],
      ['PUT', '/me'],
      ['GET', '/me?x=1'],
      ['GET', profilePath('a-b').replace('q=memberIdentity', 'q=other')],
      ['GET', profilePath('a-b', 'com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-20')],
      ['GET', profilePath('a-b', 'com.linkedin.voyager.dash.deco.identity.profile.TopCardSupplementary-150')],
      ['GET', `/identity/dash/profiles?q=memberIdentity&memberIdentity=x`],
      ['GET', companyPath('acme').replace('WebFullCompanyMain-12', 'WebFullCompanyMain-11')],
      ['POST', '/voyagerMessagingDashMessengerMessages?action=create'],
      ['GET', sentPath(0, 101)],
    ] as const) {
      const r = await call(li, method, path, method === 'POST' ? { body: {} } : {});
      expect(r.status, `${method} ${path}`).toBe(400);
      expect(dig(r.json, 'data', 'code'), `${method} ${path}`).toBeUndefined();
    }
    expect(li.requests.filter((r) => r.endpoint === 'unknown').length).toBeGreaterThan(0);
  });

  it('bodies must match exactly: extra or missing keys are named', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const extra = await call(li, 'POST', followPath(profileUrn(m)), {
      body: { patch: { $set: { following: true, x: 1 } } },
    });
    expect(extra.status).toBe(400);
    expect(String(dig(extra.json, 'message'))).toContain('body.patch.$set.x');
    expect(String(dig((await call(li, 'POST', CONNECT, { body: {} })).json, 'message'))).toContain('body.invitee');
    expect((await call(li, 'POST', CONNECT, { body: 'not json' })).status).toBe(400);
    expect((await call(li, 'GET', '/me', { body: '{}' })).status).toBe(400);
  });
});

describe('pages', () => {
  it('serve <html lang="en-US"> with the fixture build and page instance; recorded as pages', async () => {
    const li = double();
    for (const p of ['/feed/', '/', '/in/alice-example/', '/checkpoint/challenge/AgHx', '/authwall', '/login']) {
      const r = await call(li, 'GET', `!${p}`, { headers: { accept: 'text/html' } });
      expect(r.status, p).toBe(200);
      expect(r.text).toMatch(/^<!doctype html><html lang="en-US"><head><title>LinkedIn<\/title>/);
      expect(r.text).toContain(`<meta name="serviceVersion" content="${li.fixture.clientVersion}">`);
      expect(r.text).toContain(`<meta name="pageInstance" content="${li.fixture.pageInstance}">`);
    }
    expect((await call(li, 'GET', '!/favicon.ico')).status).toBe(204);
    expect(li.requests).toHaveLength(7);
    expect(li.voyagerRequests()).toEqual([]);
    expect(li.requests[0]).toMatchObject({ endpoint: 'page', surface: 'page' });
  });
});

describe('identity', () => {
  it('me names the viewer', async () => {
    const li = double();
    const r = await call(li, 'GET', '/me');
    expect(dig(r.json, 'data')).toEqual({
      plainId: Number(li.viewer.memberId),
      '*miniProfile': `urn:li:fs_miniProfile:${li.viewer.tail}`,
      $type: 'com.linkedin.voyager.common.Me',
    });
    expect(dig(r.json, 'included', 0)).toMatchObject({
      entityUrn: `urn:li:fs_miniProfile:${li.viewer.tail}`,
      publicIdentifier: 'viewer-me',
      objectUrn: `urn:li:member:${li.viewer.memberId}`,
    });
  });

  it('D4 WebTopCardCore-19: profile, FollowingState, relationship; slug once-encoded, tail or member id', async () => {
    const li = double();
    const m = li.addMember({ slug: 'zoë-müller', distance: 2 });
    for (const identity of [enc(m.slug), m.tail, m.memberId]) {
      const r = await call(li, 'GET', profilePath(identity));
      expect(r.status, identity).toBe(200);
      expect(r.json).toEqual({
        data: { '*elements': [profileUrn(m)] },
        included: [
          {
            $type: 'com.linkedin.voyager.dash.identity.profile.Profile',
            entityUrn: profileUrn(m),
            objectUrn: `urn:li:member:${m.memberId}`,
            publicIdentifier: m.slug,
            firstName: m.firstName,
            lastName: m.lastName,
            '*followingState': `urn:li:fsd_followingState:${profileUrn(m)}`,
            '*memberRelationship': `urn:li:fsd_memberRelationship:${m.tail}`,
          },
          {
            $type: 'com.linkedin.voyager.dash.feed.FollowingState',
            entityUrn: `urn:li:fsd_followingState:${profileUrn(m)}`,
            following: false,
          },
          expect.objectContaining({
            entityUrn: `urn:li:fsd_memberRelationship:${m.tail}`,
            memberRelationshipUnion: {
              noConnection: { memberDistance: 'DISTANCE_2', invitationUnion: { noInvitation: {} } },
            },
          }),
        ],
      });
    }
    expect((await call(li, 'GET', profilePath(enc(enc(m.slug))))).status).toBe(404);
    expect((await call(li, 'GET', profilePath('nobody'))).json).toEqual({ status: 404 });
  });

  it('D4 FullProfileWithEntities-96 has no relationship; profileView answers 410', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const r = await call(li, 'GET', profilePath(m.slug, FULL_PROFILE));
    expect(r.status).toBe(200);
    const included = dig(r.json, 'included') as Record<string, unknown>[];
    expect(included).toHaveLength(2);
    expect(included[0]).not.toHaveProperty('*memberRelationship');
    expect(TOP_CARD).toMatch(/-19$/);
    expect((await call(li, 'GET', `/identity/profiles/${m.slug}/profileView`)).status).toBe(410);
  });

  it('relationship: 1st degree, 3rd degree, out of network, unknown', async () => {
    const li = double();
    const a = li.addMember({ slug: 'a-one', distance: 1 });
    const b = li.addMember({ slug: 'b-three', distance: 3 });
    const c = li.addMember({ slug: 'c-out', distance: 'OUT_OF_NETWORK' });
    const ra = await call(li, 'GET', relPath(a));
    expect(ra.json).toEqual({
      data: {
        $type: 'com.linkedin.voyager.dash.relationships.MemberRelationship',
        entityUrn: `urn:li:fsd_memberRelationship:${a.tail}`,
        memberRelationshipUnion: { '*connection': `urn:li:fsd_connection:${a.tail}` },
      },
      included: [],
    });
    expect(
      dig(
        (await call(li, 'GET', relPath(b))).json,
        'data',
        'memberRelationshipUnion',
        'noConnection',
        'memberDistance',
      ),
    ).toBe('DISTANCE_3');
    expect(
      dig(
        (await call(li, 'GET', relPath(c))).json,
        'data',
        'memberRelationshipUnion',
        'noConnection',
        'memberDistance',
      ),
    ).toBe('OUT_OF_NETWORK');
    expect(
      (await call(li, 'GET', `/voyagerRelationshipsDashMemberRelationships/urn:li:fsd_memberRelationship:ACoAAunknown`))
        .status,
    ).toBe(404);
    expect(lastOf(li)?.endpoint).toBe('relationship');
  });

  it('company: followingInfo is the follow read-back (D13)', async () => {
    const li = double();
    li.addCompany({ id: '1035', slug: 'acme-corp', name: 'Acme', followerCount: 10 });
    const before = await call(li, 'GET', companyPath('acme-corp'));
    expect(before.json).toEqual({
      data: { '*elements': ['urn:li:fs_normalized_company:1035'] },
      included: [
        {
          $type: 'com.linkedin.voyager.organization.Company',
          entityUrn: 'urn:li:fs_normalized_company:1035',
          universalName: 'acme-corp',
          name: 'Acme',
          followingInfo: { following: false, followerCount: 10 },
        },
      ],
    });
    expect((await call(li, 'POST', followPath('urn:li:fsd_company:1035'), { body: followBody(true) })).status).toBe(
      200,
    );
    expect(dig((await call(li, 'GET', companyPath('acme-corp'))).json, 'included', 0, 'followingInfo')).toEqual({
      following: true,
      followerCount: 11,
    });
    expect((await call(li, 'GET', companyPath('globex'))).status).toBe(404);
  });
});

describe('server options and bookkeeping', () => {
  it('slowMs delays every answer', async () => {
    const slow = await startLinkedInDouble({ slowMs: 200 });
    try {
      const t = Date.now();
      expect((await call(slow, 'GET', '/me')).status).toBe(200);
      expect(Date.now() - t).toBeGreaterThanOrEqual(190);
    } finally {
      await slow.close();
    }
  });

  it('records headers, query, body; reset forgets requests and violations but keeps the world', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    await call(li, 'GET', profilePath(enc('a-b')));
    const rec = lastOf(li);
    expect(rec?.query).toEqual({ q: 'memberIdentity', memberIdentity: 'a-b', decorationId: TOP_CARD });
    expect(rec?.headers).toMatchObject(firstPartyHeaders(li, 'GET', false));
    await call(li, 'POST', followPath(profileUrn(m)), { body: followBody(true) });
    expect(lastOf(li)?.body).toEqual(followBody(true));
    await call(li, 'GET', `/voyagerSocialDashReactions?q=viewerReaction&threadUrn=x`);
    expect(li.violations).toHaveLength(1);
    expect(li.requests.map((r) => r.id)).toEqual([1, 2, 3]);
    li.reset();
    expect(li.requests).toEqual([]);
    expect(li.violations).toEqual([]);
    expect(li.state.following.size).toBe(1);
    expect(li.url).toBe(`https://127.0.0.1:${li.port}`);
  });

  it('addPost gives activity posts a share URN; addMember with a known slug replaces that member', async () => {
    const li = double();
    const p = li.addPost();
    expect(p.threadUrn).toBe(`urn:li:activity:${p.id}`);
    expect(p.shareUrn).toMatch(/^urn:li:share:\d{19}$/);
    expect(li.addPost({ kind: 'ugcPost' }).shareUrn).toBeUndefined();
    const a = li.addMember({ slug: 'same-slug', distance: 1 });
    const b = li.addMember({ slug: 'same-slug', distance: 2, firstName: 'Bea' });
    expect(li.state.members.has(a.tail)).toBe(false);
    expect(li.state.connections.has(a.tail)).toBe(false);
    expect(dig((await call(li, 'GET', profilePath('same-slug'))).json, 'included', 0)).toMatchObject({
      entityUrn: profileUrn(b),
      firstName: 'Bea',
    });
  });
});
