/**
 * First run: the getting-started page opens by itself on install and follows the three steps
 * live; a token the backend refuses is not stored.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { extensionDir } from './build-extension';
import { E2E_SCALE, expect, test } from './fixtures';
import { startHarness, type Harness } from './harness';

test.use({ harnessOptions: { configure: false, signedIn: false } });

async function welcomePage(harness: Harness): Promise<Page> {
  const url = `chrome-extension://${harness.extensionId}/src/ui/welcome/index.html`;
  await expect.poll(() => harness.context.pages().some((p) => p.url() === url)).toBe(true);
  const page = harness.context.pages().find((p) => p.url() === url);
  if (!page) throw new Error('no welcome page');
  return page;
}

async function storedToken(harness: Harness): Promise<unknown> {
  return (await harness.worker()).evaluate(async () => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: { token?: unknown } };
    return settings?.token ?? null;
  });
}

test('on install the getting-started page opens and follows the three steps', async ({ harness }) => {
  const page = await welcomePage(harness);
  await expect(page.locator('#overall')).toHaveText('0 of 3 steps done.');
  await expect(page.locator('#step-backend')).toHaveAttribute('data-done', 'false');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      axe.violations.map((v) => v.id),
      scheme,
    ).toEqual([]);
  }

  // A bad URL is refused by name; a refused token is tested, reported, and not stored.
  await page.getByLabel('Backend URL').fill('ftp://nowhere');
  await page.getByLabel('Executor token').fill('wrong-token');
  await page.getByRole('button', { name: 'Test and connect' }).click();
  await expect(page.locator('#backend-url-error')).toContainText('must start with https://');
  await page.getByLabel('Backend URL').fill(harness.backend.url);
  await page.getByRole('button', { name: 'Test and connect' }).click();
  await expect(page.locator('#connect-result')).toHaveText(
    'The backend rejected the token (HTTP 401). Nothing was saved.',
  );
  expect(await storedToken(harness)).toBeNull();
  await expect(page.locator('#step-backend')).toHaveAttribute('data-done', 'false');

  await page.getByLabel('Executor token').fill(harness.backend.token);
  await page.getByRole('button', { name: 'Test and connect' }).click();
  await expect(page.locator('#connect-result')).toContainText('Connected: the backend accepted a heartbeat');
  await expect(page.locator('#connect-result')).toContainText('Saved.');
  expect(await storedToken(harness)).toBe(harness.backend.token);
  await expect(page.locator('#step-backend')).toHaveAttribute('data-done', 'true');
  await expect(page.locator('#step-linkedin')).toHaveAttribute('data-done', 'false');
  await expect(page.locator('#overall')).toHaveText('1 of 3 steps done.');

  // Signing in elsewhere in the browser is seen without a reload (the worker's status snapshot).
  await harness.signIn();
  await expect(page.locator('#step-linkedin')).toHaveAttribute('data-done', 'true');
  await expect(page.locator('#overall')).toHaveText(/^All set: the executor is running\./);
});

test('the getting-started page opens only on install, not when the browser starts again', async ({ harness }) => {
  await welcomePage(harness);
  const { userDataDir } = harness;
  await harness.closeBrowser();
  const again = await startHarness({
    extensionDir: extensionDir(E2E_SCALE),
    userDataDir,
    linkedin: harness.linkedin,
    backend: harness.backend,
    configure: false,
    signedIn: false,
  });
  try {
    await again.worker();
    // The worker is up and has run its start-up listeners; a welcome tab would have opened by now.
    await again.openPopup();
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      again.context
        .pages()
        .map((p) => p.url())
        .filter((u) => u.includes('/welcome/')),
    ).toEqual([]);
  } finally {
    await again.closeBrowser();
  }
});

test.describe('in German', () => {
  test.use({ harnessOptions: { configure: false, signedIn: false, locale: 'de-DE' } });
  test("the getting-started page speaks the browser's language", async ({ harness }) => {
    const page = await welcomePage(harness);
    await expect(page.locator('h1')).toHaveText('Erste Schritte mit Outbound Executor');
    await expect(page.locator('#overall')).toHaveText('0 von 3 Schritten erledigt.');
    await expect(page.locator('#step-backend .title')).toHaveText('Backend verbinden');
    await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  });
});

test('until setup is done the popup shows the checklist and one next step with its link; then neither', async ({
  harness,
}) => {
  const popup = await harness.openPopup();
  await expect(popup.locator('#next-step-text')).toHaveText(
    'Connect a backend: enter its URL and your executor token, then test the connection.',
  );
  await expect(popup.locator('#next-step-link')).toHaveText('Get started');
  await expect(popup.locator('#next-step-link')).toHaveAttribute('href', '../welcome/index.html');
  await expect(popup.locator('#setup-list li')).toHaveCount(3);
  await expect(popup.locator('#setup-list li[data-done="true"]')).toHaveCount(0);

  await (await harness.configure()).close();
  await expect(popup.locator('#next-step-text')).toHaveText(
    'Sign in to LinkedIn in this browser; work resumes by itself once you are signed in.',
  );
  await expect(popup.locator('#next-step-link')).toHaveAttribute('href', 'https://www.linkedin.com/login');
  await expect(popup.locator('#setup-list li[data-done="true"]')).toHaveCount(1);

  await harness.signIn();
  await expect(popup.locator('#setup')).toBeHidden();
  await expect(popup.locator('#next-step')).toBeHidden();
});

test('step 3 of the welcome page switches approval mode, on by default', async ({ harness }) => {
  const page = await welcomePage(harness);
  const box = page.getByLabel('Ask me before sending words in my name');
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect(page.locator('#approval-mode-state')).toHaveText('Saved: actions go out without asking you first.');
  const stored = await (await harness.worker()).evaluate(async () => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: { approvalMode?: unknown } };
    return settings?.approvalMode;
  });
  expect(stored).toBe(false);
});
