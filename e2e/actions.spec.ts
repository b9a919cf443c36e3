/** Every action type through the real extension against the strict LinkedIn double. */
import { test, expect } from './fixtures';
import type { Harness } from './harness';

const writes = (h: Harness) => h.linkedin.apiRequests().filter((r) => r.method !== 'GET');
/** Nothing the double refused, and nothing v2 says must never be sent. */
const noRejections = (h: Harness) => {
  expect(
    h.linkedin
      .apiRequests()
      .filter((r) => r.status === 400 || r.status === 500)
      .map((r) => `${r.method} ${r.path} ${r.status}`),
  ).toEqual([]);
  expect(h.linkedin.violations).toEqual([]);
};

test('connect: with a note, without, already connected, already pending, and the weekly limit', async ({ harness }) => {
  const { linkedin, backend } = harness;
  const grace = linkedin.addMember({ slug: 'grace-h', distance: 2 });
  const linus = linkedin.addMember({ slug: 'linus-t', distance: 3 });
  const ada = linkedin.addMember({ slug: 'ada-l', distance: 1 });
  const withNote = backend.enqueue({
    type: 'connect',
    params: { profile: 'https://linkedin.com/in/grace-h?trk=x', note: '  Hello Grace!  ' },
  });
  const noNote = backend.enqueue({
    type: 'connect',
    params: { profile: `urn:li:fsd_profile:${linus.tail}`, note: '   ' },
  });
  const connected = backend.enqueue({ type: 'connect', params: { profile: 'ada-l' } });
  const pendingAgain = backend.enqueue({ type: 'connect', params: { profile: 'grace-h' } });
  await backend.waitForFinal([withNote.id, noNote.id, connected.id, pendingAgain.id], 60_000);

  const r1 = backend.finalResult(withNote.id);
  expect(r1).toMatchObject({
    status: 'succeeded',
    code: null,
    output: { profileUrn: `urn:li:fsd_profile:${grace.tail}` },
  });
  expect(r1?.output.invitationUrn).toMatch(/^urn:li:fsd_invitation:\d+$/);
  expect(backend.finalResult(noNote.id)).toMatchObject({
    status: 'succeeded',
    output: { profileUrn: `urn:li:fsd_profile:${linus.tail}` },
  });
  expect(backend.finalResult(connected.id)).toMatchObject({ status: 'succeeded', output: { alreadyDone: true } });
  expect(backend.finalResult(pendingAgain.id)).toMatchObject({
    status: 'succeeded',
    output: { alreadyDone: true, invitationUrn: r1?.output.invitationUrn },
  });

  const sent = writes(harness);
  expect(sent.map((w) => w.body)).toEqual([
    { invitee: { inviteeUnion: { memberProfile: `urn:li:fsd_profile:${grace.tail}` } }, customMessage: 'Hello Grace!' },
    { invitee: { inviteeUnion: { memberProfile: `urn:li:fsd_profile:${linus.tail}` } } },
  ]);
  expect(sent.every((w) => w.path === '/voyager/api/voyagerRelationshipsDashMemberRelationships')).toBe(true);
  expect([...linkedin.state.invitations.values()].map((i) => i.inviteeTail).sort()).toEqual(
    [grace.tail, linus.tail].sort(),
  );
  expect(ada.distance).toBe(1);

  // LinkedIn's weekly limit: deferred with a retry time, and no more invitations are tried.
  linkedin.addMember({ slug: 'ken-t', distance: 2 });
  linkedin.addMember({ slug: 'dennis-r', distance: 2 });
  linkedin.fail({ kind: 'inviteLimit' }, { match: (r) => r.endpoint === 'connect', times: 1 });
  const limited = backend.enqueue({ type: 'connect', params: { profile: 'ken-t' } });
  await backend.waitFor(() => backend.results.some((r) => r.actionId === limited.id), 30_000, 'the limited connect');
  const deferred = backend.results.find((r) => r.actionId === limited.id)?.body;
  expect(deferred).toMatchObject({ status: 'deferred', code: 'invitation_limit' });
  expect(Date.parse(deferred?.retryAt ?? '')).toBeGreaterThan(Date.now());
  backend.config.requeueDeferred = false;
  const follow = backend.enqueue({ type: 'follow_member', params: { profile: 'dennis-r' } });
  const blocked = backend.enqueue({ type: 'connect', params: { profile: 'dennis-r' } });
  await backend.waitForFinal([follow.id], 30_000);
  await backend.waitFor(
    () =>
      backend.heartbeats.some((h) =>
        h.body.limits.some(
          (l) =>
            l.bucket === 'invitations' &&
            l.nextAvailableAt !== null &&
            Date.parse(l.nextAvailableAt) > Date.now() + 60_000,
        ),
      ),
    15_000,
    'invitations closed in the heartbeat',
  );
  expect(backend.leases.at(-1)?.body.accept).not.toContain('connect');
  expect(backend.actions().find((a) => a.id === blocked.id)?.status).toBe('queued');
  noRejections(harness);
});

test('withdraw: by invitation URN, by profile, and nothing pending', async ({ harness }) => {
  const { linkedin, backend } = harness;
  linkedin.addMember({ slug: 'barbara-l', distance: 2 });
  linkedin.addMember({ slug: 'edsger-d', distance: 2 });
  linkedin.addMember({ slug: 'john-m', distance: 2 });
  const c1 = backend.enqueue({ type: 'connect', params: { profile: 'barbara-l' } });
  const c2 = backend.enqueue({ type: 'connect', params: { profile: 'edsger-d' } });
  await backend.waitForFinal([c1.id, c2.id], 30_000);
  const inv1 = String(backend.finalResult(c1.id)?.output.invitationUrn);
  const w1 = backend.enqueue({ type: 'withdraw', params: { invitationUrn: inv1 } });
  const w2 = backend.enqueue({ type: 'withdraw', params: { profile: 'https://www.linkedin.com/in/edsger-d/' } });
  const w3 = backend.enqueue({ type: 'withdraw', params: { profile: 'john-m' } });
  await backend.waitForFinal([w1.id, w2.id, w3.id], 30_000);
  expect(backend.finalResult(w1.id)).toMatchObject({ status: 'succeeded', output: { invitationUrn: inv1 } });
  expect(backend.finalResult(w2.id)).toMatchObject({
    status: 'succeeded',
    output: { invitationUrn: backend.finalResult(c2.id)?.output.invitationUrn },
  });
  expect(backend.finalResult(w3.id)).toMatchObject({ status: 'failed', code: 'not_found' });
  expect(linkedin.state.invitations.size).toBe(0);
  // v2's primary withdraw: POST voyagerRelationshipsDashInvitations/<urn>?action=withdraw; never a DELETE.
  const withdrawals = writes(harness).filter((w) => w.endpoint.startsWith('withdraw'));
  expect(withdrawals.map((d) => [d.endpoint, decodeURIComponent(d.path), d.query.action, d.body])).toEqual([
    [
      'withdraw',
      `/voyager/api/voyagerRelationshipsDashInvitations/${inv1}`,
      'withdraw',
      { invitationType: 'CONNECTION' },
    ],
    [
      'withdraw',
      `/voyager/api/voyagerRelationshipsDashInvitations/${String(backend.finalResult(c2.id)?.output.invitationUrn)}`,
      'withdraw',
      { invitationType: 'CONNECTION' },
    ],
  ]);
  noRejections(harness);
});

test('message: sent to a 1st-degree connection exactly as the reference says; refused to anyone else with no send', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const friend = linkedin.addMember({ slug: 'margaret-h', distance: 1 });
  linkedin.addMember({ slug: 'stranger-x', distance: 2 });
  linkedin.addMember({ slug: 'far-away', distance: 'OUT_OF_NETWORK' });
  const ok = backend.enqueue({
    type: 'message',
    params: { profile: 'margaret-h', text: '  Hello Margaret, how is Apollo going?  ' },
  });
  const refused = backend.enqueue({ type: 'message', params: { profile: 'stranger-x', text: 'Hi' } });
  const far = backend.enqueue({ type: 'message', params: { profile: 'far-away', text: 'Hi' } });
  await backend.waitForFinal([ok.id, refused.id, far.id], 60_000);
  const r = backend.finalResult(ok.id);
  expect(r).toMatchObject({ status: 'succeeded', output: { profileUrn: `urn:li:fsd_profile:${friend.tail}` } });
  expect(r?.output.messageUrn).toMatch(/^urn:li:msg_message:/);
  expect(r?.output.conversationUrn).toMatch(/^urn:li:msg_conversation:/);
  expect(backend.finalResult(refused.id)).toMatchObject({ status: 'refused', code: 'not_connected' });
  expect(backend.finalResult(far.id)).toMatchObject({ status: 'refused', code: 'not_connected' });

  const sends = writes(harness);
  expect(sends).toHaveLength(1);
  const body = sends[0]?.body as {
    message: { originToken: string; body: { text: string } };
    trackingId: string;
    mailboxUrn: string;
    hostRecipientUrns: string[];
  };
  expect(sends[0]?.path).toBe('/voyager/api/voyagerMessagingDashMessengerMessages');
  expect(body.message.body.text).toBe('Hello Margaret, how is Apollo going?');
  expect(body.message.originToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(body.trackingId).toHaveLength(16);
  expect(body.mailboxUrn).toBe(`urn:li:fsd_profile:${linkedin.viewer.tail}`);
  expect(body.hostRecipientUrns).toEqual([`urn:li:fsd_profile:${friend.tail}`]);
  expect(linkedin.state.messages.map((m) => m.text)).toEqual(['Hello Margaret, how is Apollo going?']);
  noRejections(harness);
});

test('react (FUNNY alias), unreact, comment, reposts, save and unsave change LinkedIn state and report outputs', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const post = linkedin.addPost({ id: '7200000000000000001' });
  const ugc = linkedin.addPost({ id: '7200000000000000002', kind: 'ugcPost' });
  const other = linkedin.addPost({ id: '7200000000000000003' });
  const react = backend.enqueue({
    type: 'react',
    params: { post: `https://www.linkedin.com/feed/update/urn:li:activity:${post.id}/`, reaction: 'funny' },
  });
  const react2 = backend.enqueue({ type: 'react', params: { post: ugc.threadUrn, reaction: 'Praise' } });
  const unreact = backend.enqueue({ type: 'unreact', params: { post: post.id } });
  const comment = backend.enqueue({
    type: 'comment',
    params: {
      post: `https://www.linkedin.com/posts/someone_title-activity-${post.id}-AbCd`,
      text: ' Insightful, thanks! ',
    },
  });
  // With commentary: the reshare of the share URN; by share URN alone: the GraphQL repost; by activity: the server action.
  const reshare = backend.enqueue({
    type: 'share',
    params: { post: String(post.shareUrn), commentary: 'Worth reading' },
  });
  const repost = backend.enqueue({ type: 'share', params: { post: String(other.shareUrn) } });
  const instant = backend.enqueue({ type: 'share', params: { post: other.threadUrn } });
  const save = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  const save2 = backend.enqueue({ type: 'save', params: { post: ugc.threadUrn } });
  const unsave = backend.enqueue({ type: 'unsave', params: { post: ugc.threadUrn } });
  const ids = [react, react2, unreact, comment, reshare, repost, instant, save, save2, unsave].map((a) => a.id);
  await backend.waitForFinal(ids, 90_000);
  for (const id of ids) expect(backend.finalResult(id)?.status, backend.finalResult(id)?.message).toBe('succeeded');
  expect(backend.finalResult(react.id)?.output).toMatchObject({ reaction: 'ENTERTAINMENT' });
  expect(backend.finalResult(react2.id)?.output).toMatchObject({ reaction: 'PRAISE' });
  expect(backend.finalResult(unreact.id)?.output).toMatchObject({ reaction: null, removed: 'ENTERTAINMENT' });
  expect(backend.finalResult(comment.id)?.output.commentUrn).toMatch(/^urn:li:fsd_comment:\(/);
  expect(backend.finalResult(reshare.id)?.output.shareUrn).toMatch(/^urn:li:share:\d+$/);
  expect(backend.finalResult(repost.id)?.output.shareUrn).toMatch(/^urn:li:fsd_repost:\d+$/);
  expect(backend.finalResult(instant.id)?.output).toMatchObject({ shareUrn: null, confirmed: false });
  expect(backend.finalResult(save.id)?.output).toMatchObject({ saved: true });
  expect(backend.finalResult(unsave.id)?.output).toMatchObject({ saved: false });

  expect(linkedin.state.reactions.get(post.threadUrn)).toBeUndefined();
  expect(linkedin.state.reactions.get(ugc.threadUrn)).toBe('PRAISE');
  expect(linkedin.state.comments.map((c) => [c.threadUrn, c.text])).toEqual([[post.threadUrn, 'Insightful, thanks!']]);
  expect(linkedin.state.shares.map((s) => [s.via, s.parentUrn, s.text]).sort()).toEqual(
    [
      ['share', other.threadUrn, ''],
      ['share.reshare', post.threadUrn, 'Worth reading'],
      ['share.sdui', other.threadUrn, ''],
    ].sort(),
  );
  expect([...linkedin.state.saved]).toEqual([post.threadUrn]);
  const react1Req = writes(harness)[0];
  expect(react1Req?.query.threadUrn).toBe(post.threadUrn);
  expect(react1Req?.body).toEqual({ reactionType: 'ENTERTAINMENT' });
  // Unreact knew the type it had set: the server action (never the Voyager DELETE), then the read-back confirms.
  const unreactReq = writes(harness).find((w) => w.endpoint === 'unreact.sdui');
  expect(unreactReq?.surface).toBe('sdui');
  expect(JSON.stringify(unreactReq?.body)).toContain('"reactionType":"ReactionType_ENTERTAINMENT"');
  expect(writes(harness).filter((w) => w.method === 'DELETE')).toEqual([]);
  noRejections(harness);
});

test('unknown slug is not_found; every invalid-input class is refused with zero LinkedIn requests', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const missing = backend.enqueue({ type: 'follow_member', params: { profile: 'no-such-person-xyz' } });
  await backend.waitForFinal([missing.id], 30_000);
  expect(backend.finalResult(missing.id)).toMatchObject({ status: 'failed', code: 'not_found' });
  const before = linkedin.voyagerRequests().length;
  const invalid: Array<[string, Record<string, unknown>, RegExp]> = [
    ['connect', { profile: 'https://evil.example.com/in/x' }, /^params\.profile: /],
    ['connect', { profile: 'jdoe', note: 'x'.repeat(301) }, /^params\.note: .*300/],
    ['withdraw', {}, /^params: exactly one/],
    ['withdraw', { invitationUrn: 'urn:li:fsd_invitation:1', profile: 'jdoe' }, /^params: exactly one/],
    ['withdraw', { invitationUrn: 'urn:li:invitation' }, /^params\.invitationUrn: /],
    ['message', { profile: 'jdoe', text: '   ' }, /^params\.text: must not be empty/],
    ['message', { profile: 'jdoe', text: 'x'.repeat(8001) }, /^params\.text: .*8000/],
    ['message', { text: 'hi' }, /^params\.profile: /],
    ['react', { post: '123', reaction: 'LIKE' }, /^params\.post: /],
    ['react', { post: 'urn:li:activity:7200000000000000001', reaction: 'ANGRY' }, /^params\.reaction: must be one of/],
    ['comment', { post: 'urn:li:activity:7200000000000000001', text: 'x'.repeat(1251) }, /^params\.text: .*1250/],
    ['follow_company', { company: 'https://www.linkedin.com/in/jdoe' }, /^params\.company: /],
    [
      'share',
      { post: 'urn:li:activity:7200000000000000001', commentary: 'x'.repeat(3001) },
      /^params\.commentary: .*3000/,
    ],
    ['save', { post: 'https://www.linkedin.com/feed/' }, /^params\.post: /],
  ];
  const queued = invalid.map(([type, params]) => backend.enqueue({ type, params }));
  await backend.waitForFinal(
    queued.map((q) => q.id),
    60_000,
  );
  queued.forEach((q, i) => {
    const r = backend.finalResult(q.id);
    expect(r, `${invalid[i]?.[0]} ${JSON.stringify(invalid[i]?.[1]).slice(0, 80)}`).toMatchObject({
      status: 'refused',
      code: 'invalid_action',
    });
    expect(r?.message).toMatch(invalid[i]?.[2] ?? /x/);
  });
  expect(linkedin.voyagerRequests().length).toBe(before);
});
