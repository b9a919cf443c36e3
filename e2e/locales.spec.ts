/**
 * The extension in a German browser: the popup, the options and the audit page speak German (from
 * _locales/de), numbers, weekdays and percentages are written the German way (Intl), and so are
 * the problems the worker reports as codes (settings refused, why the audit chain breaks).
 */
import type { Page } from '@playwright/test';
import { ACTION_TYPES } from '../contract/protocol';
import { fixtureChain } from '../src/store/audit-fixture';
import { writeStore } from './extension-idb';
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

test('settings the worker refuses are named in German, its numbers written the German way', async ({ harness }) => {
  const page = await configureInGerman(harness);
  const token = page.getByLabel('Executor-Token');
  await token.fill('   ');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.locator('#token-error')).toHaveText('Das Executor-Token ist erforderlich.');
  await expect(token).toBeFocused();
  await token.fill(harness.backend.token);

  const apply = page.getByRole('button', { name: 'Sicherheitseinstellungen übernehmen' });
  const follows = page.getByLabel('Folgen pro Tag (Obergrenze 200)');
  await follows.fill('500');
  await apply.click();
  await expect(page.locator('#limits-error')).toHaveText(
    'Folgen pro Tag: 500 überschreitet die feste Obergrenze von 200',
  );
  await follows.fill('100');
  await page.getByLabel('Sekunden zwischen Aktionen').fill('10');
  await apply.click();
  await expect(page.locator('#spacing-error')).toHaveText(
    'Sekunden zwischen Aktionen: Geben Sie eine ganze Zahl von 30 bis 3.600 ein (30 s sind das Minimum; eine Nachricht wartet immer mindestens 45 s).',
  );
  await expect(page.locator('#safety-saved')).toHaveText('');
});

test('the audit page offers the action types and says why the chain breaks, in German', async ({ harness }) => {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/src/ui/audit/index.html`);
  // The worker has opened (and so created) its database once the page shows the log.
  await expect(page.locator('#summary')).toHaveText('0 Einträge im Protokoll · 0 angezeigt (Seite 1)');
  const type = page.getByLabel('Typ');
  await expect(type.locator('option')).toHaveCount(ACTION_TYPES.length + 1);
  await expect(type.locator('option[value="follow_member"]')).toHaveText('Mitglied folgen (follow_member)');
  await expect(type.locator('option[value="unreact"]')).toHaveText('Reaktion entfernen (unreact)');

  const chain = fixtureChain(4);
  await writeStore(await harness.worker(), 'audit', chain);
  const verify = page.getByRole('button', { name: 'Kette prüfen' });
  const result = page.locator('#verify-result');
  await verify.click();
  await expect(result).toHaveText('Kette intakt: 4 Einträge geprüft.');
  await writeStore(await harness.worker(), 'audit', [{ ...chain[2], message: 'bearbeitet' }]);
  await verify.click();
  await expect(result).toHaveText(
    'Kette unterbrochen bei Eintrag #3: der Inhalt des Eintrags passt nicht zu seinem Hash (er wurde verändert).',
  );
});
