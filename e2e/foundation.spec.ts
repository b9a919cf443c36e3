import { test, expect } from './fixtures';
import type { Harness } from './harness';

function voyagerWrites(h: Harness) {
  return h.linkedin.voyagerRequests().filter((r) => r.method !== 'GET');
}

/** Every header LinkedIn's own page would send on a same-origin call. */
function expectFirstParty(headers: Record<string, string>, h: Harness): void {
  expect(headers['origin']).toBe('https://www.linkedin.com');
  expect(headers['sec-fetch-site']).toBe('same-origin');
  expect(headers['referer'] ?? '').toMatch(/^https:\/\/www\.linkedin\.com\//);
  expect(headers['csrf-token']).toBe(h.linkedin.session.jsessionId);
  expect(headers['accept']).toBe('application/vnd.linkedin.normalized+json+2.1');
  expect(headers['x-restli-protocol-version']).toBe('2.0.0');
  expect(headers['content-type']).toBe('application/json; charset=UTF-8');
}

test.describe('options page', () => {
  test.use({ harnessOptions: { configure: false } });

  test('rejects a non-loopback http URL inline and saves nothing, then saves a valid one', async ({ harness }) => {
    const page = await harness.configure({ backendUrl: 'http://backend.example.com', token: 'tok' });
    await expect(page.getByRole('alert').filter({ hasText: 'Plain http:// is allowed only' })).toBeVisible();
    await expect(page.getByLabel('Backend URL')).toHaveAttribute('aria-invalid', 'true');
    await page.reload();
    await expect(page.getByLabel('Backend URL')).toHaveValue('');

    await page.getByLabel('Backend URL').fill(harness.backend.url);
    await page.getByLabel('Executor token').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Executor token is required.')).toBeVisible();

    await page.getByLabel('Executor token').fill(harness.backend.token);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Backend URL')).toHaveValue(harness.backend.url);
    // Once configured, the executor heartbeats the backend with its state.
    await harness.backend.waitFor(() => harness.backend.heartbeats.length > 0, 15_000, 'a heartbeat');
    expect(harness.backend.heartbeats.at(-1)?.body.state).toBe('active');
  });
});

test('the four follow actions reach LinkedIn first-party, exactly as the reference says, and succeed', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const alice = linkedin.addMember({ slug: 'alice-example', distance: 2 });
  const bob = linkedin.addMember({ slug: 'bob-example', distance: 3 });
  linkedin.addCompany({ id: '1035', slug: 'acme-corp' });
  linkedin.addCompany({ id: '2046', slug: 'globex' });
  linkedin.state.following.add('member:' + bob.tail);
  linkedin.state.following.add('company:2046');

  const a1 = backend.enqueue({
    type: 'follow_member',
    params: { profile: 'https://www.linkedin.com/in/alice-example/' },
  });
  const a2 = backend.enqueue({ type: 'unfollow_member', params: { profile: `urn:li:fsd_profile:${bob.tail}` } });
  const a3 = backend.enqueue({
    type: 'follow_company',
    params: { company: 'https://www.linkedin.com/company/acme-corp/' },
  });
  const a4 = backend.enqueue({ type: 'unfollow_company', params: { company: '2046' } });
  await backend.waitForFinal([a1.id, a2.id, a3.id, a4.id], 60_000);

  for (const a of [a1, a2, a3, a4]) {
    const result = backend.finalResult(a.id);
    expect(result?.status, `${a.type}: ${result?.message}`).toBe('succeeded');
    expect(result?.code).toBeNull();
    expect(result?.idempotencyKey).toBe(a.idempotencyKey);
  }
  expect(backend.finalResult(a1.id)?.output).toMatchObject({
    following: true,
    profileUrn: `urn:li:fsd_profile:${alice.tail}`,
  });
  expect(backend.finalResult(a2.id)?.output).toMatchObject({
    following: false,
    profileUrn: `urn:li:fsd_profile:${bob.tail}`,
  });
  expect(backend.finalResult(a3.id)?.output).toMatchObject({ following: true, companyUrn: 'urn:li:fsd_company:1035' });
  expect(backend.finalResult(a4.id)?.output).toMatchObject({ following: false, companyUrn: 'urn:li:fsd_company:2046' });

  const writes = voyagerWrites(harness);
  expect(writes.map((w) => [decodeURIComponent(w.path), w.body])).toEqual([
    [
      `/voyager/api/feed/dash/followingStates/urn:li:fsd_followingState:urn:li:fsd_profile:${alice.tail}`,
      { patch: { $set: { following: true } } },
    ],
    [
      `/voyager/api/feed/dash/followingStates/urn:li:fsd_followingState:urn:li:fsd_profile:${bob.tail}`,
      { patch: { $set: { following: false } } },
    ],
    [
      '/voyager/api/feed/dash/followingStates/urn:li:fsd_followingState:urn:li:fsd_company:1035',
      { patch: { $set: { following: true } } },
    ],
    [
      '/voyager/api/feed/dash/followingStates/urn:li:fsd_followingState:urn:li:fsd_company:2046',
      { patch: { $set: { following: false } } },
    ],
  ]);
  for (const w of writes) {
    expect(w.method).toBe('POST');
    expect(w.status).toBeLessThan(300);
    expectFirstParty(w.headers, harness);
  }
  // The state changed at LinkedIn.
  expect(linkedin.state.following.has('member:' + alice.tail)).toBe(true);
  expect(linkedin.state.following.has('member:' + bob.tail)).toBe(false);
  expect(linkedin.state.following.has('company:1035')).toBe(true);
  expect(linkedin.state.following.has('company:2046')).toBe(false);
  // The double refused nothing: every Voyager call matched the reference.
  expect(linkedin.voyagerRequests().filter((r) => r.status === 400)).toEqual([]);

  // The popup lists the results.
  const popup = await harness.openPopup();
  await expect(popup.locator('#banner')).toHaveText('Active');
  await expect(popup.locator('#recent li')).toHaveCount(4);
  await expect(popup.locator('#recent')).toContainText('follow_company company=acme-corp');
});

test('an invalid action is refused naming the field, with no LinkedIn request', async ({ harness }) => {
  const { linkedin, backend } = harness;
  const bad = backend.enqueue({ type: 'follow_member', params: { profile: 'https://evil.example.com/in/x' } });
  const unknownType = backend.enqueue({ type: 'teleport', params: {} });
  const missing = backend.enqueue({ type: 'follow_company', params: {} });
  await backend.waitForFinal([bad.id, unknownType.id, missing.id], 30_000);
  expect(backend.finalResult(bad.id)).toMatchObject({ status: 'refused', code: 'invalid_action' });
  expect(backend.finalResult(bad.id)?.message).toMatch(/^params\.profile: /);
  expect(backend.finalResult(unknownType.id)).toMatchObject({ status: 'refused', code: 'unsupported_action' });
  expect(backend.finalResult(missing.id)).toMatchObject({ status: 'refused', code: 'invalid_action' });
  expect(backend.finalResult(missing.id)?.message).toMatch(/^params\.company: /);
  // Only the identity read happened; nothing was written.
  expect(linkedin.voyagerRequests().filter((r) => r.method !== 'GET')).toEqual([]);
  expect(linkedin.voyagerRequests().every((r) => r.path === '/voyager/api/me')).toBe(true);
});

test('HTTP 999 is classified as a challenge: deferred to the end of a 24 h pause, nothing more is sent', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  linkedin.addMember({ slug: 'carol-example', distance: 2 });
  linkedin.fail({ kind: 'status999' }, { match: (r) => r.method === 'POST' });
  const first = backend.enqueue({ type: 'follow_member', params: { profile: 'carol-example' } });
  await backend.waitFor(() => backend.results.some((r) => r.actionId === first.id), 30_000, 'a result');
  const result = backend.results.find((r) => r.actionId === first.id)?.body;
  expect(result).toMatchObject({ status: 'deferred', code: 'challenge' });
  const retryAt = Date.parse(result?.retryAt ?? '');
  // 24 h at this build's time scale (100): 864 s.
  expect(retryAt - Date.parse(result?.finishedAt ?? '')).toBeGreaterThan(800_000);
  await backend.waitFor(
    () => backend.heartbeats.some((h) => h.body.state === 'paused' && h.body.pauseReason === 'challenge'),
    15_000,
    'a paused heartbeat',
  );

  linkedin.clearFailures();
  backend.config.requeueDeferred = false;
  const writesBefore = linkedin.mutations().length;
  backend.enqueue({ type: 'follow_member', params: { profile: 'carol-example' } });
  await new Promise((r) => setTimeout(r, 3000));
  expect(linkedin.mutations().length).toBe(writesBefore);
  const popup = await harness.openPopup();
  await expect(popup.locator('#banner')).toContainText('Paused (LinkedIn security challenge) · resumes in');
});

test('no request to the backend ever carries a LinkedIn cookie, JSESSIONID or csrf token', async ({ harness }) => {
  const { linkedin, backend } = harness;
  linkedin.addMember({ slug: 'dave-example', distance: 2 });
  const a = backend.enqueue({ type: 'follow_member', params: { profile: 'dave-example' } });
  const b = backend.enqueue({ type: 'follow_member', params: { profile: 'nobody-here-404' } });
  await backend.waitForFinal([a.id, b.id], 30_000);
  expect(backend.finalResult(b.id)).toMatchObject({ status: 'failed', code: 'not_found' });
  const secrets = [linkedin.session.liAt, linkedin.session.jsessionId, 'li_at', 'JSESSIONID'];
  expect(backend.requests.length).toBeGreaterThan(3);
  for (const request of backend.requests) {
    const everything = JSON.stringify(request.headers) + request.rawBody;
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(request.headers['cookie']).toBeUndefined();
    expect(request.headers['csrf-token']).toBeUndefined();
  }
});

test('the optional WebSocket wake-up connects with the bearer subprotocol and a wake leases at once', async ({
  harness,
}) => {
  const { backend } = harness;
  backend.config.pollAfterMs = 60_000; // idle polls every 0.6 s at this build's scale
  await backend.waitFor(() => backend.wsConnections > 0, 10_000, 'a WebSocket connection');
  const upgrade = backend.requests.find((r) => r.path === '/v1/executor/ws');
  expect(upgrade?.headers['sec-websocket-protocol']).toBe(`bearer.${backend.token}`);
  // Right after an idle poll, the next one is 0.6 s away; a wake must not wait for it.
  const leases = backend.leases.length;
  await backend.waitFor(() => backend.leases.length > leases, 5_000, 'an idle poll');
  const polledAt = Date.now();
  const before = backend.leases.length;
  backend.wake();
  await backend.waitFor(() => backend.leases.length > before, 5_000, 'a lease after the wake');
  expect(Date.now() - polledAt).toBeLessThan(400);
});

test('requests leave from one linkedin.com tab: opened once in the background when none is open, then reused', async ({
  harness,
}) => {
  const { linkedin, backend, context } = harness;
  const linkedinTabs = () => context.pages().filter((p) => p.url().startsWith('https://www.linkedin.com/'));
  const posts = [linkedin.addPost(), linkedin.addPost(), linkedin.addPost()];
  const queued = posts.map((p) => backend.enqueue({ type: 'save', params: { post: p.threadUrn } }));
  await backend.waitForFinal(
    queued.map((q) => q.id),
    30_000,
  );
  expect(linkedinTabs()).toHaveLength(1);
  // It was opened inactive: the tab the user looks at did not change.
  const worker = await harness.worker();
  const tabs = await worker.evaluate(() => chrome.tabs.query({ url: 'https://www.linkedin.com/*' }));
  expect(tabs.map((t) => t.active)).toEqual([false]);
  // The user's own tab is used when there is one.
  await linkedinTabs()[0]?.close();
  const mine = await context.newPage();
  await mine.goto('https://www.linkedin.com/feed/');
  const more = backend.enqueue({ type: 'unsave', params: { post: posts[0]?.threadUrn } });
  await backend.waitForFinal([more.id], 30_000);
  expect(linkedinTabs()).toEqual([mine]);
  const write = linkedin.mutations().at(-1);
  expect(write?.headers['referer']).toBe('https://www.linkedin.com/feed/');
});

test.describe('without permission to open a background tab', () => {
  test('actions are handed back deferred while no linkedin.com tab is open', async ({ harness }) => {
    const { linkedin, backend } = harness;
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
    await options.getByLabel('May open a LinkedIn tab in the background when none is open').uncheck();
    await options.getByRole('button', { name: 'Apply safety settings' }).click();
    await expect(options.getByText('Safety settings applied.')).toBeVisible();
    // None was opened at start-up: who is signed in is never read by opening a tab just for it.
    expect(harness.context.pages().filter((p) => p.url().startsWith('https://www.linkedin.com/'))).toHaveLength(0);
    backend.config.requeueDeferred = false;
    const post = linkedin.addPost();
    const a = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
    await backend.waitFor(() => backend.results.some((r) => r.actionId === a.id), 15_000, 'a result');
    expect(backend.results.find((r) => r.actionId === a.id)?.body).toMatchObject({
      status: 'deferred',
      code: 'outbound_throttled',
    });
    expect(backend.results.find((r) => r.actionId === a.id)?.body.message).toMatch(/no linkedin\.com tab is open/);
    expect(linkedin.mutations()).toHaveLength(0);
    expect(harness.context.pages().filter((p) => p.url().startsWith('https://www.linkedin.com/'))).toHaveLength(0);
  });
});
