/**
 * The extension in a German browser: the popup and the options page speak German (from
 * _locales/de), and numbers, weekdays and percentages are written the German way (Intl).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Harness } from './harness';

// The harness configures through the English labels: here the German options page does it.
test.use({ harnessOptions: { locale: 'de-DE', configure: false, backgroundTab: true } });

async function configureInGerman(harness: Harness): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
  await page.getByLabel('Backend-URL').fill(harness.backend.url);
  await page.getByLabel('Executor-Token').fill(harness.backend.token);
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.locator('#saved')).toHaveText('Gespeichert.');
  return page;
}

test('the popup speaks German and writes its numbers the German way', async ({ harness }) => {
  await configureInGerman(harness);
  const popup = await harness.openPopup();
  await expect(popup.locator('html')).toHaveAttribute('lang', /^de/);
  const banner = popup.locator('#banner');
  await expect(banner).toHaveText('Aktiv');
  await expect(popup.getByRole('link', { name: 'Optionen' })).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'Letzte Ergebnisse' })).toBeVisible();
  await expect(popup.locator('#queue')).toHaveText(/^0 laufend · 0 Ergebnisse zu übermitteln/);
  const follows = popup.locator('#limits tr', { hasText: 'Folgen / Tag' });
  await expect(follows).toContainText('0/100');
  // German puts a (no-break) space before the percent sign.
  await expect(follows.locator('.bar')).toHaveAttribute('aria-label', '0\u00a0% genutzt');

  await popup.getByRole('button', { name: 'Pausieren' }).click();
  await expect(banner).toHaveText('Pausiert (von Ihnen), bis Sie fortsetzen');
  await popup.getByRole('button', { name: 'Fortsetzen' }).click();
  await expect(banner).toHaveText('Aktiv');
});

test('the options page speaks German, with German weekdays and digit grouping', async ({ harness }) => {
  const page = await configureInGerman(harness);
  await expect(page).toHaveTitle('Outbound Executor: Optionen');
  // A sentence the worker builds (Test connection) speaks German too.
  await page.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(page.locator('#test-result')).toHaveText(/^Verbunden: Das Backend hat ein Lebenszeichen angenommen/);
  await expect(page.getByRole('heading', { name: 'Sicherheit' })).toBeVisible();
  await expect(page.getByLabel('Folgen pro Tag (Obergrenze 200)')).toBeVisible();
  await expect(page.locator('#wh-days label').first()).toHaveText(/^\s*So\.?$/);
  await expect(page.locator('#wh-days label').nth(1)).toHaveText(/^\s*Mo\.?$/);
  await expect(page.getByLabel('Zeitzone').locator('option').first()).toHaveText(/^Zeitzone dieses Computers \(.+\)$/);

  const spacing = page.getByLabel('Sekunden zwischen Aktionen');
  await spacing.fill('');
  await page.getByRole('button', { name: 'Sicherheitseinstellungen übernehmen' }).click();
  // 3600 as German writes it: 3.600.
  await expect(page.locator('#spacing-error')).toHaveText(
    'Sekunden zwischen Aktionen: Geben Sie eine ganze Zahl von 30 bis 3.600 ein.',
  );
  await expect(spacing).toBeFocused();
  await spacing.fill('75');
  await page.getByRole('button', { name: 'Sicherheitseinstellungen übernehmen' }).click();
  await expect(page.locator('#safety-saved')).toHaveText('Sicherheitseinstellungen übernommen.');
});
