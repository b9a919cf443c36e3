/**
 * Enterprise deployment with a real Chromium policy: as root, a policy file in
 * /etc/chromium/policies/managed/ configures the extension (`3rdparty.extensions.<id>`,
 * the id fixed by the dev/test build's manifest key). The extension comes up configured
 * from the policy alone, leases from the backend, applies the organisation's lower cap,
 * shows the locked fields read-only, and takes a policy change without a restart.
 * The file is removed afterwards, also on failure. Not root: skipped, saying why.
 */
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pkg from '../package.json' with { type: 'json' };
import { DEV_PUBLIC_KEY } from '../packaging/dev-key';
import { extensionIdFromKey } from '../packaging/extension-id';
import { startBackendDouble, type BackendDouble } from './doubles/backend/server';
import { E2E_SCALE, expect, test } from './fixtures';
import { CHROMIUM, startHarness, type Harness } from './harness';
import { extensionDir } from './build-extension';

/** Where Debian's Chromium reads mandatory policies (Google Chrome reads /etc/opt/chrome/policies/managed). */
const POLICY_DIR = '/etc/chromium/policies/managed';
const PREFIX = 'outbound-executor-e2e-';
const POLICY_FILE = path.join(POLICY_DIR, `${PREFIX}${process.pid}.json`);
const EXTENSION_ID = extensionIdFromKey(DEV_PUBLIC_KEY);

const isRoot = process.getuid?.() === 0;
test.skip(
  !isRoot,
  `needs root: the test writes a Chromium policy file into ${POLICY_DIR}, which only root may write (run the e2e as root, as CI does)`,
);
test.skip(
  CHROMIUM !== '/usr/bin/chromium',
  `the policy directory ${POLICY_DIR} is Debian Chromium's; CHROMIUM_PATH=${CHROMIUM} reads its policies elsewhere`,
);

/** The first directory this run created on the way to POLICY_DIR (removed again when empty), or undefined. */
let created: string | undefined;

function writePolicy(policy: Record<string, unknown>): void {
  created ??= mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2));
}

/** Files a killed earlier run of this spec left behind (its process is gone). */
function removeStalePolicies(): void {
  if (!existsSync(POLICY_DIR)) return;
  for (const name of readdirSync(POLICY_DIR)) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)\\.json$`).exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(path.join(POLICY_DIR, name), { force: true });
    }
  }
}

const invitationsPerDay = (b: BackendDouble): number | undefined =>
  b.heartbeats.at(-1)?.body.limits.find((l) => l.bucket === 'invitations' && l.window === 'day')?.limit;

test('a Chromium policy alone configures the extension; the options page shows the locked fields', async () => {
  removeStalePolicies();
  const backend = await startBackendDouble();
  let harness: Harness | null = null;
  try {
    writePolicy({
      backendUrl: backend.url,
      executorToken: backend.token,
      limits: { invitations: { day: 7 } },
      forceApprovalMode: true,
      allowBackgroundTab: true,
    });
    // Nothing is configured by hand: no options page, no stored settings.
    harness = await startHarness({ extensionDir: extensionDir(E2E_SCALE), backend, configure: false });
    expect(harness.extensionId).toBe(EXTENSION_ID);
    const worker = await harness.worker();
    expect(await worker.evaluate(() => chrome.storage.managed.get())).toMatchObject({ backendUrl: backend.url });
    expect(await worker.evaluate(() => chrome.storage.local.get('settings'))).toEqual({});

    // It leases from the backend with the policy's token, and heartbeats the organisation's cap.
    const action = backend.enqueue({ type: 'follow_member', params: { profile: 'policy-example' } });
    harness.linkedin.addMember({ slug: 'policy-example', distance: 2 });
    await backend.waitFor(() => backend.leases.some((l) => l.actionIds.includes(action.id)), 30_000, 'the lease');
    // The first heartbeats may precede the sign-in (the harness adds LinkedIn's cookies after the
    // extension is up, and a policy-configured one starts at once): wait for the active one.
    await backend.waitFor(
      () => invitationsPerDay(backend) === 7 && backend.heartbeats.at(-1)?.body.state === 'active',
      30_000,
      'an active heartbeat with the cap of 7',
    );
    // The version the package was built with (package.json) is the one every request carries.
    const versions = new Set(
      backend.requests.filter((r) => r.method === 'POST').map((r) => r.headers['x-executor-version']),
    );
    expect([...versions]).toEqual([pkg.version]);

    const page = await harness.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/src/ui/options/index.html`);
    const url = page.getByLabel('Backend URL');
    await expect(url).toHaveValue(backend.url);
    await expect(url).toHaveJSProperty('readOnly', true);
    await expect(url).toHaveAccessibleDescription(/Set by your organisation/);
    const token = page.getByLabel('Executor token');
    await expect(token).toHaveValue(''); // the organisation's token never reaches the page
    await expect(token).toHaveJSProperty('readOnly', true);
    await expect(token).toHaveAttribute('placeholder', 'Set by your organisation');
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeHidden();
    const tab = page.getByLabel('May open a LinkedIn tab in the background when none is open');
    await expect(tab).toBeChecked();
    await expect(tab).toBeDisabled();
    await expect(page.getByText('Some settings are set by your organisation')).toBeVisible();
    await expect(page.locator('#limit-invitations-day')).toHaveValue('7');
    await expect(page.locator('#limit-invitations-day + .muted')).toHaveText('max 7, set by your organisation');
    // Above the organisation's cap: refused with a message, nothing saved.
    await page.locator('#limit-invitations-day').fill('9');
    await page.getByRole('button', { name: 'Apply safety settings' }).click();
    await expect(page.locator('#limits-error')).toHaveText(
      'invitations per day: 9 is above 7, the limit set by your organisation',
    );
    await expect(page.getByRole('link', { name: /Privacy/ })).toHaveAttribute('href', '../privacy/index.html');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }

    // A changed policy applies without a restart (Chromium re-reads the directory when it changes).
    writePolicy({ backendUrl: backend.url, executorToken: backend.token, limits: { invitations: { day: 5 } } });
    await backend.waitFor(() => invitationsPerDay(backend) === 5, 45_000, 'a heartbeat with the new cap of 5');
    await page.reload();
    await expect(page.getByLabel('May open a LinkedIn tab in the background when none is open')).toBeEnabled();
    await expect(page.locator('#limit-invitations-day + .muted')).toHaveText('max 5, set by your organisation');

    // A value Chromium's schema lets through but the extension refuses: ignored, and listed for the administrator.
    writePolicy({ backendUrl: backend.url, executorToken: 'not a token', limits: { invitations: { day: 5 } } });
    const ignored = page.getByRole('list', { name: 'Policy values that were ignored' }).getByRole('listitem');
    await expect(async () => {
      await page.reload();
      await expect(ignored).toHaveText([/^executorToken: Executor token may hold only printable ASCII/], {
        timeout: 1000,
      });
    }).toPass({ timeout: 45_000 });
    await expect(page.getByLabel('Executor token')).toHaveJSProperty('readOnly', false);
  } finally {
    rmSync(POLICY_FILE, { force: true });
    // Directories this run made, innermost first, while nothing else is in them.
    for (let dir = POLICY_DIR; created && dir.startsWith(created); dir = path.dirname(dir)) {
      if (readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    }
    await harness?.close();
    await backend.close();
  }
  expect(existsSync(POLICY_FILE)).toBe(false);
});
