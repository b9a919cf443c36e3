/**
 * Accessibility of every page, checked by axe-core (WCAG 2.1 A/AA rules: names,
 * labels, roles, contrast, …) in the light and the dark colour scheme, with
 * real content from a few executed actions.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('popup, options, audit and privacy pages have no WCAG 2.1 A/AA violations, light and dark', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const post = linkedin.addPost();
  linkedin.addMember({ slug: 'not-a-connection', distance: 2 });
  const queued = [
    backend.enqueue({ type: 'save', params: { post: post.threadUrn } }),
    backend.enqueue({ type: 'message', params: { profile: 'not-a-connection', text: 'Hello' } }),
    backend.enqueue({ type: 'react', params: { post: post.threadUrn, reaction: 'ANGRY' } }),
  ];
  await backend.waitForFinal(
    queued.map((q) => q.id),
    30_000,
  );

  const pages = {
    popup: await harness.openPopup(),
    options: await harness.context.newPage(),
    audit: await harness.context.newPage(),
    privacy: await harness.context.newPage(),
  };
  await pages.options.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
  await pages.audit.goto(`chrome-extension://${harness.extensionId}/src/ui/audit/index.html`);
  await pages.privacy.goto(`chrome-extension://${harness.extensionId}/src/ui/privacy/index.html`);
  await expect(pages.privacy.getByRole('heading', { name: 'How to delete it' })).toBeVisible();
  await expect(pages.popup.locator('#recent li')).toHaveCount(3);
  await expect(pages.options.locator('#limits-table tbody tr')).toHaveCount(8);
  await expect(pages.audit.locator('#entries tbody tr')).toHaveCount(3);

  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, page] of Object.entries(pages)) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await violations(page), `${name} (${scheme})`).toEqual([]);
    }
  }
});
