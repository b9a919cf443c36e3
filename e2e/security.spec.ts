/**
 * Findings of the security review that only a real browser shows: the
 * manifest's permissions and CSP, no eval probe in any bundle, a scaled build
 * that says so, and no LinkedIn tab opened without the user's consent.
 */
import { test, expect } from './fixtures';
import type { Harness } from './harness';

const linkedinTabs = (h: Harness) => h.context.pages().filter((p) => p.url().startsWith('https://www.linkedin.com/'));

test('least privilege: no tabs permission, never in incognito, a strict CSP; no page trips it (zod is jitless)', async ({
  harness,
}) => {
  const worker = await harness.worker();
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.permissions).toEqual(['storage', 'alarms', 'cookies', 'scripting', 'notifications']);
  expect(manifest.host_permissions).toEqual(['https://www.linkedin.com/*']);
  expect(manifest.incognito).toBe('not_allowed');
  const csp = (manifest.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);

  // zod is jitless in every page: its `new Function` probe, though caught, fires a CSP violation event.
  const violations: string[] = [];
  for (const path of ['src/ui/popup/index.html', 'src/ui/options/index.html', 'src/ui/audit/index.html']) {
    const page = await harness.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await page.goto(`chrome-extension://${harness.extensionId}/${path}`);
    await page.waitForLoadState('networkidle');
    // Each page has parsed replies from the worker with zod by now.
    await page.waitForTimeout(500);
    violations.push(
      ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).map(
        (v) => `${path}: ${v}`,
      ),
    );
  }
  expect(violations).toEqual([]);
});

test('a scaled build says so in the popup and on the options page', async ({ harness }) => {
  const popup = await harness.openPopup();
  await expect(popup.getByRole('note')).toHaveText(/^Test build: time runs 100× faster \(EXECUTOR_TIME_SCALE=100\)/);
  const options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
  await expect(options.getByRole('note')).toHaveText(/^Test build: time runs 100× faster/);
});

test.describe('a new install: no background tab without consent', () => {
  test.use({ harnessOptions: { backgroundTab: null } });

  test('idle, nothing opens a tab (not even to learn who is signed in); the first action needing one makes the popup ask once; Allow lets it run', async ({
    harness,
  }) => {
    const { backend, linkedin } = harness;
    backend.config.requeueDeferred = false;
    // Several idle polls: the executor is active, yet no tab was opened and /me was not read.
    const leases = backend.leases.length;
    await backend.waitFor(() => backend.leases.length >= leases + 2, 15_000, 'idle polls');
    await backend.waitFor(() => backend.heartbeats.at(-1)?.body.state === 'active', 15_000, 'an active heartbeat');
    expect(linkedinTabs(harness)).toHaveLength(0);
    expect(linkedin.voyagerRequests()).toHaveLength(0);

    const popup = await harness.openPopup();
    const question = popup.getByRole('region', { name: /May the executor open one in the background/ });
    await expect(popup.locator('#banner')).toHaveText('Active');
    await expect(question).toBeHidden();

    const post = linkedin.addPost();
    const a = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
    await backend.waitFor(() => backend.results.some((r) => r.actionId === a.id), 15_000, 'a result');
    expect(backend.results.find((r) => r.actionId === a.id)?.body).toMatchObject({
      status: 'deferred',
      code: 'outbound_throttled',
    });
    expect(backend.results.find((r) => r.actionId === a.id)?.body.message).toMatch(
      /no linkedin\.com tab is open; the popup asks/,
    );
    expect(linkedinTabs(harness)).toHaveLength(0);
    expect(linkedin.voyagerRequests()).toHaveLength(0);

    await expect(question).toBeVisible();
    await question.getByRole('button', { name: 'Allow' }).click();
    await expect(question).toBeHidden();
    const b = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
    await backend.waitForFinal([b.id], 30_000);
    expect(backend.finalResult(b.id)?.status).toBe('succeeded');
    expect(linkedinTabs(harness)).toHaveLength(1);
    const worker = await harness.worker();
    expect(
      await worker.evaluate(() =>
        chrome.tabs.query({ url: 'https://www.linkedin.com/*' }).then((t) => t.map((x) => x.active)),
      ),
    ).toEqual([false]);

    // Remembered: a popup opened later does not ask again, and Options shows the answer.
    const again = await harness.openPopup();
    await expect(again.locator('#banner')).toHaveText('Active');
    await expect(again.locator('#tab-consent')).toBeHidden();
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
    await expect(options.getByLabel('May open a LinkedIn tab in the background when none is open')).toBeChecked();
  });

  test('"Not now" is remembered: no tab, no second question, actions handed back', async ({ harness }) => {
    const { backend, linkedin } = harness;
    backend.config.requeueDeferred = false;
    // Saving the safety settings without touching the box does not answer the question.
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
    await expect(options.getByLabel('May open a LinkedIn tab in the background when none is open')).not.toBeChecked();
    await options.getByRole('button', { name: 'Apply safety settings' }).click();
    await expect(options.getByText('Safety settings applied.')).toBeVisible();

    const popup = await harness.openPopup();
    const a = backend.enqueue({ type: 'save', params: { post: linkedin.addPost().threadUrn } });
    await backend.waitFor(() => backend.results.some((r) => r.actionId === a.id), 15_000, 'a result');
    await expect(popup.locator('#tab-consent')).toBeVisible();
    await popup.getByRole('button', { name: 'Not now' }).click();
    await expect(popup.locator('#tab-consent')).toBeHidden();

    const b = backend.enqueue({ type: 'save', params: { post: linkedin.addPost().threadUrn } });
    await backend.waitFor(() => backend.results.some((r) => r.actionId === b.id), 15_000, 'a second result');
    expect(backend.results.find((r) => r.actionId === b.id)?.body).toMatchObject({
      status: 'deferred',
      code: 'outbound_throttled',
    });
    expect(backend.results.find((r) => r.actionId === b.id)?.body.message).toMatch(
      /opening one in the background is not allowed/,
    );
    const later = await harness.openPopup();
    await expect(later.locator('#banner')).toHaveText('Active');
    await expect(later.locator('#tab-consent')).toBeHidden();
    expect(linkedinTabs(harness)).toHaveLength(0);
    expect(linkedin.voyagerRequests()).toHaveLength(0);
  });
});
