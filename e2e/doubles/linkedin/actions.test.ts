/** Messaging (D9), reactions (D10), comments (D12), follow (D13), save (D14), share (D15): real shapes and refusals. */
import { describe, expect, it } from 'vitest';
import { call } from './test-client';
import {
  COMMENT,
  commentBody,
  commentsPath,
  conversationsPath,
  dig,
  enc,
  followBody,
  followPath,
  graphqlPath,
  lastOf,
  MESSAGE,
  messageBody,
  messagesPath,
  profileUrn,
  reactionsPath,
  reactPath,
  repostBody,
  REPOST_ID,
  reshareBody,
  RESHARE_ID,
  saveBody,
  savePath,
  useDouble,
} from './test-helpers';

const double = useDouble();

describe('messaging', () => {
  it('sends to a connection, reuses the conversation; conversations and messages read back (D9)', async () => {
    const li = double();
    const friend = li.addMember({ slug: 'f-f', distance: 1 });
    const body = messageBody(li, 'Hi there', friend);
    const r = await call(li, 'POST', MESSAGE, { body });
    expect(r.status).toBe(200);
    const convo = String(dig(r.json, 'value', 'conversationUrn'));
    expect(convo).toMatch(
      new RegExp(`^urn:li:msg_conversation:\\(urn:li:fsd_profile:${li.viewer.tail},2-[A-Za-z0-9_-]+\\)$`),
    );
    expect(dig(r.json, 'value', 'entityUrn')).toMatch(/^urn:li:msg_message:\(/);
    expect(lastOf(li)).toMatchObject({ endpoint: 'message', mutation: true });
    expect((await call(li, 'POST', MESSAGE, { body: messageBody(li, 'Again', null, {}, convo) })).status).toBe(200);

    const convs = await call(li, 'GET', conversationsPath(profileUrn(li.viewer)));
    expect(convs.status).toBe(200);
    expect(dig(convs.json, 'data', 'data', 'messengerConversationsBySyncToken', '*elements')).toEqual([convo]);
    const participants = (dig(convs.json, 'included') as Record<string, unknown>[]).filter((e) => e.hostIdentityUrn);
    expect(participants.map((p) => p.hostIdentityUrn).sort()).toEqual(
      [profileUrn(friend), profileUrn(li.viewer)].sort(),
    );
    expect(dig(convs.json, 'included', 0, '*conversationParticipants')).toEqual([
      `urn:li:msg_messagingParticipant:${profileUrn(li.viewer)}`,
      `urn:li:msg_messagingParticipant:${profileUrn(friend)}`,
    ]);
    const msgs = await call(li, 'GET', messagesPath(convo));
    expect(msgs.status).toBe(200);
    expect(dig(msgs.json, 'data', 'data', 'messengerMessagesBySyncToken', '*elements')).toHaveLength(2);
    expect(dig(msgs.json, 'included', 1)).toMatchObject({
      body: { text: 'Hi there' },
      originToken: body.message.originToken,
      '*sender': `urn:li:msg_messagingParticipant:${profileUrn(li.viewer)}`,
    });
    expect(lastOf(li)?.endpoint).toBe('messages');
  });

  it('read-backs: Rest.li variables encoded once, exact hashes; q=recipient is a violation', async () => {
    const li = double();
    const mailbox = profileUrn(li.viewer);
    expect((await call(li, 'GET', conversationsPath(mailbox).replace(enc(mailbox), mailbox))).status).toBe(400);
    expect((await call(li, 'GET', conversationsPath(mailbox).replace(enc(mailbox), enc(enc(mailbox))))).status).toBe(
      400,
    );
    expect((await call(li, 'GET', conversationsPath(mailbox).replace('0d5e6781', '0d5e6782'))).status).toBe(400);
    expect(li.violations).toEqual([]);
    const r = await call(
      li,
      'GET',
      `/voyagerMessagingDashMessengerMessages?q=recipient&mailboxUrn=${enc(mailbox)}&recipient=x&count=20`,
    );
    expect(r.status).toBe(400);
    expect(li.violations).toEqual([expect.stringContaining('q=recipient')]);
  });

  it('refuses drift (400), a foreign mailbox (400) and a non-connection (403)', async () => {
    const li = double();
    const friend = li.addMember({ slug: 'f-f', distance: 1 });
    const stranger = li.addMember({ slug: 's-s', distance: 2 });
    const r1 = await call(li, 'POST', MESSAGE, {
      body: messageBody(li, 'x', friend, { originToken: crypto.randomUUID() }),
    });
    expect(r1.status).toBe(400);
    expect(String(dig(r1.json, 'message'))).toContain('body.originToken');
    expect(
      (await call(li, 'POST', MESSAGE, { body: messageBody(li, 'x', friend, { mailboxUrn: profileUrn(friend) }) }))
        .status,
    ).toBe(400);
    expect(
      (await call(li, 'POST', MESSAGE, { body: messageBody(li, 'x', friend, { trackingId: 'short' }) })).status,
    ).toBe(400);
    expect(
      (
        await call(li, 'POST', MESSAGE, {
          body: messageBody(li, 'x', friend, { trackingId: Buffer.alloc(16).toString('base64') }),
        })
      ).status,
    ).toBe(400);
    const noDedupe = messageBody(li, 'x', friend) as Record<string, unknown>;
    delete noDedupe.dedupeByClientGeneratedToken;
    expect(dig((await call(li, 'POST', MESSAGE, { body: noDedupe })).json, 'message')).toBe(
      'missing key: body.dedupeByClientGeneratedToken',
    );
    const refused = await call(li, 'POST', MESSAGE, { body: messageBody(li, 'x', stranger) });
    expect(refused.status).toBe(403);
    expect(refused.text).not.toMatch(/csrf/i);
    expect(lastOf(li)).toMatchObject({ status: 403, mutation: false, endpoint: 'message' });
    expect(li.state.messages).toEqual([]);
  });
});

describe('reactions', () => {
  it('react: 201, EMPTY body, x-restli-id; the read-back pages and lists the viewer last', async () => {
    const li = double();
    const post = li.addPost();
    li.addReactions(post.threadUrn, 3);
    const r = await call(li, 'POST', reactPath(post.threadUrn), { body: { reactionType: 'PRAISE' } });
    expect(r.status).toBe(201);
    expect(r.text).toBe('');
    expect(r.headers['x-restli-id']).toBe(`urn:li:fsd_reaction:(${profileUrn(li.viewer)},${post.threadUrn},0)`);
    expect(lastOf(li)).toMatchObject({ endpoint: 'react', mutation: true });
    const p1 = await call(li, 'GET', reactionsPath(post.threadUrn, 0, 2));
    expect(dig(p1.json, 'data', 'paging')).toEqual({ start: 0, count: 2, total: 4 });
    expect(dig(p1.json, 'data', '*elements')).toHaveLength(2);
    expect((dig(p1.json, 'included') as { actorUrn: string }[]).some((x) => x.actorUrn === profileUrn(li.viewer))).toBe(
      false,
    );
    const p2 = await call(li, 'GET', reactionsPath(post.threadUrn, 2, 2));
    expect(dig(p2.json, 'included', 1)).toEqual({
      $type: 'com.linkedin.voyager.dash.social.Reaction',
      entityUrn: r.headers['x-restli-id'],
      reactionType: 'PRAISE',
      actorUrn: profileUrn(li.viewer),
    });
    expect(lastOf(li)?.endpoint).toBe('reactions');
    expect((await call(li, 'POST', reactPath('urn:li:activity:1'), { body: { reactionType: 'LIKE' } })).status).toBe(
      404,
    );
    expect((await call(li, 'POST', reactPath(post.threadUrn), { body: { reactionType: 'FUNNY' } })).status).toBe(400);
    expect(li.violations).toEqual([]);
  });

  it('DELETE in every key format and q=viewerReaction: 400 + violations, nothing removed', async () => {
    const li = double();
    const post = li.addPost();
    await call(li, 'POST', reactPath(post.threadUrn), { body: { reactionType: 'LIKE' } });
    const keys = [
      `urn:li:fsd_reaction:(${profileUrn(li.viewer)},${post.threadUrn},0)`,
      `urn:li:fsd_reaction:(${profileUrn(li.viewer)},${post.threadUrn},LIKE)`,
      post.threadUrn,
    ];
    for (const key of keys) {
      for (const k of [key, enc(key)])
        expect((await call(li, 'DELETE', `/voyagerSocialDashReactions/${k}`)).status, k).toBe(400);
    }
    expect((await call(li, 'DELETE', `/voyagerSocialDashReactions?threadUrn=${enc(post.threadUrn)}`)).status).toBe(400);
    expect(
      (await call(li, 'GET', `/voyagerSocialDashReactions?q=viewerReaction&threadUrn=${enc(post.threadUrn)}`)).status,
    ).toBe(400);
    expect(li.violations).toHaveLength(8);
    expect(li.violations.filter((v) => v.includes('q=viewerReaction'))).toHaveLength(1);
    expect(li.state.reactions.get(post.threadUrn)).toBe('LIKE');
  });
});

describe('comments', () => {
  it('D12: 201 {data:{entityUrn}}; feed/comments read-back; share threads and voyagerSocialDashComments refused', async () => {
    const li = double();
    const post = li.addPost();
    const r = await call(li, 'POST', COMMENT, { body: commentBody(post.threadUrn, 'Great post') });
    expect(r.status).toBe(201);
    const urn = String(dig(r.json, 'data', 'entityUrn'));
    expect(r.json).toEqual({ data: { entityUrn: urn } });
    expect(urn).toMatch(new RegExp(`^urn:li:fsd_comment:\\(\\d+,${post.threadUrn}\\)$`));
    const read = await call(li, 'GET', commentsPath(post.threadUrn));
    expect(read.json).toEqual({
      data: { '*elements': [urn] },
      included: [
        {
          $type: 'com.linkedin.voyager.feed.Comment',
          entityUrn: urn,
          commentV2: { text: 'Great post' },
          commenter: {
            'com.linkedin.voyager.feed.MemberActor': { '*miniProfile': `urn:li:fs_miniProfile:${li.viewer.tail}` },
          },
          createdTime: expect.any(Number),
        },
        expect.objectContaining({ entityUrn: `urn:li:fs_miniProfile:${li.viewer.tail}` }),
      ],
    });
    const ugc = li.addPost({ kind: 'ugcPost' });
    expect((await call(li, 'POST', COMMENT, { body: commentBody(ugc.threadUrn, 'ok') })).status).toBe(201);
    const share = li.addPost({ kind: 'share' });
    expect((await call(li, 'POST', COMMENT, { body: commentBody(share.threadUrn, 'x') })).status).toBe(400);
    expect((await call(li, 'POST', COMMENT, { body: commentBody(post.threadUrn, 'x'.repeat(1251)) })).status).toBe(400);
    expect(li.violations).toEqual([]);
    expect(
      (await call(li, 'POST', '/voyagerSocialDashComments', { body: commentBody(post.threadUrn, 'x') })).status,
    ).toBe(400);
    expect(
      (await call(li, 'GET', `/voyagerSocialDashComments?q=comments&threadUrn=${enc(post.threadUrn)}`)).status,
    ).toBe(400);
    expect(li.violations).toHaveLength(2);
    expect(li.state.comments).toHaveLength(2);
  });
});

describe('follow and save', () => {
  it('follow: 200 empty body for members and companies; GET is a violation (D13)', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    li.addCompany({ id: '1035', slug: 'acme-corp' });
    const r = await call(li, 'POST', followPath(profileUrn(m)), { body: followBody(true) });
    expect([r.status, r.text]).toEqual([200, '']);
    expect(li.state.following.has(`member:${m.tail}`)).toBe(true);
    expect(lastOf(li)).toMatchObject({ endpoint: 'follow', mutation: true });
    const c = await call(li, 'POST', followPath('urn:li:fsd_company:1035'), { body: followBody(true) });
    expect([c.status, c.text]).toEqual([200, '']);
    const un = await call(li, 'POST', followPath(profileUrn(m)), { body: followBody(false) });
    expect([un.status, un.text]).toEqual([200, '']);
    expect([...li.state.following]).toEqual(['company:1035']);
    expect((await call(li, 'POST', `${followPath(profileUrn(m))}?x=1`, { body: followBody(true) })).status).toBe(400);
    expect((await call(li, 'POST', followPath('urn:li:fsd_company:999'), { body: followBody(true) })).status).toBe(404);
    expect(li.violations).toEqual([]);
    expect((await call(li, 'GET', followPath('urn:li:fsd_company:1035'))).status).toBe(400);
    expect(li.violations).toEqual([expect.stringContaining('followingStates')]);
  });

  it('save: 200 empty body; unknown post 404; GET is a violation (D14)', async () => {
    const li = double();
    const post = li.addPost();
    const r = await call(li, 'POST', savePath(post.threadUrn), { body: saveBody(true) });
    expect([r.status, r.text]).toEqual([200, '']);
    expect(li.state.saved.has(post.threadUrn)).toBe(true);
    expect(lastOf(li)).toMatchObject({ endpoint: 'save', mutation: true });
    expect((await call(li, 'POST', savePath(post.threadUrn), { body: saveBody(false) })).status).toBe(200);
    expect(li.state.saved.size).toBe(0);
    expect((await call(li, 'POST', savePath('urn:li:activity:7'), { body: saveBody(true) })).status).toBe(404);
    expect((await call(li, 'GET', savePath(post.threadUrn))).status).toBe(400);
    expect(li.violations).toEqual([expect.stringContaining('SaveStates')]);
  });
});

describe('share (D15)', () => {
  it('repost by share URN; an activity URN → 200 with errors + violation; another hash → 400', async () => {
    const li = double();
    const post = li.addPost();
    const r = await call(li, 'POST', graphqlPath(REPOST_ID), { body: repostBody(post.shareUrn ?? '') });
    expect(r.status).toBe(200);
    const key = String(dig(r.json, 'data', 'data', 'createFeedDashReposts', 'resourceKey'));
    expect(key).toMatch(/^urn:li:fsd_repost:\d+$/);
    expect(li.state.shares).toEqual([{ urn: key, parentUrn: post.threadUrn, text: '', via: 'share' }]);
    expect(lastOf(li)).toMatchObject({ endpoint: 'share', mutation: true });
    const bad = await call(li, 'POST', graphqlPath(REPOST_ID), { body: repostBody(post.threadUrn) });
    expect(bad.status).toBe(200);
    expect(bad.json).toEqual({
      data: { data: { createFeedDashReposts: null } },
      errors: [{ message: expect.stringContaining('share URN') }],
    });
    expect(lastOf(li)?.mutation).toBe(false);
    expect(li.violations).toEqual([expect.stringContaining('rootContentUrn')]);
    expect(
      (
        await call(li, 'POST', graphqlPath(REPOST_ID.replace('a0663', 'b0663')), {
          body: repostBody(post.shareUrn ?? ''),
        })
      ).status,
    ).toBe(400);
    expect((await call(li, 'POST', graphqlPath(REPOST_ID), { body: repostBody('urn:li:share:1') })).status).toBe(404);
    expect(li.state.shares).toHaveLength(1);
  });

  it('reshare with text: RESHARE + share parent; origin FEED or an activity parent → 200 with errors + violation', async () => {
    const li = double();
    const post = li.addPost();
    const r = await call(li, 'POST', graphqlPath(RESHARE_ID), {
      body: reshareBody(post.shareUrn ?? '', 'worth reading'),
    });
    expect(r.status).toBe(200);
    const urn = String(dig(r.json, 'data', 'data', 'createContentcreationDashShares', 'resourceKey'));
    expect(dig(r.json, 'data', 'data', 'createContentcreationDashShares', 'entity')).toEqual({ entityUrn: urn });
    expect(li.state.shares).toEqual([{ urn, parentUrn: post.threadUrn, text: 'worth reading', via: 'share.reshare' }]);
    expect(lastOf(li)).toMatchObject({ endpoint: 'share.reshare', mutation: true });
    const feed = await call(li, 'POST', graphqlPath(RESHARE_ID), {
      body: reshareBody(post.shareUrn ?? '', 'x', 'FEED'),
    });
    expect([feed.status, Array.isArray(dig(feed.json, 'errors'))]).toEqual([200, true]);
    const activity = await call(li, 'POST', graphqlPath(RESHARE_ID), { body: reshareBody(post.threadUrn, 'x') });
    expect(dig(activity.json, 'data', 'data', 'createContentcreationDashShares')).toBeNull();
    expect(li.violations).toHaveLength(2);
    expect(li.state.shares).toHaveLength(1);
  });
});
