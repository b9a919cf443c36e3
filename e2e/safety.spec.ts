/** The safety engine through the real extension: caps, spacing, challenge pause, account binding, sign-out. */
import { test, expect, scaledMs, FAST_SCALE } from './fixtures';
import type { Harness } from './harness';

/** Sets one safety field through the options page and applies it, as a user would. */
async function applySafetySetting(harness: Harness, label: string, value: string): Promise<void> {
  const options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
  await options.getByLabel(label).fill(value);
  await options.getByRole('button', { name: 'Apply safety settings' }).click();
  await expect(options.getByText('Safety settings applied.')).toBeVisible();
}

test('a daily cap of N lets exactly N mutations through; the rest wait at the backend or are deferred', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  await applySafetySetting(harness, 'follows per day (ceiling 200)', '3');

  const members = Array.from({ length: 5 }, (_, i) => linkedin.addMember({ slug: `capped-${i}`, distance: 2 }));
  const queued = members.map((m) =>
    backend.enqueue({ type: 'follow_member', params: { profile: `urn:li:fsd_profile:${m.tail}` } }),
  );
  await backend.waitFor(
    () => queued.filter((q) => backend.finalResult(q.id)?.status === 'succeeded').length === 3,
    30_000,
    '3 follows',
  );
  await backend.waitFor(
    () =>
      backend.heartbeats.some((h) =>
        h.body.limits.some((l) => l.bucket === 'follows' && l.used === 3 && l.limit === 3),
      ),
    15_000,
    'a heartbeat with follows 3/3',
  );
  await new Promise((r) => setTimeout(r, 1500));
  expect(linkedin.mutations()).toHaveLength(3);
  expect(backend.leases.at(-1)?.body.accept).not.toContain('follow_member');
  expect(backend.leases.at(-1)?.body.accept).toContain('react');

  // A backend that ignores `accept` gets the action back, deferred to the next slot.
  backend.config.ignoreAccept = true;
  backend.config.requeueDeferred = false;
  await backend.waitFor(
    () => backend.results.some((r) => r.body.code === 'outbound_throttled'),
    15_000,
    'a throttled deferral',
  );
  const deferred = backend.results.find((r) => r.body.code === 'outbound_throttled')?.body;
  expect(deferred?.status).toBe('deferred');
  expect(Date.parse(deferred?.retryAt ?? '')).toBeGreaterThan(Date.now());
  expect(linkedin.mutations()).toHaveLength(3);
});

test('consecutive mutations at LinkedIn are never closer than the scaled 30 s floor', async ({ harness }) => {
  const { linkedin, backend } = harness;
  const post = linkedin.addPost();
  const types = ['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT', 'LIKE'];
  const queued = types.map((reaction) =>
    backend.enqueue({ type: 'react', params: { post: post.threadUrn, reaction } }),
  );
  await backend.waitForFinal(
    queued.map((q) => q.id),
    60_000,
  );
  const times = linkedin.mutations().map((m) => m.at);
  expect(times).toHaveLength(types.length);
  const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(scaledMs(30_000) - 5);
  // Jitter: the gaps are not all the same.
  expect(new Set(gaps.map((g) => Math.round(g / 20))).size).toBeGreaterThan(1);
});

test('a longer spacing chosen in Options holds at LinkedIn, for every write', async ({ harness }) => {
  const { linkedin, backend } = harness;
  await applySafetySetting(harness, 'Seconds between actions', '90');

  const post = linkedin.addPost();
  const queued = [
    backend.enqueue({ type: 'react', params: { post: post.threadUrn, reaction: 'LIKE' } }),
    backend.enqueue({ type: 'save', params: { post: post.threadUrn } }),
    backend.enqueue({ type: 'comment', params: { post: post.threadUrn, text: 'Spaced out.' } }),
    backend.enqueue({ type: 'unsave', params: { post: post.threadUrn } }),
  ];
  await backend.waitForFinal(
    queued.map((q) => q.id),
    60_000,
  );
  const times = linkedin.mutations().map((m) => m.at);
  expect(times).toHaveLength(queued.length);
  const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(scaledMs(90_000) - 5);
});

test.describe('security challenge', () => {
  test.use({ scale: FAST_SCALE });

  test('after a challenge redirect no mutation reaches LinkedIn until the scaled 24 h pass, then work resumes', async ({
    harness,
  }) => {
    const { linkedin, backend } = harness;
    const pauseMs = scaledMs(24 * 3600_000, FAST_SCALE);
    linkedin.addMember({ slug: 'target-a', distance: 2 });
    linkedin.fail({ kind: 'challenge' }, { match: (r) => r.method === 'POST', times: 1 });
    const first = backend.enqueue({ type: 'follow_member', params: { profile: 'target-a' } });
    await backend.waitFor(() => backend.results.some((r) => r.actionId === first.id), 20_000, 'the challenged result');
    const challenged = backend.results.find((r) => r.actionId === first.id)?.body;
    expect(challenged).toMatchObject({ status: 'deferred', code: 'challenge' });
    const pausedAt = Date.parse(challenged?.finishedAt ?? '');
    expect(Date.parse(challenged?.retryAt ?? '') - pausedAt).toBeGreaterThanOrEqual(pauseMs - 250);
    await backend.waitFor(
      () => backend.heartbeats.some((h) => h.body.state === 'paused' && h.body.pauseReason === 'challenge'),
      10_000,
      'a paused heartbeat',
    );
    // retryAt is exactly the end of the pause the executor reports.
    expect(backend.heartbeats.find((h) => h.body.pauseReason === 'challenge')?.body.pausedUntil).toBe(
      challenged?.retryAt,
    );

    const popup = await harness.openPopup();
    await expect(popup.locator('#banner')).toContainText('LinkedIn security challenge');

    // The first action comes back at retryAt; more are queued meanwhile.
    linkedin.addMember({ slug: 'target-b', distance: 2 });
    const second = backend.enqueue({ type: 'follow_member', params: { profile: 'target-b' } });
    const mutationsAtPause = linkedin.mutations().length;
    await new Promise((r) => setTimeout(r, pauseMs * 0.8));
    expect(linkedin.mutations().length).toBe(mutationsAtPause);
    await backend.waitForFinal([first.id, second.id], pauseMs + 30_000);
    const resumedAt = Math.min(
      ...linkedin
        .mutations()
        .slice(mutationsAtPause)
        .map((m) => m.at),
    );
    expect(resumedAt).toBeGreaterThanOrEqual(Date.parse(challenged?.retryAt ?? ''));
    expect(backend.finalResult(first.id)?.status).toBe('succeeded');
    expect(backend.finalResult(second.id)?.status).toBe('succeeded');
  });
});

test('a user pause stops leasing at once and is reported; resume continues', async ({ harness }) => {
  const { linkedin, backend } = harness;
  const popup = await harness.openPopup();
  await expect(popup.locator('#banner')).toHaveText('Active');
  await popup.getByRole('button', { name: 'Pause' }).click();
  await expect(popup.locator('#banner')).toContainText('Paused (by you)');
  await backend.waitFor(
    () => backend.heartbeats.some((h) => h.body.state === 'paused' && h.body.pauseReason === 'user'),
    10_000,
    'a user-paused heartbeat',
  );
  const post = linkedin.addPost();
  const a = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await new Promise((r) => setTimeout(r, 1500));
  expect(linkedin.mutations()).toHaveLength(0);
  await popup.getByRole('button', { name: 'Resume' }).click();
  await backend.waitForFinal([a.id], 15_000);
  expect(linkedin.mutations()).toHaveLength(1);
});

test('signed out of LinkedIn: nothing is attempted; signing back in resumes by itself', async ({ harness }) => {
  const { linkedin, backend } = harness;
  const post = linkedin.addPost();
  await harness.signOut();
  await backend.waitFor(
    () => backend.heartbeats.some((h) => h.body.state === 'signed_out'),
    15_000,
    'a signed_out heartbeat',
  );
  const a = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await new Promise((r) => setTimeout(r, 1500));
  expect(linkedin.mutations()).toHaveLength(0);
  const popup = await harness.openPopup();
  await expect(popup.locator('#banner')).toContainText('Signed out of LinkedIn');
  await harness.signIn();
  await backend.waitForFinal([a.id], 15_000);
  expect(backend.finalResult(a.id)?.status).toBe('succeeded');
});

test('another LinkedIn account in the browser: every action is refused account_mismatch, no mutation', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const post = linkedin.addPost();
  const warmup = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await backend.waitForFinal([warmup.id], 15_000);
  const other = linkedin.addMember({ slug: 'someone-else', distance: 1 });
  linkedin.signInAs(other);
  await harness.signIn();
  backend.config.ignoreAccept = true;
  const a = backend.enqueue({ type: 'unsave', params: { post: post.threadUrn } });
  await backend.waitForFinal([a.id], 20_000);
  expect(backend.finalResult(a.id)).toMatchObject({ status: 'refused', code: 'account_mismatch' });
  expect(linkedin.mutations()).toHaveLength(1);
  const popup = await harness.openPopup();
  await expect(popup.locator('#banner')).toContainText('Account mismatch');
});

test('LinkedIn 429 backs off (paused rate_limited, 1 h scaled, reported outbound_throttled); a stale CSRF token is retried once, never taken for a dead session', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  backend.config.requeueDeferred = false;
  const post = linkedin.addPost();
  linkedin.fail({ kind: 'rateLimited' }, { match: (r) => r.method === 'POST', times: 1 });
  const a = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await backend.waitFor(() => backend.results.some((r) => r.actionId === a.id), 15_000, 'the rate-limited result');
  const limited = backend.results.find((r) => r.actionId === a.id)?.body;
  expect(limited).toMatchObject({ status: 'deferred', code: 'outbound_throttled' });
  const backoff = Date.parse(limited?.retryAt ?? '') - Date.parse(limited?.finishedAt ?? '');
  expect(backoff).toBeGreaterThanOrEqual(scaledMs(3600_000) - 250);
  expect(backoff).toBeLessThan(scaledMs(2 * 3600_000));
  await backend.waitFor(
    () => backend.heartbeats.some((h) => h.body.state === 'paused' && h.body.pauseReason === 'rate_limited'),
    10_000,
    'a rate-limited heartbeat',
  );
  const writes = linkedin.mutations().length;
  await new Promise((r) => setTimeout(r, 1000));
  expect(linkedin.mutations().length).toBe(writes);

  // Lift the backoff early (the user resumes), then the session's csrf token rotates.
  const popup = await harness.openPopup();
  await popup.getByRole('button', { name: 'Resume' }).click();
  // v2: LinkedIn rotates JSESSIONID. The write is refused once (not applied), the tab re-reads its cookie, the retry goes through.
  const seenBefore = linkedin.apiRequests().length;
  linkedin.rotateCsrf({ match: (r) => r.method === 'POST' });
  const b = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await backend.waitForFinal([b.id], 15_000);
  expect(backend.finalResult(b.id)).toMatchObject({ status: 'succeeded', output: { saved: true } });
  const saves = linkedin
    .apiRequests()
    .slice(seenBefore)
    .filter((r) => r.endpoint === 'save');
  expect(saves.map((r) => r.status)).toEqual([403, 200]);
  expect(saves[0]?.headers['csrf-token']).not.toBe(saves[1]?.headers['csrf-token']);
  expect(saves[1]?.headers['csrf-token']).toBe(linkedin.session.jsessionId);
  // Refused twice: /me decides. The session is alive, so only this action fails; the executor stays active.
  linkedin.fail({ kind: 'csrf' }, { match: (r) => r.method === 'POST', times: 2 });
  const c = backend.enqueue({ type: 'unsave', params: { post: post.threadUrn } });
  await backend.waitForFinal([c.id], 15_000);
  expect(backend.finalResult(c.id)).toMatchObject({ status: 'failed', code: 'linkedin_error' });
  expect(linkedin.apiRequests().filter((r) => r.endpoint === 'me').length).toBeGreaterThanOrEqual(1);
  await backend.waitFor(() => backend.heartbeats.at(-1)?.body.state === 'active', 15_000, 'an active heartbeat');
  const d = backend.enqueue({ type: 'unsave', params: { post: post.threadUrn } });
  await backend.waitForFinal([d.id], 15_000);
  expect(backend.finalResult(d.id)?.status).toBe('succeeded');
});

test('after an account mismatch the options page rebinds to the signed-in account once confirmed', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const post = linkedin.addPost();
  const first = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await backend.waitForFinal([first.id], 15_000);
  const other = linkedin.addMember({ slug: 'second-account', distance: 1 });
  linkedin.signInAs(other);
  await harness.signIn();
  const popup = await harness.openPopup();
  await expect(popup.locator('#banner')).toContainText('Account mismatch');

  const options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
  await expect(options.locator('#account-text')).toContainText('the browser is signed in as second-account');
  options.once('dialog', (d) => void d.dismiss());
  await options.getByRole('button', { name: 'Rebind to the signed-in account' }).click();
  await expect(options.locator('#account-text')).toContainText('the browser is signed in as second-account');
  options.once('dialog', (d) => void d.accept());
  await options.getByRole('button', { name: 'Rebind to the signed-in account' }).click();
  await expect(options.getByText('Rebound.')).toBeVisible();
  await expect(options.locator('#account-text')).toHaveText('Bound to second-account.');
  const next = backend.enqueue({ type: 'unsave', params: { post: post.threadUrn } });
  await backend.waitForFinal([next.id], 15_000);
  expect(backend.finalResult(next.id)?.status).toBe('succeeded');
  await expect(popup.locator('#banner')).toHaveText('Active');
});
