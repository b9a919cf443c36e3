/**
 * voyager-reference.md v2 in the real extension against the strict double:
 * each fallback variant (the primary switched to "next variant"), the
 * variant memory, v2's stop signals and failure scenarios, RECEIVED
 * invitations and re-inviting, drift suspending an action type, and the
 * "Check LinkedIn" page.
 */
import { test, expect, scaledMs } from './fixtures';
import type { Harness } from './harness';

const api = (h: Harness) => h.linkedin.apiRequests();
const writesTo = (h: Harness, endpoint: string) => api(h).filter((r) => r.endpoint === endpoint && r.method !== 'GET');
const applied = (h: Harness) => h.linkedin.mutations().map((r) => r.endpoint);
const noViolations = (h: Harness) => expect(h.linkedin.violations).toEqual([]);

test('fallbacks: each primary switched to "next variant" hands over to the next, and the executor remembers who answered', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  // Profile lookup: the WebTopCardCore-19 decoration rotated (400 without a code) → FullProfileWithEntities-96.
  linkedin.fail(
    { kind: 'nextVariant', status: 400 },
    { match: (r) => r.endpoint === 'profile' && (r.query.decorationId ?? '').endsWith('WebTopCardCore-19') },
  );
  // Connect: the Voyager create is gone (404) → the note-less server action.
  linkedin.fail({ kind: 'nextVariant', status: 404 }, { match: (r) => r.endpoint === 'connect' });
  // Follow and save: Voyager 405 → their server actions.
  linkedin.fail(
    { kind: 'nextVariant', status: 405 },
    { match: (r) => r.endpoint === 'follow' || r.endpoint === 'save' },
  );
  const ada = linkedin.addMember({ slug: 'ada-fallback', distance: 2 });
  const bob = linkedin.addMember({ slug: 'bob-fallback', distance: 2 });
  const post = linkedin.addPost();
  const connect = backend.enqueue({ type: 'connect', params: { profile: 'ada-fallback' } });
  const follow = backend.enqueue({ type: 'follow_member', params: { profile: 'bob-fallback' } });
  const save = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await backend.waitForFinal([connect.id, follow.id, save.id], 60_000);
  expect(backend.finalResult(connect.id), backend.finalResult(connect.id)?.message).toMatchObject({
    status: 'succeeded',
    output: { profileUrn: `urn:li:fsd_profile:${ada.tail}` },
  });
  expect(backend.finalResult(follow.id)).toMatchObject({ status: 'succeeded', output: { following: true } });
  expect(backend.finalResult(save.id)).toMatchObject({ status: 'succeeded', output: { saved: true } });
  expect([...linkedin.state.invitations.values()].map((i) => i.inviteeTail)).toEqual([ada.tail]);
  expect(linkedin.state.following.has(`member:${bob.tail}`)).toBe(true);
  expect(linkedin.state.saved.has(post.threadUrn)).toBe(true);
  expect(applied(harness).sort()).toEqual(['connect.sdui', 'follow.sdui', 'save.sdui']);
  const lookups = api(harness).filter((r) => r.endpoint === 'profile');
  expect(
    lookups.some((r) => r.status === 200 && (r.query.decorationId ?? '').endsWith('FullProfileWithEntities-96')),
  ).toBe(true);

  // Remembered: the next actions of these families start with the variant that answered, no 404/405 first.
  linkedin.clearFailures();
  linkedin.reset();
  const post2 = linkedin.addPost();
  const save2 = backend.enqueue({ type: 'save', params: { post: post2.threadUrn } });
  await backend.waitForFinal([save2.id], 30_000);
  expect(backend.finalResult(save2.id)?.status).toBe('succeeded');
  expect(
    api(harness)
      .filter((r) => r.method !== 'GET')
      .map((r) => r.endpoint),
  ).toEqual(['save.sdui']);
  noViolations(harness);
});

test('withdraw walks its variants in v2 order, and reaches the DELETE only after the other three answered "next variant"', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const names = ['wd-one', 'wd-two', 'wd-three'];
  const members = names.map((slug) => linkedin.addMember({ slug, distance: 2 }));
  const invites = names.map((slug) => backend.enqueue({ type: 'connect', params: { profile: slug } }));
  await backend.waitForFinal(
    invites.map((i) => i.id),
    60_000,
  );
  const urns = invites.map((i) => String(backend.finalResult(i.id)?.output.invitationUrn));

  linkedin.fail({ kind: 'nextVariant', status: 404 }, { match: (r) => r.endpoint === 'withdraw' });
  const viaSdui = backend.enqueue({ type: 'withdraw', params: { profile: 'wd-one' } });
  await backend.waitForFinal([viaSdui.id], 30_000);
  expect(backend.finalResult(viaSdui.id), backend.finalResult(viaSdui.id)?.message).toMatchObject({
    status: 'succeeded',
    output: { invitationUrn: urns[0] },
  });
  expect(writesTo(harness, 'withdraw.sdui')).toHaveLength(1);
  expect(JSON.stringify(writesTo(harness, 'withdraw.sdui')[0]?.body)).toContain(
    '"inviterActionType":"InviterActionType_WITHDRAW"',
  );

  linkedin.fail({ kind: 'nextVariant', status: 404 }, { match: (r) => r.endpoint === 'withdraw.sdui' });
  const viaLegacy = backend.enqueue({ type: 'withdraw', params: { invitationUrn: urns[1] } });
  await backend.waitForFinal([viaLegacy.id], 30_000);
  expect(backend.finalResult(viaLegacy.id), backend.finalResult(viaLegacy.id)?.message).toMatchObject({
    status: 'succeeded',
    output: { invitationUrn: urns[1] },
  });
  expect(writesTo(harness, 'withdraw.legacy').filter((r) => r.status === 200)).toHaveLength(1);

  linkedin.fail({ kind: 'nextVariant', status: 410 }, { match: (r) => r.endpoint === 'withdraw.legacy' });
  const viaDelete = backend.enqueue({
    type: 'withdraw',
    params: { profile: `urn:li:fsd_profile:${members[2]?.tail}` },
  });
  await backend.waitForFinal([viaDelete.id], 30_000);
  expect(backend.finalResult(viaDelete.id), backend.finalResult(viaDelete.id)?.message).toMatchObject({
    status: 'succeeded',
    output: { invitationUrn: urns[2] },
  });
  const deletes = writesTo(harness, 'withdraw.delete');
  expect(deletes.map((r) => r.status)).toEqual([204]);
  expect(linkedin.state.invitations.size).toBe(0);
  // The DELETE came last for its action: the three other variants were each tried first.
  const lastThree = api(harness)
    .filter((r) => r.endpoint.startsWith('withdraw'))
    .slice(-4)
    .map((r) => r.endpoint);
  expect(lastThree.slice(-1)).toEqual(['withdraw.delete']);
  noViolations(harness);
});

test('message: when the recipients form is refused (400 without a code) the known thread is used', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const friend = linkedin.addMember({ slug: 'grace-thread', distance: 1 });
  const first = backend.enqueue({ type: 'message', params: { profile: 'grace-thread', text: 'First message' } });
  await backend.waitForFinal([first.id], 30_000);
  const conversationUrn = String(backend.finalResult(first.id)?.output.conversationUrn);
  linkedin.fail(
    { kind: 'nextVariant', status: 400 },
    { match: (r) => r.endpoint === 'message' && JSON.stringify(r.body).includes('hostRecipientUrns') },
  );
  const second = backend.enqueue({
    type: 'message',
    params: { profile: `urn:li:fsd_profile:${friend.tail}`, text: 'Second message' },
  });
  await backend.waitForFinal([second.id], 30_000);
  expect(backend.finalResult(second.id), backend.finalResult(second.id)?.message).toMatchObject({
    status: 'succeeded',
    output: { conversationUrn },
  });
  const sent = writesTo(harness, 'message')
    .filter((r) => r.status === 200)
    .map((r) => r.body as { message: { conversationUrn?: string } });
  expect(sent.at(-1)?.message.conversationUrn).toBe(conversationUrn);
  expect(linkedin.state.messages.map((m) => m.text)).toEqual(['First message', 'Second message']);
  expect(api(harness).some((r) => r.endpoint === 'conversations')).toBe(true);
  noViolations(harness);
});

test('stop signals: the tab on a checkpoint stops before sending; a login redirect signs out; a 401 probes /me first', async ({
  harness,
}) => {
  const { linkedin, backend, context } = harness;
  backend.config.requeueDeferred = false;
  const post = linkedin.addPost();
  // 401 on a write, while /me still answers: a refusal of this call, not a dead session.
  linkedin.fail({ kind: 'unauthorized' }, { match: (r) => r.endpoint === 'save', times: 1 });
  const a = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await backend.waitForFinal([a.id], 30_000);
  expect(backend.finalResult(a.id)).toMatchObject({ status: 'failed', code: 'linkedin_error' });
  const meAfter = api(harness).filter(
    (r) => r.endpoint === 'me' && r.at >= (api(harness).find((x) => x.endpoint === 'save')?.at ?? 0),
  );
  expect(meAfter.length).toBeGreaterThanOrEqual(1);
  await backend.waitFor(() => backend.heartbeats.at(-1)?.body.state === 'active', 15_000, 'an active heartbeat');

  // The linkedin.com tab itself sits on a checkpoint: nothing is sent, everything pauses.
  const tabs = context.pages().filter((p) => p.url().startsWith('https://www.linkedin.com/'));
  const tab = tabs[0] ?? (await context.newPage());
  await tab.goto('https://www.linkedin.com/checkpoint/challenge/AgHfake');
  for (const other of tabs.slice(1)) await other.close();
  const before = api(harness).length;
  const b = backend.enqueue({ type: 'unsave', params: { post: post.threadUrn } });
  await backend.waitFor(() => backend.results.some((r) => r.actionId === b.id), 30_000, 'the checkpoint result');
  expect(backend.results.find((r) => r.actionId === b.id)?.body).toMatchObject({
    status: 'deferred',
    code: 'challenge',
  });
  expect(api(harness).length).toBe(before);
  await backend.waitFor(
    () => backend.heartbeats.some((h) => h.body.state === 'paused' && h.body.pauseReason === 'challenge'),
    15_000,
    'a challenge pause',
  );
});

test('a redirect to the login wall means signed out (li_at deleted); nothing more is sent until a new sign-in', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  backend.config.requeueDeferred = false;
  const post = linkedin.addPost();
  linkedin.fail({ kind: 'authwall' }, { match: (r) => r.endpoint === 'save', times: 1 });
  const a = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await backend.waitFor(() => backend.results.some((r) => r.actionId === a.id), 30_000, 'the authwall result');
  expect(backend.results.find((r) => r.actionId === a.id)?.body).toMatchObject({
    status: 'deferred',
    code: 'session_expired',
  });
  await backend.waitFor(() => backend.heartbeats.at(-1)?.body.state === 'signed_out', 15_000, 'a signed_out heartbeat');
  expect(linkedin.mutations()).toHaveLength(0);
});

test('a write whose tab navigates away mid-flight may have landed: read back once it cannot be in flight, never sent twice', async ({
  harness,
}) => {
  const { linkedin, backend, context } = harness;
  const post = linkedin.addPost();
  // The double holds the reaction for 1.5 s, then applies it, whatever became of the tab that sent it.
  linkedin.fail({ kind: 'slow', ms: 1500 }, { match: (r) => r.method !== 'GET', times: 1 });
  const react = backend.enqueue({ type: 'react', params: { post: post.threadUrn, reaction: 'LIKE' } });
  // (A request's endpoint is named when it is answered: the held write is the one write received.)
  await expect.poll(() => linkedin.requests.some((r) => r.method !== 'GET'), { timeout: 30_000 }).toBe(true);
  // The user navigates the linkedin.com tab meanwhile: Chrome drops the injected script, and its answer.
  const tab = context.pages().find((p) => p.url().startsWith('https://www.linkedin.com/'));
  expect(tab).toBeDefined();
  await tab?.goto('https://www.linkedin.com/feed/');
  await backend.waitForFinal([react.id], 75_000);
  // Not handed back as "not sent" (and sent again): read back, found, reported once.
  expect(backend.results.filter((r) => r.actionId === react.id).map((r) => r.body.status)).toEqual(['succeeded']);
  expect(backend.finalResult(react.id)).toMatchObject({ status: 'succeeded', output: { reconciled: true } });
  expect(linkedin.mutations()).toHaveLength(1);
  expect(linkedin.state.reactions.get(post.threadUrn)).toBe('LIKE');
});

test('a 5xx after applying is reconciled by read-back (one write); an SDUI 500 is a plain failure; a 200 with GraphQL errors is never a success; limits at 400 and 200', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  linkedin.addCompany({ id: '4242', slug: 'acme-v2' });
  linkedin.fail({ kind: 'serverErrorAfterApply', status: 502 }, { match: (r) => r.endpoint === 'follow', times: 1 });
  const follow = backend.enqueue({
    type: 'follow_company',
    params: { company: 'https://www.linkedin.com/company/acme-v2/' },
  });
  await backend.waitForFinal([follow.id], 30_000);
  expect(backend.finalResult(follow.id)).toMatchObject({
    status: 'succeeded',
    output: { following: true, reconciled: true },
  });
  expect(linkedin.mutations().filter((r) => r.endpoint === 'follow')).toHaveLength(1);

  // An SDUI 500 means an incomplete body, not a maybe-applied write: a plain failure, no read-back, no resend.
  const liked = linkedin.addPost();
  linkedin.state.reactions.set(liked.threadUrn, 'LIKE');
  linkedin.fail({ kind: 'serverError' }, { match: (r) => r.endpoint === 'unreact.sdui', times: 1 });
  const unreact = backend.enqueue({ type: 'unreact', params: { post: liked.threadUrn } });
  await backend.waitForFinal([unreact.id], 30_000);
  expect(backend.finalResult(unreact.id)).toMatchObject({
    status: 'failed',
    code: 'linkedin_error',
    output: { httpStatus: 500 },
  });
  expect(writesTo(harness, 'unreact.sdui')).toHaveLength(1);
  expect(linkedin.state.reactions.get(liked.threadUrn)).toBe('LIKE');

  const post = linkedin.addPost();
  linkedin.fail({ kind: 'graphqlErrors' }, { match: (r) => r.endpoint === 'share', times: 1 });
  const share = backend.enqueue({ type: 'share', params: { post: String(post.shareUrn) } });
  await backend.waitForFinal([share.id], 30_000);
  expect(backend.finalResult(share.id)).toMatchObject({ status: 'failed', code: 'linkedin_error' });
  expect(linkedin.state.shares).toHaveLength(0);

  backend.config.requeueDeferred = false;
  const limited = [
    { status: 400 as const, code: 'CANT_INVITE_CONNECTION_LIMIT_REACHED' },
    { status: 200 as const, code: 'MAX_INVITATION_SENT' },
  ];
  for (const [i, scenario] of limited.entries()) {
    linkedin.addMember({ slug: `limit-${i}`, distance: 2 });
    linkedin.fail({ kind: 'inviteLimit', ...scenario }, { match: (r) => r.endpoint === 'connect', times: 1 });
    const c = backend.enqueue({ type: 'connect', params: { profile: `limit-${i}` } });
    await backend.waitFor(
      () => backend.results.some((r) => r.actionId === c.id),
      30_000,
      `the ${scenario.status} limit`,
    );
    expect(backend.results.find((r) => r.actionId === c.id)?.body, scenario.code).toMatchObject({
      status: 'deferred',
      code: 'invitation_limit',
    });
    // Closed for 7 days: the next connect is not even leased; lift it by hand for the next spelling.
    if (i === 0) {
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
        'invitations closed',
      );
      const worker = await harness.worker();
      await worker.evaluate(async () => {
        const { runtime } = (await chrome.storage.local.get('runtime')) as { runtime: Record<string, unknown> };
        await chrome.storage.local.set({ runtime: { ...runtime, closedUntil: {} } });
      });
    }
  }
  expect(linkedin.state.invitations.size).toBe(0);
  noViolations(harness);
});

test('a RECEIVED invitation is never withdrawn; after a withdraw LinkedIn refuses a re-invite for 3 weeks, and the executor waits 21 days', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const inviter = linkedin.addMember({ slug: 'inviter-x', distance: 2 });
  linkedin.addReceivedInvitation(inviter);
  const w = backend.enqueue({ type: 'withdraw', params: { profile: 'inviter-x' } });
  await backend.waitForFinal([w.id], 30_000);
  expect(backend.finalResult(w.id)).toMatchObject({ status: 'failed', code: 'not_found' });
  expect(api(harness).filter((r) => r.method !== 'GET')).toEqual([]);
  expect(linkedin.state.receivedInvitations.size).toBe(1);

  linkedin.addMember({ slug: 'again-y', distance: 2 });
  const c1 = backend.enqueue({ type: 'connect', params: { profile: 'again-y' } });
  await backend.waitForFinal([c1.id], 30_000);
  const w2 = backend.enqueue({ type: 'withdraw', params: { profile: 'again-y' } });
  await backend.waitForFinal([w2.id], 30_000);
  expect(backend.finalResult(w2.id)?.status).toBe('succeeded');
  backend.config.requeueDeferred = false;
  const c2 = backend.enqueue({ type: 'connect', params: { profile: 'again-y' } });
  await backend.waitFor(() => backend.results.some((r) => r.actionId === c2.id), 30_000, 'the re-invite');
  const deferred = backend.results.find((r) => r.actionId === c2.id)?.body;
  expect(deferred).toMatchObject({ status: 'deferred', code: 'outbound_throttled' });
  const wait = Date.parse(deferred?.retryAt ?? '') - Date.parse(deferred?.finishedAt ?? '');
  expect(wait).toBeGreaterThanOrEqual(scaledMs(21 * 86_400_000) - 1000);

  // Three weeks later (on LinkedIn's clock) the invitation goes through.
  linkedin.clock.advance(22 * 86_400_000);
  backend.config.requeueDeferred = true;
  const c3 = backend.enqueue({ type: 'connect', params: { profile: 'again-y' } });
  await backend.waitForFinal([c3.id], 30_000);
  expect(backend.finalResult(c3.id)?.status).toBe('succeeded');
  noViolations(harness);
});

test('drift: a 410 suspends the action type (heartbeat, popup, accept) until "Check again" lifts it', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  backend.config.requeueDeferred = false;
  const post = linkedin.addPost();
  linkedin.state.reactions.set(post.threadUrn, 'LIKE');
  linkedin.fail({ kind: 'gone' }, { match: (r) => r.endpoint === 'unreact.sdui' });
  const u = backend.enqueue({ type: 'unreact', params: { post: post.threadUrn } });
  await backend.waitFor(() => backend.results.some((r) => r.actionId === u.id), 30_000, 'the unreact result');
  const result = backend.results.find((r) => r.actionId === u.id)?.body;
  expect(result).toMatchObject({
    status: 'deferred',
    code: 'linkedin_changed',
    output: { endpoint: 'reactions.delete' },
  });
  expect(Date.parse(result?.retryAt ?? '')).toBeGreaterThan(Date.now());
  await backend.waitFor(
    () =>
      (backend.heartbeats.at(-1)?.body.suspended ?? []).some(
        (s) => s.type === 'unreact' && s.endpoint === 'reactions.delete',
      ),
    15_000,
    'unreact suspended in the heartbeat',
  );
  const other = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await backend.waitForFinal([other.id], 30_000);
  expect(backend.leases.at(-1)?.body.accept).not.toContain('unreact');
  expect(backend.leases.at(-1)?.body.accept).toContain('react');

  const popup = await harness.openPopup();
  await expect(popup.getByText(/Remove reaction is suspended: LinkedIn changed reactions\.delete/)).toBeVisible();
  linkedin.clearFailures();
  await popup.getByRole('button', { name: 'Check again' }).click();
  await expect(popup.locator('#recheck-result')).toContainText('Resumed.');
  await backend.waitFor(
    () => (backend.heartbeats.at(-1)?.body.suspended ?? ['x']).length === 0,
    15_000,
    'nothing suspended in the heartbeat',
  );
  backend.config.requeueDeferred = true;
  const again = backend.enqueue({ type: 'unreact', params: { post: post.threadUrn } });
  await backend.waitForFinal([again.id], 30_000);
  expect(backend.finalResult(again.id)).toMatchObject({ status: 'succeeded', output: { removed: 'LIKE' } });
});

test('Check LinkedIn: every read OK on the double, then one endpoint with an unexpected shape is shown as changed; no write, ever', async ({
  harness,
}) => {
  const { linkedin } = harness;
  linkedin.addCompany({ id: '1337', slug: 'linkedin' });
  linkedin.addMember({ slug: 'known-person', distance: 1 });
  const post = linkedin.addPost();
  const options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
  await options
    .getByLabel('A profile you know (for the relationship read)')
    .fill('https://www.linkedin.com/in/known-person/');
  await options.getByLabel('A post (for the reaction and comment read-backs)').fill(post.threadUrn);
  await options.getByRole('button', { name: 'Check LinkedIn' }).click();
  const table = options.getByRole('table', { name: 'LinkedIn check results' });
  await expect(options.locator('#check-status')).toHaveText(/^\d+ OK, 0 changed, 0 failed, 0 skipped$/, {
    timeout: 30_000,
  });
  await expect(table.getByRole('row')).toHaveCount(1 + 9);

  linkedin.fail({ kind: 'unexpectedShape' }, { match: (r) => r.endpoint === 'sentInvitations' });
  await options.getByRole('button', { name: 'Check LinkedIn' }).click();
  await expect(options.locator('#check-status')).toHaveText(/^\d+ OK, 1 changed, 0 failed, 0 skipped$/, {
    timeout: 30_000,
  });
  const changed = table.getByRole('row').filter({ hasText: 'sent invitations' });
  await expect(changed).toContainText('changed');
  // The worker says "unreadable" as a flag; the page words it, above the answer's shape.
  await expect(changed.locator('li').first()).toHaveText('the executor cannot read this answer; its shape:');
  expect(linkedin.apiRequests().filter((r) => r.method !== 'GET')).toEqual([]);
  expect(linkedin.violations).toEqual([]);
});
