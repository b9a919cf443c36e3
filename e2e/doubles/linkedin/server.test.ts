import { X509Certificate } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCert, spkiHashOf } from './cert';
import { startLinkedInDouble, type LinkedInDouble, type Member } from './server';
import { call, firstPartyHeaders } from './test-client';

let li: LinkedInDouble;
beforeEach(async () => {
  li = await startLinkedInDouble();
});
afterEach(async () => {
  await li.close();
});

function dig(v: unknown, ...keys: (string | number)[]): unknown {
  let cur = v;
  for (const k of keys) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}
const enc = encodeURIComponent;
const last = () => li.requests.at(-1);
const profileUrn = (m: Member) => `urn:li:fsd_profile:${m.tail}`;
const PROFILE_DECO = 'com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-20';
const profilePath = (identity: string, deco = PROFILE_DECO) => `/identity/dash/profiles?q=memberIdentity&memberIdentity=${identity}&decorationId=${deco}`;
const relPath = (m: Member) => `/voyagerRelationshipsDashMemberRelationships/${enc(`urn:li:fsd_memberRelationship:${m.tail}`)}`;
const CONNECT = '/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2&decorationId=com.linkedin.voyager.dash.deco.relationships.InvitationCreationResultWithInvitee-2';
const connectBody = (m: Member, customMessage?: string) => ({ invitee: { inviteeUnion: { memberProfile: profileUrn(m) } }, ...(customMessage ? { customMessage } : {}) });
const sentPath = (start: number, count: number) => `/relationships/sentInvitationViewsV2?count=${count}&invitationType=CONNECTION&q=invitationType&start=${start}`;
const MESSAGE = '/voyagerMessagingDashMessengerMessages?action=createMessage';
const TRACKING = String.fromCharCode(0, 1, 2, 31, 127, 128, 200, 255, 10, 34, 92, 65, 66, 67, 68, 69);
function messageBody(text: string, recipient: Member | null, over: Record<string, unknown> = {}, conversationUrn?: string) {
  return {
    message: { body: { attributes: [], text }, originToken: crypto.randomUUID(), renderContentUnions: [], ...(conversationUrn ? { conversationUrn } : {}) },
    mailboxUrn: profileUrn(li.viewer),
    trackingId: TRACKING,
    dedupeByClientGeneratedToken: false,
    ...(recipient ? { hostRecipientUrns: [profileUrn(recipient)] } : {}),
    ...over,
  };
}
const COMMENT = '/voyagerSocialDashNormComments?decorationId=com.linkedin.voyager.dash.deco.social.NormComment-43';
const commentBody = (threadUrn: string, text: string) => ({ commentary: { text, attributesV2: [], $type: 'com.linkedin.voyager.dash.common.text.TextViewModel' }, threadUrn });
const followPath = (entityUrn: string) => `/feed/dash/followingStates/${enc(`urn:li:fsd_followingState:${entityUrn}`)}`;
const savePath = (thread: string) => `/voyagerFeedDashSaveStates/${enc(`urn:li:fsd_saveState:(SAVE,${thread})`)}`;
const QUERY_ID = 'voyagerContentcreationDashShares.279996efa5064c01775d5aff003d9377';
const SHARE = `/graphql?action=execute&queryId=${QUERY_ID}`;
function shareBody(parentUrn: string, text = '') {
  return {
    variables: {
      post: {
        allowedCommentersScope: 'ALL', intendedShareLifeCycleState: 'PUBLISHED', origin: 'FEED',
        visibilityDataUnion: { visibilityType: 'ANYONE' }, commentary: { text, attributesV2: [] }, parentUrn,
      },
    },
    queryId: QUERY_ID,
    includeWebMetadata: true,
  };
}
const companyPath = (slug: string) => `/organization/companies?decorationId=com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-12&q=universalName&universalName=${slug}`;

describe('certificate', () => {
  it('names www.linkedin.com and linkedin.com; spkiHash is the sha256 of the SPKI', async () => {
    const c = await generateCert();
    const x = new X509Certificate(c.cert);
    expect(x.subjectAltName).toContain('DNS:www.linkedin.com');
    expect(x.subjectAltName).toContain('DNS:linkedin.com');
    expect(c.spkiHash).toBe(spkiHashOf(c.cert));
    expect(Buffer.from(c.spkiHash, 'base64')).toHaveLength(32);
    expect(li.spkiHash).toBe(c.spkiHash);
  });
});

describe('strictness', () => {
  it('answers a first-party call and records it', async () => {
    const r = await call(li, 'GET', '/me');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('json');
    // No keep-alive: Chromium would silently resend a request whose reused socket closed unanswered.
    expect(r.headers.connection).toBe('close');
    expect(last()).toMatchObject({ method: 'GET', path: '/voyager/api/me', status: 200, endpoint: 'me', mutation: false, body: null });
    expect(li.voyagerRequests()).toHaveLength(1);
    expect(li.session.jsessionId).toMatch(/^ajax:\d+$/);
  });

  it.each(['accept', 'x-restli-protocol-version', 'x-li-lang', 'sec-fetch-site', 'referer'])('GET missing %s → 400 naming it', async (name) => {
    const r = await call(li, 'GET', '/me', { headers: { [name]: undefined } });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ status: 400 });
    expect(String(dig(r.json, 'message'))).toContain(name);
    expect(last()?.status).toBe(400);
  });

  it.each(['origin', 'content-type'])('POST missing %s → 400, nothing applied', async (name) => {
    const m = li.addMember({ slug: 'alice-example', distance: 2 });
    const r = await call(li, 'POST', followPath(profileUrn(m)), { body: { patch: { $set: { following: true } } }, headers: { [name]: undefined } });
    expect(r.status).toBe(400);
    expect(String(dig(r.json, 'message'))).toContain(name);
    expect(li.state.following.size).toBe(0);
    expect(li.mutations()).toEqual([]);
  });

  it('wrong values are refused: referer elsewhere, origin of an extension, sec-fetch-site none', async () => {
    expect((await call(li, 'GET', '/me', { headers: { referer: 'https://evil.example.com/' } })).status).toBe(400);
    expect((await call(li, 'GET', '/me', { headers: { 'sec-fetch-site': 'none' } })).status).toBe(400);
    const m = li.addMember({ slug: 'a-b' });
    const r = await call(li, 'POST', followPath(profileUrn(m)), { body: { patch: { $set: { following: true } } }, headers: { origin: 'chrome-extension://abc' } });
    expect(r.status).toBe(400);
  });

  it('cookies and csrf: missing li_at 401, wrong li_at 400, wrong JSESSIONID 400, unquoted JSESSIONID ok, csrf mismatch 403', async () => {
    expect((await call(li, 'GET', '/me', { cookies: { li_at: undefined } })).status).toBe(401);
    expect((await call(li, 'GET', '/me', { cookies: { li_at: 'nope' } })).status).toBe(400);
    expect((await call(li, 'GET', '/me', { cookies: { JSESSIONID: '"ajax:1"' } })).status).toBe(400);
    expect((await call(li, 'GET', '/me', { cookies: { JSESSIONID: li.session.jsessionId } })).status).toBe(200);
    const csrf = await call(li, 'GET', '/me', { headers: { 'csrf-token': 'ajax:999' } });
    expect(csrf.status).toBe(403);
    expect(csrf.text).toContain('CSRF check failed');
    expect((await call(li, 'GET', '/me', { headers: { 'csrf-token': undefined } })).status).toBe(403);
  });

  it('unknown path, method or query → 400, never 404', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['GET', '/identity/profiles/someone/profileView'],
      ['PUT', '/me'],
      ['GET', '/me?x=1'],
      ['GET', profilePath('a-b').replace('q=memberIdentity', 'q=other')],
      ['GET', profilePath('a-b', 'com.linkedin.voyager.dash.deco.identity.profile.Other-1')],
      ['GET', `/identity/dash/profiles?q=memberIdentity&memberIdentity=x`],
      ['POST', '/voyagerMessagingDashMessengerMessages?action=create'],
      ['GET', sentPath(0, 101)],
    ] as const) {
      const r = await call(li, method, path, method === 'POST' ? { body: {} } : {});
      expect(r.status, `${method} ${path}`).toBe(400);
    }
    expect(li.requests.filter((r) => r.endpoint === 'unknown').length).toBeGreaterThan(0);
  });

  it('bodies must match exactly: extra or missing keys are named', async () => {
    const m = li.addMember({ slug: 'a-b' });
    const extra = await call(li, 'POST', followPath(profileUrn(m)), { body: { patch: { $set: { following: true, x: 1 } } } });
    expect(extra.status).toBe(400);
    expect(String(dig(extra.json, 'message'))).toContain('body.patch.$set.x');
    const missing = await call(li, 'POST', CONNECT, { body: {} });
    expect(String(dig(missing.json, 'message'))).toContain('body.invitee');
    expect((await call(li, 'POST', CONNECT, { body: 'not json' })).status).toBe(400);
    expect((await call(li, 'GET', '/me', { body: '{}' })).status).toBe(400);
  });
});

describe('pages', () => {
  it('serves HTML pages and a favicon, recorded but not as voyager requests', async () => {
    for (const p of ['/feed/', '/', '/in/alice-example/', '/checkpoint/challenge/AgHx', '/authwall', '/login']) {
      const r = await call(li, 'GET', `!${p}`, { headers: { accept: 'text/html' } });
      expect(r.status, p).toBe(200);
      expect(r.text).toMatch(/^<!doctype html><title>LinkedIn<\/title>/);
    }
    expect((await call(li, 'GET', '!/favicon.ico')).status).toBe(204);
    expect(li.requests).toHaveLength(7);
    expect(li.voyagerRequests()).toEqual([]);
    expect(li.requests[0]?.endpoint).toBe('page');
  });
});

describe('identity', () => {
  it('me names the viewer', async () => {
    const r = await call(li, 'GET', '/me');
    expect(r.json).toEqual({
      data: { plainId: Number(li.viewer.memberId), '*miniProfile': `urn:li:fs_miniProfile:${li.viewer.tail}`, $type: 'com.linkedin.voyager.common.Me' },
      included: [expect.objectContaining({ $type: 'com.linkedin.voyager.identity.shared.MiniProfile', entityUrn: `urn:li:fs_miniProfile:${li.viewer.tail}`, publicIdentifier: 'viewer-me' })],
    });
    expect(li.viewer.tail).toMatch(/^ACoAA[A-Za-z0-9_-]{30}$/);
  });

  it('addMember with a known slug replaces that member', async () => {
    const a = li.addMember({ slug: 'same-slug', distance: 1 });
    const b = li.addMember({ slug: 'same-slug', distance: 2, firstName: 'Bea' });
    expect(li.state.members.has(a.tail)).toBe(false);
    expect(li.state.connections.has(a.tail)).toBe(false);
    const r = await call(li, 'GET', profilePath('same-slug'));
    expect(dig(r.json, 'included', 0)).toMatchObject({ entityUrn: profileUrn(b), firstName: 'Bea', lastName: 'Slug' });
    expect(b.memberId).toMatch(/^\d+$/);
  });

  it('setViewer switches the account', async () => {
    const other = li.addMember({ slug: 'someone-else' });
    li.setViewer(other);
    const r = await call(li, 'GET', '/me');
    expect(dig(r.json, 'data', '*miniProfile')).toBe(`urn:li:fs_miniProfile:${other.tail}`);
  });

  it('profile lookup by slug (encoded once), tail or member id; double-encoded or unknown → 404', async () => {
    const m = li.addMember({ slug: 'zoë-müller', distance: 2 });
    for (const identity of [enc(m.slug), m.tail, m.memberId]) {
      const r = await call(li, 'GET', profilePath(identity));
      expect(r.status, identity).toBe(200);
      expect(r.json).toEqual({
        data: { '*elements': [profileUrn(m)] },
        included: [
          { $type: 'com.linkedin.voyager.dash.identity.profile.Profile', entityUrn: profileUrn(m), publicIdentifier: m.slug, firstName: m.firstName, lastName: m.lastName, '*memberRelationship': `urn:li:fsd_memberRelationship:${m.tail}` },
          expect.objectContaining({ entityUrn: `urn:li:fsd_memberRelationship:${m.tail}`, memberRelationshipUnion: { noConnection: { memberDistance: 'DISTANCE_2', invitationUnion: { noInvitation: {} } } } }),
        ],
      });
    }
    expect((await call(li, 'GET', profilePath(enc(enc(m.slug))))).status).toBe(404);
    expect((await call(li, 'GET', profilePath('nobody'))).json).toEqual({ status: 404 });
    for (const deco of ['com.linkedin.voyager.dash.deco.identity.profile.TopCardSupplementary-150', 'com.linkedin.voyager.dash.deco.identity.profile.FullProfileWithEntities-100']) {
      expect((await call(li, 'GET', profilePath(m.tail, deco))).status).toBe(200);
    }
    expect(last()?.endpoint).toBe('profile');
  });

  it('relationship: 1st degree, 3rd degree, out of network, unknown; the URN raw or encoded', async () => {
    const a = li.addMember({ slug: 'a-one', distance: 1 });
    const b = li.addMember({ slug: 'b-three', distance: 3 });
    const c = li.addMember({ slug: 'c-out', distance: 'OUT_OF_NETWORK' });
    expect(li.state.connections.has(a.tail)).toBe(true);
    const ra = await call(li, 'GET', relPath(a));
    expect(ra.json).toEqual({
      data: { $type: 'com.linkedin.voyager.dash.relationships.MemberRelationship', entityUrn: `urn:li:fsd_memberRelationship:${a.tail}`, memberRelationshipUnion: { '*connection': `urn:li:fsd_connection:${a.tail}` } },
      included: [],
    });
    const rb = await call(li, 'GET', `/voyagerRelationshipsDashMemberRelationships/urn:li:fsd_memberRelationship:${b.tail}`);
    expect(dig(rb.json, 'data', 'memberRelationshipUnion', 'noConnection', 'memberDistance')).toBe('DISTANCE_3');
    expect(dig((await call(li, 'GET', relPath(c))).json, 'data', 'memberRelationshipUnion', 'noConnection', 'memberDistance')).toBe('OUT_OF_NETWORK');
    expect((await call(li, 'GET', `/voyagerRelationshipsDashMemberRelationships/urn:li:fsd_memberRelationship:ACoAAunknown`)).status).toBe(404);
    expect(last()?.endpoint).toBe('relationship');
  });
});

describe('invitations', () => {
  it('connect creates a pending invitation, visible in relationship, profile and the sent list', async () => {
    const m = li.addMember({ slug: 'alice-example', distance: 2 });
    const r = await call(li, 'POST', CONNECT, { body: connectBody(m, 'Hello Alice') });
    expect(r.status).toBe(200);
    const urn = String(dig(r.json, 'data', 'invitationUrn'));
    expect(urn).toMatch(/^urn:li:fsd_invitation:\d+$/);
    expect(r.json).toEqual({
      data: { $type: 'com.linkedin.voyager.dash.relationships.invitation.InvitationCreationResult', '*invitation': urn, invitationUrn: urn, '*invitee': profileUrn(m) },
      included: [expect.objectContaining({ entityUrn: urn, invitationState: 'PENDING', invitationType: 'CONNECTION', sharedSecret: expect.any(String) })],
    });
    const id = urn.split(':').at(-1) ?? '';
    expect(li.state.invitations.get(id)).toMatchObject({ id, inviteeTail: m.tail, message: 'Hello Alice' });
    expect(last()).toMatchObject({ endpoint: 'connect', mutation: true, status: 200 });

    const rel = await call(li, 'GET', relPath(m));
    expect(dig(rel.json, 'data', 'memberRelationshipUnion', 'noConnection', 'invitationUnion')).toEqual({ '*invitation': urn });
    expect(dig(rel.json, 'included', 0, 'entityUrn')).toBe(urn);
    const prof = await call(li, 'GET', profilePath(m.slug));
    expect(dig(prof.json, 'included', 2)).toMatchObject({ $type: 'com.linkedin.voyager.dash.relationships.invitation.Invitation', entityUrn: urn, invitationState: 'PENDING' });

    const again = await call(li, 'POST', CONNECT, { body: connectBody(m) });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ data: { code: 'CANT_RESEND_YET', status: 400 } });
    expect(last()?.mutation).toBe(false);
  });

  it('connect refusals: connected, unknown profile, note too long', async () => {
    const friend = li.addMember({ slug: 'f-f', distance: 1 });
    const r = await call(li, 'POST', CONNECT, { body: connectBody(friend) });
    expect(r.json).toEqual({ data: { code: 'ALREADY_CONNECTED', status: 400 } });
    const ghost: Member = { ...friend, tail: 'ACoAAghost' };
    expect((await call(li, 'POST', CONNECT, { body: connectBody(ghost) })).status).toBe(404);
    const m = li.addMember({ slug: 'a-b' });
    expect((await call(li, 'POST', CONNECT, { body: connectBody(m, 'x'.repeat(301)) })).status).toBe(400);
    expect((await call(li, 'POST', CONNECT, { body: { ...connectBody(m), customMessage: '' } })).status).toBe(400);
    expect(li.state.invitations.size).toBe(0);
    expect(li.mutations()).toEqual([]);
  });

  it('sent invitations are listed newest first, paged', async () => {
    const members = ['a-1', 'b-2', 'c-3'].map((slug) => li.addMember({ slug }));
    for (const m of members) expect((await call(li, 'POST', CONNECT, { body: connectBody(m) })).status).toBe(200);
    const p1 = await call(li, 'GET', sentPath(0, 2));
    expect(dig(p1.json, 'data', 'paging')).toEqual({ start: 0, count: 2, total: 3 });
    expect(dig(p1.json, 'data', '*elements')).toHaveLength(2);
    const included = dig(p1.json, 'included') as Record<string, unknown>[];
    const invs = included.filter((e) => e.$type === 'com.linkedin.voyager.relationships.invitation.Invitation');
    expect(invs.map((i) => i['*toMember'])).toEqual([`urn:li:fs_miniProfile:${members[2]?.tail}`, `urn:li:fs_miniProfile:${members[1]?.tail}`]);
    expect(invs[0]).toMatchObject({ invitationState: 'PENDING', invitationType: 'CONNECTION', sentTime: expect.any(Number), sharedSecret: expect.any(String) });
    expect(included.some((e) => e.publicIdentifier === 'c-3')).toBe(true);
    expect(included.some((e) => e.$type === 'com.linkedin.voyager.relationships.invitation.SentInvitationView')).toBe(true);
    const p2 = await call(li, 'GET', sentPath(2, 2));
    expect(dig(p2.json, 'data', '*elements')).toHaveLength(1);
    expect(last()?.endpoint).toBe('sentInvitations');
  });

  it('withdraw deletes a pending invitation (204), then 404', async () => {
    const m = li.addMember({ slug: 'a-b' });
    const urn = String(dig((await call(li, 'POST', CONNECT, { body: connectBody(m) })).json, 'data', 'invitationUrn'));
    expect((await call(li, 'DELETE', `/voyagerRelationshipsDashMemberRelationships/${enc(urn)}`, { body: '{}' })).status).toBe(400);
    const r = await call(li, 'DELETE', `/voyagerRelationshipsDashMemberRelationships/${enc(urn)}`);
    expect(r.status).toBe(204);
    expect(last()).toMatchObject({ endpoint: 'withdraw', mutation: true });
    expect(li.state.invitations.size).toBe(0);
    expect((await call(li, 'DELETE', `/voyagerRelationshipsDashMemberRelationships/${urn}`)).status).toBe(404);
    expect((await call(li, 'GET', sentPath(0, 10))).json).toMatchObject({ data: { paging: { total: 0 } } });
  });
});

describe('messaging', () => {
  it('sends to a connection, reuses the conversation, reads back newest first', async () => {
    const friend = li.addMember({ slug: 'f-f', distance: 1 });
    const body = messageBody('Hi there', friend);
    const r = await call(li, 'POST', MESSAGE, { body });
    expect(r.status).toBe(200);
    const convo = String(dig(r.json, 'value', 'conversationUrn'));
    expect(convo).toMatch(new RegExp(`^urn:li:msg_conversation:\\(urn:li:fsd_profile:${li.viewer.tail},2-[A-Za-z0-9_-]+\\)$`));
    expect(r.json).toEqual({
      value: {
        $type: 'com.linkedin.messenger.Message',
        entityUrn: expect.stringMatching(new RegExp(`^urn:li:msg_message:\\(urn:li:fsd_profile:${li.viewer.tail},`)),
        conversationUrn: convo,
        originToken: body.message.originToken,
        body: { text: 'Hi there' },
        deliveredAt: expect.any(Number),
      },
    });
    expect(last()).toMatchObject({ endpoint: 'message', mutation: true });
    const second = await call(li, 'POST', MESSAGE, { body: messageBody('Again', null, {}, convo) });
    expect(second.status).toBe(200);
    expect(dig(second.json, 'value', 'conversationUrn')).toBe(convo);
    expect(li.state.messages.map((m) => [m.recipientTail, m.text])).toEqual([[friend.tail, 'Hi there'], [friend.tail, 'Again']]);

    const read = await call(li, 'GET', `/voyagerMessagingDashMessengerMessages?q=recipient&mailboxUrn=${enc(profileUrn(li.viewer))}&recipient=${enc(profileUrn(friend))}&count=20`);
    expect(read.status).toBe(200);
    expect(dig(read.json, 'included', 0, 'body', 'text')).toBe('Again');
    expect(dig(read.json, 'included', 1, 'originToken')).toBe(body.message.originToken);
    expect(last()?.endpoint).toBe('messages');
  });

  it('refuses drift (400), a foreign mailbox (400) and a non-connection (403)', async () => {
    const friend = li.addMember({ slug: 'f-f', distance: 1 });
    const stranger = li.addMember({ slug: 's-s', distance: 2 });
    const topLevelToken = messageBody('x', friend, { originToken: crypto.randomUUID() });
    const r1 = await call(li, 'POST', MESSAGE, { body: topLevelToken });
    expect(r1.status).toBe(400);
    expect(String(dig(r1.json, 'message'))).toContain('body.originToken');
    expect((await call(li, 'POST', MESSAGE, { body: messageBody('x', friend, { mailboxUrn: profileUrn(friend) }) })).status).toBe(400);
    expect((await call(li, 'POST', MESSAGE, { body: messageBody('x', friend, { trackingId: 'short' }) })).status).toBe(400);
    expect((await call(li, 'POST', MESSAGE, { body: messageBody('x', friend, { trackingId: 'ĀĀĀĀĀĀĀĀĀĀĀĀĀĀĀĀ' }) })).status).toBe(400);
    const noTracking = messageBody('x', friend) as Record<string, unknown>;
    delete noTracking.trackingId;
    expect(dig((await call(li, 'POST', MESSAGE, { body: noTracking })).json, 'message')).toBe('missing key: body.trackingId');
    expect((await call(li, 'POST', MESSAGE, { body: messageBody('', friend) })).status).toBe(400);
    expect((await call(li, 'POST', MESSAGE, { body: messageBody('x'.repeat(8001), friend) })).status).toBe(400);
    const notUuid = messageBody('x', friend);
    expect((await call(li, 'POST', MESSAGE, { body: { ...notUuid, message: { ...notUuid.message, originToken: 'abc' } } })).status).toBe(400);
    const refused = await call(li, 'POST', MESSAGE, { body: messageBody('x', stranger) });
    expect(refused.status).toBe(403);
    expect(last()).toMatchObject({ status: 403, mutation: false, endpoint: 'message' });
    expect(li.state.messages).toEqual([]);
  });
});

describe('reactions', () => {
  it('react, replace, read back, unreact; unknown post 404', async () => {
    const post = li.addPost();
    expect(post.threadUrn).toBe(`urn:li:activity:${post.id}`);
    const r = await call(li, 'POST', `/voyagerSocialDashReactions?threadUrn=${enc(post.threadUrn)}`, { body: { reactionType: 'LIKE' } });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ data: { entityUrn: `urn:li:fsd_reaction:(${profileUrn(li.viewer)},${post.threadUrn},LIKE)`, reactionType: 'LIKE' } });
    expect(last()).toMatchObject({ endpoint: 'react', mutation: true });
    await call(li, 'POST', `/voyagerSocialDashReactions?threadUrn=${enc(post.threadUrn)}`, { body: { reactionType: 'PRAISE' } });
    expect(li.state.reactions.get(post.threadUrn)).toBe('PRAISE');
    const read = await call(li, 'GET', `/voyagerSocialDashReactions?q=viewerReaction&threadUrn=${enc(post.threadUrn)}`);
    expect(read.json).toEqual({ data: { threadUrn: post.threadUrn, reactionType: 'PRAISE' } });
    const unreact = (type: string) => call(li, 'DELETE', `/voyagerSocialDashReactions/${enc(`urn:li:fsd_reaction:(${profileUrn(li.viewer)},${post.threadUrn},${type})`)}`);
    expect((await unreact('LIKE')).status).toBe(404);
    expect((await unreact('PRAISE')).status).toBe(204);
    expect(last()).toMatchObject({ endpoint: 'unreact', mutation: true });
    expect(li.state.reactions.has(post.threadUrn)).toBe(false);
    expect(dig((await call(li, 'GET', `/voyagerSocialDashReactions?q=viewerReaction&threadUrn=${enc(post.threadUrn)}`)).json, 'data', 'reactionType')).toBeNull();
    expect((await call(li, 'POST', `/voyagerSocialDashReactions?threadUrn=${enc('urn:li:activity:1')}`, { body: { reactionType: 'LIKE' } })).status).toBe(404);
    expect((await call(li, 'POST', `/voyagerSocialDashReactions?threadUrn=${enc(post.threadUrn)}`, { body: { reactionType: 'FUNNY' } })).status).toBe(400);
    const ugc = li.addPost({ kind: 'ugcPost', id: '123' });
    expect((await call(li, 'POST', `/voyagerSocialDashReactions?threadUrn=${ugc.threadUrn}`, { body: { reactionType: 'ENTERTAINMENT' } })).status).toBe(201);
  });
});

describe('comments', () => {
  it('comments and reads them back', async () => {
    const post = li.addPost({ kind: 'share' });
    const r = await call(li, 'POST', COMMENT, { body: commentBody(post.threadUrn, 'Great post') });
    expect(r.status).toBe(201);
    const urn = String(dig(r.json, 'data', 'entityUrn'));
    expect(urn).toMatch(new RegExp(`^urn:li:fsd_comment:\\(\\d+,${post.threadUrn}\\)$`));
    expect(r.json).toEqual({ data: { entityUrn: urn, commentary: { text: 'Great post' } }, included: [] });
    expect(li.state.comments).toMatchObject([{ urn, threadUrn: post.threadUrn, text: 'Great post' }]);
    expect(last()).toMatchObject({ endpoint: 'comment', mutation: true });
    const read = await call(li, 'GET', `/voyagerSocialDashComments?q=comments&threadUrn=${enc(post.threadUrn)}&count=50&sortOrder=REVERSE_CHRONOLOGICAL`);
    expect(read.json).toMatchObject({ data: { '*elements': [urn] }, included: [{ entityUrn: urn, commentary: { text: 'Great post' }, commenterProfileUrn: profileUrn(li.viewer) }] });
    expect((await call(li, 'POST', COMMENT, { body: commentBody('urn:li:activity:42', 'x') })).status).toBe(404);
    expect((await call(li, 'POST', COMMENT, { body: commentBody(post.threadUrn, 'x'.repeat(1251)) })).status).toBe(400);
    const wrongType = commentBody(post.threadUrn, 'x');
    wrongType.commentary.$type = 'other';
    expect((await call(li, 'POST', COMMENT, { body: wrongType })).status).toBe(400);
  });
});

describe('follow and save', () => {
  it('follows and unfollows members and companies (204), reads back; raw or encoded path', async () => {
    const m = li.addMember({ slug: 'a-b' });
    li.addCompany({ id: '1035', slug: 'acme-corp' });
    const r = await call(li, 'POST', followPath(profileUrn(m)), { body: { patch: { $set: { following: true } } } });
    expect(r.status).toBeGreaterThanOrEqual(200);
    expect(r.status).toBeLessThan(300);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(li.state.following.has(`member:${m.tail}`)).toBe(true);
    expect(last()).toMatchObject({ endpoint: 'follow', mutation: true });
    const raw = `/feed/dash/followingStates/urn:li:fsd_followingState:urn:li:fsd_company:1035`;
    expect((await call(li, 'POST', raw, { body: { patch: { $set: { following: true } } } })).status).toBe(204);
    expect(li.state.following.has('company:1035')).toBe(true);
    const read = await call(li, 'GET', followPath('urn:li:fsd_company:1035'));
    expect(read.json).toEqual({ data: { entityUrn: 'urn:li:fsd_followingState:urn:li:fsd_company:1035', following: true, $type: 'com.linkedin.voyager.dash.feed.FollowingState' } });
    expect(last()?.endpoint).toBe('followingState');
    await call(li, 'POST', followPath(profileUrn(m)), { body: { patch: { $set: { following: false } } } });
    expect(li.state.following.has(`member:${m.tail}`)).toBe(false);
    expect((await call(li, 'POST', followPath('urn:li:fsd_company:999'), { body: { patch: { $set: { following: true } } } })).status).toBe(404);
    expect((await call(li, 'POST', followPath('urn:li:fsd_profile:ACoAAx'), { body: { patch: { $set: { following: true } } } })).status).toBe(404);
    expect((await call(li, 'POST', followPath(profileUrn(m)), { body: { patch: { $set: { following: 'yes' } } } })).status).toBe(400);
  });

  it('saves and unsaves posts (204), reads back; unknown post 404', async () => {
    const post = li.addPost();
    expect((await call(li, 'POST', savePath(post.threadUrn), { body: { patch: { $set: { saved: true } } } })).status).toBe(204);
    expect(li.state.saved.has(post.threadUrn)).toBe(true);
    expect(last()).toMatchObject({ endpoint: 'save', mutation: true });
    expect((await call(li, 'GET', savePath(post.threadUrn))).json).toEqual({ data: { entityUrn: `urn:li:fsd_saveState:(SAVE,${post.threadUrn})`, saved: true } });
    expect((await call(li, 'POST', savePath(post.threadUrn), { body: { patch: { $set: { saved: false } } } })).status).toBe(204);
    expect(li.state.saved.size).toBe(0);
    expect((await call(li, 'POST', savePath('urn:li:activity:7'), { body: { patch: { $set: { saved: true } } } })).status).toBe(404);
    expect((await call(li, 'POST', savePath(post.threadUrn), { body: { patch: { $set: { following: true } } } })).status).toBe(400);
  });
});

describe('share and company', () => {
  it('reposts with the exact GraphQL body; the queryId must match; unknown parent 404', async () => {
    const post = li.addPost();
    const r = await call(li, 'POST', SHARE, { body: shareBody(post.threadUrn, 'worth reading') });
    expect(r.status).toBe(200);
    const urn = String(dig(r.json, 'value', 'data', 'createContentcreationDashShares', 'resourceKey'));
    expect(urn).toMatch(/^urn:li:share:\d+$/);
    expect(dig(r.json, 'value', 'data', 'createContentcreationDashShares', 'entity')).toEqual({ entityUrn: urn });
    expect(li.state.shares).toEqual([{ urn, parentUrn: post.threadUrn, text: 'worth reading' }]);
    expect(last()).toMatchObject({ endpoint: 'share', mutation: true });
    expect((await call(li, 'POST', SHARE, { body: shareBody(post.threadUrn) })).status).toBe(200);
    const other = { ...shareBody(post.threadUrn), queryId: 'voyagerContentcreationDashShares.00000000000000000000000000000000' };
    expect((await call(li, 'POST', SHARE, { body: other })).status).toBe(400);
    expect((await call(li, 'POST', SHARE.replace(/\.[0-9a-f]+$/, '.xyz'), { body: shareBody(post.threadUrn) })).status).toBe(400);
    expect((await call(li, 'POST', SHARE, { body: shareBody(post.threadUrn, 'x'.repeat(3001)) })).status).toBe(400);
    expect((await call(li, 'POST', SHARE, { body: shareBody('urn:li:activity:5') })).status).toBe(404);
  });

  it('looks a company up by slug; unknown 404', async () => {
    li.addCompany({ id: '1035', slug: 'acme-corp', name: 'Acme' });
    const r = await call(li, 'GET', companyPath('acme-corp'));
    expect(r.json).toEqual({
      data: { '*elements': ['urn:li:fs_normalized_company:1035'] },
      included: [{ $type: 'com.linkedin.voyager.organization.Company', entityUrn: 'urn:li:fs_normalized_company:1035', universalName: 'acme-corp', name: 'Acme' }],
    });
    expect(last()?.endpoint).toBe('company');
    expect((await call(li, 'GET', companyPath('globex'))).status).toBe(404);
  });
});

describe('failure injection', () => {
  const FOLLOW_BODY = { patch: { $set: { following: true } } };

  it.each([
    [{ kind: 'status999' } as const, 999],
    [{ kind: 'unauthorized' } as const, 401],
    [{ kind: 'rateLimited' } as const, 429],
    [{ kind: 'serverError' } as const, 500],
  ])('%o answers %i and applies nothing', async (scenario, status) => {
    const m = li.addMember({ slug: 'a-b' });
    li.fail(scenario);
    const r = await call(li, 'POST', followPath(profileUrn(m)), { body: FOLLOW_BODY });
    expect(r.status).toBe(status);
    if (status === 999) expect(r.text).toBe('');
    expect(li.state.following.size).toBe(0);
    expect(last()).toMatchObject({ status, mutation: false, endpoint: 'follow' });
  });

  it('csrf: 403 CSRF check failed', async () => {
    li.fail({ kind: 'csrf' });
    const r = await call(li, 'GET', '/me');
    expect(r.status).toBe(403);
    expect(r.text).toBe('CSRF check failed');
  });

  it('challenge: 302 to a checkpoint page the double serves', async () => {
    li.fail({ kind: 'challenge' });
    const r = await call(li, 'GET', '/me');
    expect(r.status).toBe(302);
    const location = new URL(String(r.headers.location));
    expect(location.origin).toBe('https://www.linkedin.com');
    expect(location.pathname).toMatch(/^\/checkpoint\/challenge\/AgH/);
    expect(location.search).not.toBe('');
    const page = await call(li, 'GET', `!${location.pathname}${location.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>LinkedIn</title>');
  });

  it('authwall: 302 to /authwall with li_at=delete-me; that cookie then counts as signed out', async () => {
    li.fail({ kind: 'authwall' }, { times: 1 });
    const r = await call(li, 'GET', '/me');
    expect(r.status).toBe(302);
    expect(new URL(String(r.headers.location)).pathname).toBe('/authwall');
    expect(r.headers['set-cookie']).toEqual(['li_at=delete-me; Domain=.www.linkedin.com; Path=/']);
    expect((await call(li, 'GET', '!/authwall?trk=bf')).status).toBe(200);
    expect((await call(li, 'GET', '/me', { cookies: { li_at: 'delete-me' } })).status).toBe(401);
  });

  it('inviteLimit applies to connect only', async () => {
    const m = li.addMember({ slug: 'a-b' });
    li.fail({ kind: 'inviteLimit' });
    expect((await call(li, 'POST', followPath(profileUrn(m)), { body: FOLLOW_BODY })).status).toBe(204);
    const r = await call(li, 'POST', CONNECT, { body: connectBody(m) });
    expect(r.status).toBe(429);
    expect(r.json).toEqual({ data: { code: 'FUSE_LIMIT_EXCEEDED', status: 429 } });
    expect(li.state.invitations.size).toBe(0);
  });

  it('match and times select requests; clearFailures disarms', async () => {
    const m = li.addMember({ slug: 'a-b' });
    li.fail({ kind: 'serverError' }, { match: (r) => r.method === 'POST', times: 2 });
    expect((await call(li, 'GET', '/me')).status).toBe(200);
    expect((await call(li, 'POST', followPath(profileUrn(m)), { body: FOLLOW_BODY })).status).toBe(500);
    expect((await call(li, 'POST', followPath(profileUrn(m)), { body: FOLLOW_BODY })).status).toBe(500);
    expect((await call(li, 'POST', followPath(profileUrn(m)), { body: FOLLOW_BODY })).status).toBe(204);
    li.fail({ kind: 'rateLimited' }, { match: (r) => r.endpoint === 'me' });
    expect((await call(li, 'GET', '/me')).status).toBe(429);
    li.clearFailures();
    expect((await call(li, 'GET', '/me')).status).toBe(200);
  });

  it('failures come after validation: a malformed request is still a 400', async () => {
    li.fail({ kind: 'status999' });
    expect((await call(li, 'GET', '/me', { headers: { accept: undefined } })).status).toBe(400);
    expect((await call(li, 'GET', '/nope')).status).toBe(400);
    expect((await call(li, 'GET', '/me')).status).toBe(999);
  });

  it('slow delays, then answers normally', async () => {
    li.fail({ kind: 'slow', ms: 300 }, { times: 1 });
    const t = Date.now();
    expect((await call(li, 'GET', '/me')).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    const t2 = Date.now();
    await call(li, 'GET', '/me');
    expect(Date.now() - t2).toBeLessThan(250);
  });

  it('dropAfterApply applies the write, records it, and never answers', async () => {
    const m = li.addMember({ slug: 'a-b' });
    li.fail({ kind: 'dropAfterApply' }, { times: 1 });
    await expect(call(li, 'POST', followPath(profileUrn(m)), { body: FOLLOW_BODY })).rejects.toThrow();
    expect(li.state.following.has(`member:${m.tail}`)).toBe(true);
    expect(li.mutations()).toHaveLength(1);
    expect(li.mutations()[0]).toMatchObject({ endpoint: 'follow', mutation: true, status: 0 });
    expect((await call(li, 'GET', followPath(profileUrn(m)))).json).toMatchObject({ data: { following: true } });
  });
});

describe('server options and bookkeeping', () => {
  it('slowMs delays every voyager answer', async () => {
    const slow = await startLinkedInDouble({ slowMs: 200 });
    try {
      const t = Date.now();
      expect((await call(slow, 'GET', '/me')).status).toBe(200);
      expect(Date.now() - t).toBeGreaterThanOrEqual(190);
    } finally {
      await slow.close();
    }
  });

  it('records headers, query, body; reset forgets requests but keeps the world', async () => {
    const m = li.addMember({ slug: 'a-b' });
    await call(li, 'GET', profilePath(enc('a-b')));
    const rec = last();
    expect(rec?.query).toEqual({ q: 'memberIdentity', memberIdentity: 'a-b', decorationId: PROFILE_DECO });
    expect(rec?.rawQuery).toContain('q=memberIdentity');
    expect(rec?.headers).toMatchObject(firstPartyHeaders(li, 'GET', false));
    await call(li, 'POST', followPath(profileUrn(m)), { body: { patch: { $set: { following: true } } } });
    expect(last()?.body).toEqual({ patch: { $set: { following: true } } });
    expect(last()?.path).toBe(`/voyager/api${followPath(profileUrn(m))}`);
    expect(li.requests.map((r) => r.id)).toEqual([1, 2]);
    li.reset();
    expect(li.requests).toEqual([]);
    expect(li.state.following.size).toBe(1);
    expect(li.url).toBe(`https://127.0.0.1:${li.port}`);
  });
});
