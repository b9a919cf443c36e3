/** SDUI server requests (D3): headers, envelope, enums, each action, RSC replies. */
import { describe, expect, it } from 'vitest';
import { call, sdui } from './test-client';
import {
  connectEnvelope,
  envelope,
  followEnvelope,
  lastOf,
  reactPath,
  repostEnvelope,
  saveEnvelope,
  SDUI,
  unreactEnvelope,
  useDouble,
} from './test-helpers';

const double = useDouble();

describe('SDUI headers and envelope', () => {
  it('minimal headers: 200 RSC text, recorded as sdui and as an API request', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const r = await sdui(li, SDUI.follow.id, followEnvelope(m, true));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/x-component');
    expect(r.text).toBe('0:{"actions":[]}\n');
    expect(lastOf(li)).toMatchObject({ endpoint: 'follow.sdui', surface: 'sdui', mutation: true, status: 200 });
    expect(li.sduiRequests()).toHaveLength(1);
    expect(li.voyagerRequests()).toEqual(li.apiRequests());
    expect(li.apiRequests()).toHaveLength(1);
    expect(li.mutations()).toHaveLength(1);
    expect((await sdui(li, SDUI.follow.id, followEnvelope(m, true), { headers: { accept: undefined } })).status).toBe(
      200,
    );
  });

  it.each([
    ['x-restli-protocol-version', '2.0.0'],
    ['accept', 'application/vnd.linkedin.normalized+json+2.1'],
    ['x-li-lang', 'en_US'],
    ['x-li-track', '{"clientVersion":"1.13.0"}'],
    ['x-li-page-instance', 'urn:li:page:x'],
  ])('Voyager header %s → 500 text + violation, nothing applied', async (name, value) => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const r = await sdui(li, SDUI.follow.id, followEnvelope(m, true), { headers: { [name]: value } });
    expect(r.status).toBe(500);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.text).toContain(name);
    expect(li.violations).toEqual([expect.stringContaining('SDUI request with Voyager headers')]);
    expect(li.state.following.size).toBe(0);
  });

  it('content-type with a charset → 500; csrf mismatch → 403; no li_at → 401', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    expect(
      (
        await sdui(li, SDUI.follow.id, followEnvelope(m, true), {
          headers: { 'content-type': 'application/json; charset=UTF-8' },
        })
      ).status,
    ).toBe(500);
    const csrf = await sdui(li, SDUI.follow.id, followEnvelope(m, true), { headers: { 'csrf-token': 'ajax:1' } });
    expect([csrf.status, csrf.text]).toEqual([403, 'CSRF check failed']);
    expect((await sdui(li, SDUI.follow.id, followEnvelope(m, true), { cookies: { li_at: undefined } })).status).toBe(
      401,
    );
    expect(li.mutations()).toEqual([]);
  });

  it('missing envelope parts, a mismatched requestId, wrong screen or state keys → 500', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const good = followEnvelope(m, true);
    const variants: unknown[] = [
      { ...good, serverRequest: undefined },
      { ...good, requestedArguments: undefined },
      { ...good, requestId: 'other' },
      { ...good, serverRequest: { ...good.serverRequest, requestId: 'other' } },
      { ...good, requestedArguments: { ...good.requestedArguments, screenId: 'other' } },
      { ...good, requestedArguments: { ...good.requestedArguments, states: undefined } },
      { ...good, requestedArguments: { ...good.requestedArguments, requestMetadata: undefined } },
      {
        ...good,
        requestedArguments: { ...good.requestedArguments, requestedStateKeys: [{ key: 'x', namespace: '' }] },
      },
      {
        ...good,
        requestedArguments: {
          ...good.requestedArguments,
          payload: { followStateType: 'FollowStateType_FOLLOW_INACTIVE', memberUrn: { memberId: m.memberId } },
        },
      },
      { ...good, states: [] },
      'not json',
    ];
    for (const [i, body] of variants.entries()) {
      const r = await sdui(li, SDUI.follow.id, body);
      expect(r.status, `variant ${i}`).toBe(500);
    }
    expect(li.state.following.size).toBe(0);
    expect(li.mutations()).toEqual([]);
  });

  it('integer enums → 500', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    expect(
      (
        await sdui(
          li,
          SDUI.follow.id,
          envelope(SDUI.follow, { followStateType: 1, memberUrn: { memberId: m.memberId } }),
        )
      ).status,
    ).toBe(500);
    const post = li.addPost();
    expect((await sdui(li, SDUI.unreact.id, unreactEnvelope(post.id, 0 as unknown as string))).status).toBe(500);
    expect(
      (
        await sdui(
          li,
          SDUI.connect.id,
          envelope(SDUI.connect, {
            inviteeUrn: { memberId: Number(m.memberId) },
            nonIterableProfileId: m.tail,
            renderMode: 'IconAndText',
            firstName: 'a',
            lastName: 'b',
          }),
        )
      ).status,
    ).toBe(500);
    expect(li.mutations()).toEqual([]);
  });

  it('unknown sduiid, another method or an extra query parameter → 400', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    expect((await sdui(li, 'com.linkedin.sdui.unknown', followEnvelope(m, true))).status).toBe(400);
    expect((await sdui(li, `${SDUI.follow.id}&x=1`, followEnvelope(m, true))).status).toBe(400);
    expect(
      (await call(li, 'GET', `!/flagship-web/rsc-action/actions/server-request?sduiid=${SDUI.follow.id}`)).status,
    ).toBe(400);
    expect(lastOf(li)?.surface).toBe('sdui');
  });
});

describe('SDUI actions', () => {
  it('unreact (D3/D11): full captured envelope removes the reaction; partial envelope → 500', async () => {
    const li = double();
    const post = li.addPost();
    await call(li, 'POST', reactPath(post.threadUrn), { body: { reactionType: 'LIKE' } });
    const full = unreactEnvelope(post.id);
    const partial = {
      ...full,
      serverRequest: {
        requestId: full.serverRequest.requestId,
        requestedArguments: full.serverRequest.requestedArguments,
      },
    };
    expect((await sdui(li, SDUI.unreact.id, partial)).status).toBe(500);
    const noActor = envelope(SDUI.unreact, full.serverRequest.requestedArguments.payload, {
      server: {
        onClientRequestFailureAction: { actions: [] },
        isApfcEnabled: false,
        isStreaming: false,
        rumPageKey: '',
      },
    });
    expect((await sdui(li, SDUI.unreact.id, noActor)).status).toBe(500);
    const otherActor = unreactEnvelope(post.id);
    otherActor.requestedArguments.requestMetadata = unreactEnvelope('123').requestedArguments.requestMetadata;
    expect((await sdui(li, SDUI.unreact.id, otherActor)).status).toBe(500);
    expect(li.state.reactions.get(post.threadUrn)).toBe('LIKE');
    const wrongType = await sdui(li, SDUI.unreact.id, unreactEnvelope(post.id, 'ReactionType_PRAISE'));
    expect(wrongType.text).toContain('Failed to delete reaction');
    const r = await sdui(li, SDUI.unreact.id, full);
    expect([r.status, r.text]).toEqual([200, '0:{"actions":[]}\n']);
    expect(li.state.reactions.has(post.threadUrn)).toBe(false);
    expect(lastOf(li)).toMatchObject({ endpoint: 'unreact.sdui', mutation: true });
    expect((await sdui(li, SDUI.unreact.id, unreactEnvelope('42'))).text).toContain('Failed to delete reaction');
  });

  it('save, unfollow, instant repost, connect', async () => {
    const li = double();
    const post = li.addPost();
    expect((await sdui(li, SDUI.save.id, saveEnvelope(post.id, true))).status).toBe(200);
    expect(li.state.saved.has(post.threadUrn)).toBe(true);
    expect((await sdui(li, SDUI.save.id, saveEnvelope(post.id, false))).status).toBe(200);
    expect(li.state.saved.size).toBe(0);
    expect((await sdui(li, SDUI.save.id, saveEnvelope('9', true))).text).toContain('Failed to save');
    const m = li.addMember({ slug: 'a-b' });
    li.state.following.add(`member:${m.tail}`);
    expect((await sdui(li, SDUI.follow.id, followEnvelope(m, false))).status).toBe(200);
    expect(li.state.following.size).toBe(0);
    expect((await sdui(li, SDUI.share.id, repostEnvelope(post.id))).status).toBe(200);
    expect(li.state.shares).toMatchObject([{ parentUrn: post.threadUrn, via: 'share.sdui', text: '' }]);
    expect((await sdui(li, SDUI.connect.id, connectEnvelope(m))).status).toBe(200);
    expect(li.mutations().map((r) => r.endpoint)).toEqual([
      'save.sdui',
      'save.sdui',
      'follow.sdui',
      'share.sdui',
      'connect.sdui',
    ]);
  });
});
