/**
 * The pages users live in (popup, options, audit log), driven in real Chromium
 * against the LinkedIn and backend doubles. Also takes the README's
 * screenshots: into test-results/screenshots/, or into docs/screenshots/ with
 * UPDATE_SCREENSHOTS=1 (so an ordinary run leaves the tree clean).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Dialog, Download, Page } from '@playwright/test';
import type { AuditRecord } from '../src/store/db';
import { CSV_COLUMNS, parseCsv } from '../src/shared/audit-export';
import { verifyExport, type ExportedEntry } from '../src/store/audit-chain';
import { readStore, writeStore } from './extension-idb';
import { test, expect } from './fixtures';
import type { Harness } from './harness';

const SHOTS = path.resolve(
  import.meta.dirname,
  process.env.UPDATE_SCREENSHOTS ? '../docs/screenshots' : '../test-results/screenshots',
);
const DAY_MS = 24 * 3600_000;

async function screenshot(page: Page, name: string, opts: { element?: string } = {}): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  if (opts.element) await page.locator(opts.element).screenshot({ path: file, animations: 'disabled' });
  else await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
}

/** Nothing in the popup sticks out past its 380 px width. */
async function expectFitsPopup(page: Page): Promise<void> {
  const box = await page.evaluate(() => ({
    body: document.body.getBoundingClientRect().width,
    scroll: document.body.scrollWidth,
    rightmost: Math.max(...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().right)),
  }));
  expect(box.body).toBe(380);
  expect(box.scroll).toBeLessThanOrEqual(380);
  expect(box.rightmost).toBeLessThanOrEqual(380);
}

/** The extension's persisted state, read in its service worker. */
async function storageValue(h: Harness, key: 'settings' | 'runtime'): Promise<Record<string, unknown> | null> {
  const worker = await h.worker();
  return worker.evaluate(async (k) => {
    const got = await chrome.storage.local.get(k);
    const value: unknown = got[k];
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  }, key);
}

/** Every audit record, oldest first, straight from IndexedDB in the service worker. */
async function auditRecords(h: Harness): Promise<AuditRecord[]> {
  return readStore<AuditRecord>(await h.worker(), 'audit');
}

/** Rewrites records in the audit store (bypassing the extension), in one transaction. */
async function putAuditRecords(h: Harness, records: AuditRecord[]): Promise<void> {
  await writeStore(await h.worker(), 'audit', records);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** "… resumes in 14m 23s" → seconds. */
function countdownSeconds(text: string): number {
  const m = /resumes in (?:(\d+)h\s)?(?:(\d+)m\s?)?(?:(\d+)s)?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined))
    throw new Error(`no countdown in "${text}"`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** yyyy-mm-dd of a timestamp in this machine's (and the browser's) time zone. */
function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function dayBounds(day: string): { start: number; end: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { start: new Date(y, m - 1, d).getTime(), end: new Date(y, m - 1, d, 23, 59, 59, 999).getTime() };
}

/** What a CSV cell must say for a record's field (independent of export-format's writer). */
function expectedCsvCell(record: AuditRecord, column: (typeof CSV_COLUMNS)[number]): string {
  if (column === 'at' || column === 'startedAt' || column === 'finishedAt')
    return new Date(record[column]).toISOString();
  const value: unknown = record[column];
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** What a JSON export row must hold for a record: every field the page is given. */
function expectedJsonRow(r: AuditRecord): Record<string, unknown> {
  return {
    seq: r.seq,
    at: r.at,
    actionId: r.actionId,
    type: r.type,
    bucket: r.bucket,
    paramsSummary: r.paramsSummary,
    idempotencyKey: r.idempotencyKey,
    requestedBy: r.requestedBy ?? null,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    status: r.status,
    code: r.code,
    message: r.message,
    httpStatus: r.httpStatus,
    mutated: r.mutated,
    linkedinRequests: r.linkedinRequests,
    account: r.account,
    prevHash: r.prevHash ?? null,
    hash: r.hash ?? null,
  };
}

async function download(page: Page, button: string): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const where = await file.path();
  return { file, text: readFileSync(where, 'utf8') };
}

/** The seq column of the audit table, top to bottom. */
async function shownSeqs(page: Page): Promise<number[]> {
  return (
    await page.locator('#entries tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.seq ?? ''))
  ).map(Number);
}

/** Waits for the table to show exactly these entries (a stale page may briefly match a count). */
async function expectSeqs(page: Page, seqs: Array<number | undefined>): Promise<void> {
  await expect.poll(() => shownSeqs(page)).toEqual(seqs);
}

const desc = (a: number, b: number) => b - a;
const seqsOf = (records: AuditRecord[]) => records.map((r) => r.seq ?? -1).sort(desc);

test.describe('before configuration', () => {
  test.use({ harnessOptions: { configure: false } });

  test('popup banner: not configured → the backend rejected the token → active once the token is accepted', async ({
    harness,
  }) => {
    const { backend } = harness;
    const popup = await harness.openPopup();
    const banner = popup.locator('#banner');
    await expect(banner).toHaveText('Not configured: set the backend URL and token in Options.');
    await expect(banner).toHaveAttribute('data-state', 'unconfigured');
    await expect(popup.locator('#backend')).toHaveText('not configured');
    await expectFitsPopup(popup);
    await screenshot(popup, 'popup-unconfigured.png', { element: 'body' });

    backend.config.rejectToken = true;
    const options = await harness.configure();
    await expect(options.getByText('Saved.')).toBeVisible();
    await backend.waitFor(
      () => backend.requests.some((r) => r.path === '/v1/executor/lease' && r.status === 401),
      15_000,
      'a rejected lease',
    );
    await expect(banner).toHaveText('The backend rejected the token. Check it in Options.');
    await expect(banner).toHaveAttribute('data-state', 'auth_rejected');
    // The rejection is remembered: no lease is retried with the same token.
    const leaseAttempts = backend.requests.filter((r) => r.path === '/v1/executor/lease').length;
    await popup.waitForTimeout(1000);
    expect(backend.requests.filter((r) => r.path === '/v1/executor/lease').length).toBe(leaseAttempts);

    // Saving the settings again (the backend now accepts the token) lifts the rejection.
    backend.config.rejectToken = false;
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(banner).toHaveText('Active');
    await expect(popup.locator('#backend')).toHaveText(backend.url);
  });

  test('options: connection fields are validated inline and nothing invalid is saved; Test connection reports each outcome', async ({
    harness,
  }) => {
    const { backend } = harness;
    const page = await harness.context.newPage();
    await page.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
    const url = page.getByLabel('Backend URL');
    const token = page.getByLabel('Executor token');
    const save = page.getByRole('button', { name: 'Save' });

    await url.fill('not a url');
    await token.fill(backend.token);
    await save.click();
    await expect(page.locator('#backend-url-error')).toHaveText(
      '"not a url" is not a URL. Example: https://backend.example.com',
    );
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(url).toBeFocused();
    await expect(page.locator('#saved')).toHaveText('');

    await url.fill('https://backend.example.com/v1/executor');
    await save.click();
    await expect(page.locator('#backend-url-error')).toHaveText(/must be an origin only/);

    await url.fill(backend.url);
    await token.fill('   ');
    await save.click();
    await expect(page.locator('#token-error')).toHaveText('Executor token is required.');
    await expect(page.locator('#backend-url-error')).toHaveText('');
    await expect(token).toHaveAttribute('aria-invalid', 'true');
    await expect(url).toHaveAttribute('aria-invalid', 'false');
    expect(await storageValue(harness, 'settings')).toBeNull();

    const result = page.locator('#test-result');
    const testButton = page.getByRole('button', { name: 'Test connection' });
    await token.fill('not-the-token');
    await testButton.click();
    await expect(result).toHaveText('The backend rejected the token (HTTP 401).');
    await expect(result).toHaveClass('error');

    await url.fill(`http://127.0.0.1:${await freePort()}`);
    await token.fill(backend.token);
    await testButton.click();
    await expect(result).toHaveText(/^Could not reach the backend: .+\.$/);
    await expect(result).toHaveClass('error');

    await url.fill(backend.url);
    backend.enqueue({ type: 'save', params: { post: 'urn:li:activity:1' } });
    await testButton.click();
    await expect(result).toHaveText('Connected: the backend accepted a heartbeat (1 actions queued).');
    await expect(result).toHaveClass('ok');
    expect(backend.heartbeats.length).toBeGreaterThan(0);
    // Testing does not save.
    expect(await storageValue(harness, 'settings')).toBeNull();
    await page.reload();
    await expect(url).toHaveValue('');
  });

  test('options: the form can be filled and submitted with the keyboard only, with a visible focus ring', async ({
    harness,
  }) => {
    const { backend } = harness;
    const page = await harness.context.newPage();
    await page.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
    await expect(page.locator('#limits-table tbody tr')).toHaveCount(8);
    const url = page.getByLabel('Backend URL');

    await page.keyboard.press('Tab');
    await expect(url).toBeFocused();
    await page.keyboard.type('http://backend.example.com');
    await page.keyboard.press('Enter');
    // The error is announced and focus stays on the field to correct.
    await expect(page.locator('#backend-url-error')).toContainText('Plain http:// is allowed only');
    await expect(url).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(backend.url);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Executor token')).toBeFocused();
    await page.keyboard.type(backend.token);
    await page.keyboard.press('Enter');
    await expect(page.locator('#saved')).toHaveText('Saved.');
    expect(await storageValue(harness, 'settings')).toMatchObject({ backendUrl: backend.url, token: backend.token });

    // Tab on to Save: the focused button shows the focus ring.
    await page.keyboard.press('Tab');
    const saveButton = page.getByRole('button', { name: 'Save' });
    await expect(saveButton).toBeFocused();
    const ring = await saveButton.evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        visible: el.matches(':focus-visible'),
        style: style.outlineStyle,
        width: style.outlineWidth,
        color: style.outlineColor,
      };
    });
    expect(ring).toEqual({ visible: true, style: 'solid', width: '3px', color: 'rgb(10, 102, 194)' });
    const rules = await page.evaluate(
      () =>
        [...document.styleSheets]
          .flatMap((s) => [...s.cssRules])
          .filter((r) => r instanceof CSSStyleRule && r.selectorText.includes(':focus-visible')).length,
    );
    expect(rules).toBeGreaterThan(0);

    // The safety form too: tab to a limit, change it, submit with Enter.
    const follows = page.getByLabel('follows per day (ceiling 200)');
    for (let i = 0; i < 30 && !(await follows.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(follows).toBeFocused();
    expect(await follows.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('42');
    await page.keyboard.press('Enter');
    await expect(page.locator('#safety-saved')).toHaveText('Safety settings applied.');
    expect(await storageValue(harness, 'settings')).toMatchObject({ limits: { follows: { day: 42 } } });
  });
});

test('options: limits, spacing and working hours are validated with clear errors and nothing invalid is saved; spacing, warm-up and a time zone are kept', async ({
  harness,
}) => {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
  const follows = page.getByLabel('follows per day (ceiling 200)');
  const apply = page.getByRole('button', { name: 'Apply safety settings' });
  await expect(follows).toHaveValue('100');

  await follows.fill('500');
  await apply.click();
  await expect(page.locator('#limits-error')).toHaveText('follows per day: 500 exceeds the hard ceiling of 200');
  await expect(page.locator('#safety-saved')).toHaveText('');
  expect((await storageValue(harness, 'settings'))?.['limits']).toEqual({});

  await follows.fill('');
  await apply.click();
  await expect(page.locator('#limits-error')).toHaveText('follows per day: enter a whole number from 0 to 200.');
  await expect(follows).toBeFocused();

  await follows.fill('2.5');
  await apply.click();
  await expect(page.locator('#limits-error')).toHaveText('follows per day: must be a whole number ≥ 0');
  await page.reload();
  await expect(follows).toHaveValue('100');

  await page.getByLabel('Only act during working hours').check();
  for (const box of await page.locator('#wh-days input').all()) await box.uncheck();
  await expect(page.locator('#wh-days input:checked')).toHaveCount(0);
  await apply.click();
  await expect(page.locator('#wh-error')).toHaveText('Working hours: pick at least one day');
  await expect(page.locator('#limits-error')).toHaveText('');
  expect((await storageValue(harness, 'settings'))?.['workingHours']).toBeNull();
  await page.reload();
  await expect(page.getByLabel('Only act during working hours')).not.toBeChecked();

  // A valid limit is applied and the popup counts against it.
  await follows.fill('150');
  await apply.click();
  await expect(page.locator('#safety-saved')).toHaveText('Safety settings applied.');
  expect((await storageValue(harness, 'settings'))?.['limits']).toMatchObject({ follows: { day: 150 } });
  const popup = await harness.openPopup();
  await expect(popup.locator('#limits tr', { hasText: 'follows / day' })).toContainText('0/150');

  // Spacing: below the 30 s floor is refused and not saved; a longer one is kept.
  const spacing = page.getByLabel('Seconds between actions');
  await expect(spacing).toHaveValue('30');
  await expect(page.locator('#spacing-hint')).toHaveText(
    'At least 30 (a message waits at least 45); each wait adds 0–100 % random jitter.',
  );
  await spacing.fill('10');
  await apply.click();
  await expect(page.locator('#spacing-error')).toHaveText(
    'Seconds between actions: enter a whole number from 30 to 3,600 (30 s is the floor; a message always waits at least 45 s).',
  );
  await expect(spacing).toBeFocused();
  expect((await storageValue(harness, 'settings'))?.['spacingSeconds']).toBe(30);
  await spacing.fill('75');
  await apply.click();
  await expect(page.locator('#spacing-error')).toHaveText('');
  await expect(page.locator('#safety-saved')).toHaveText('Safety settings applied.');
  expect((await storageValue(harness, 'settings'))?.['spacingSeconds']).toBe(75);

  // No write yet: the warm-up is suggested until it is on.
  const advice = page.locator('#warmup-advice');
  await expect(advice).toHaveText(
    'This executor has not written to LinkedIn yet: if the account is new or has been quiet for weeks, turn the warm-up on.',
  );
  await page.getByLabel('Warm-up: start at 25 %').check();
  await apply.click();
  await expect(page.locator('#safety-saved')).toHaveText('Safety settings applied.');
  await expect(advice).toHaveText('');
  await expect(popup.locator('#limits tr', { hasText: 'follows / day' })).toContainText('0/37');

  // Working hours in a chosen time zone are stored with it and shown again after a reload.
  const zone = page.getByLabel('Time zone');
  await expect(zone).toHaveValue('');
  await expect(zone.locator('option').first()).toHaveText(/^This computer's time zone \(.+\)$/);
  await page.getByLabel('Only act during working hours').check();
  await zone.selectOption('Asia/Tokyo');
  await apply.click();
  await expect(page.locator('#safety-saved')).toHaveText('Safety settings applied.');
  expect((await storageValue(harness, 'settings'))?.['workingHours']).toEqual({
    days: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '18:00',
    timeZone: 'Asia/Tokyo',
  });
  await page.reload();
  await expect(zone).toHaveValue('Asia/Tokyo');
  await expect(page.getByLabel('Seconds between actions')).toHaveValue('75');
  await screenshot(page, 'options.png');
});

test('popup: active with recent results and limits; pause and resume by the user need no confirmation; links open the other pages', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  linkedin.addMember({ slug: 'alice-example', distance: 2 });
  const post = linkedin.addPost();
  const a1 = backend.enqueue({ type: 'follow_member', params: { profile: 'alice-example' } });
  const a2 = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  const a3 = backend.enqueue({ type: 'follow_member', params: { profile: 'nobody-here-404' } });
  await backend.waitForFinal([a1.id, a2.id, a3.id], 30_000);

  const popup = await harness.openPopup();
  const dialogs: string[] = [];
  popup.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const banner = popup.locator('#banner');
  await expect(banner).toHaveText('Active');
  await expect(banner).toHaveAttribute('data-state', 'active');
  await expect(popup.locator('#linkedin')).toHaveText(linkedin.state.viewer.slug);
  await expect(popup.locator('#queue')).toHaveText('0 running · 0 results to deliver · 0 waiting at the backend');
  const recent = popup.locator('#recent li');
  await expect(recent).toHaveCount(3);
  // Newest first.
  await expect(recent.nth(0)).toContainText('follow_member');
  await expect(recent.nth(0).locator('.status-failed')).toHaveText('failed · not_found');
  await expect(recent.nth(1).locator('.status-succeeded')).toHaveText('succeeded');
  await expect(recent.nth(1)).toContainText('save');
  await expect(recent.nth(2)).toContainText('follow_member profile=alice-example');
  const followsDay = popup.locator('#limits tr', { hasText: 'follows / day' });
  await expect(followsDay).toContainText('1/100');
  await expect(followsDay.locator('.bar')).toHaveAttribute('aria-label', '1% used');
  const savesDay = popup.locator('#limits tr', { hasText: 'saves / day' });
  await expect(savesDay).toContainText('1/200');
  // A rolling day at scale 100 lasts 864 s: the first save leaves the window in about 14 minutes.
  await expect(savesDay.locator('.resets')).toHaveText(/^resets in 14m\u00a0\d\ds$/);
  await expect(popup.locator('#limits tr', { hasText: 'comments / day' }).locator('.resets')).toHaveText('');
  await expectFitsPopup(popup);
  await screenshot(popup, 'popup-active.png', { element: 'body' });

  await popup.getByRole('button', { name: 'Pause' }).click();
  await expect(banner).toHaveText('Paused (by you) until you resume');
  await expect(popup.getByRole('button', { name: 'Pause' })).toBeHidden();
  await backend.waitFor(
    () => backend.heartbeats.some((h) => h.body.state === 'paused' && h.body.pauseReason === 'user'),
    10_000,
    'a user-paused heartbeat',
  );
  expect(await storageValue(harness, 'runtime')).toMatchObject({ pause: { reason: 'user' } });
  await popup.getByRole('button', { name: 'Resume' }).click();
  await expect(banner).toHaveText('Active');
  await expect(popup.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(dialogs).toEqual([]);
  expect((await storageValue(harness, 'runtime'))?.['pause']).toBeNull();

  const [options] = await Promise.all([
    harness.context.waitForEvent('page'),
    popup.getByRole('link', { name: 'Options' }).click(),
  ]);
  await expect(options).toHaveURL(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
  const [audit] = await Promise.all([
    harness.context.waitForEvent('page'),
    popup.getByRole('link', { name: 'Audit log' }).click(),
  ]);
  await expect(audit).toHaveURL(`chrome-extension://${harness.extensionId}/src/ui/audit/index.html`);
  await expect(audit.locator('#entries tbody tr')).toHaveCount(3);

  // With an hour between writes (36–72 s at this scale), the popup shows the next slot under the reset.
  await options.getByLabel('Seconds between actions').fill('3600');
  await options.getByRole('button', { name: 'Apply safety settings' }).click();
  await expect(options.locator('#safety-saved')).toHaveText('Safety settings applied.');
  await expect(savesDay.locator('.resets span')).toHaveText([
    /^resets in 1\dm\u00a0\d\ds$/,
    /^next slot in (\d+s|1m\u00a0\d\ds)$/,
  ]);
  await expect(popup.locator('#limits tr', { hasText: 'comments / day' }).locator('.resets')).toHaveText(
    /^next slot in /,
  );
  await expectFitsPopup(popup);
});

test('popup banner: signed out of LinkedIn, then signed in as another account (mismatch)', async ({ harness }) => {
  const { linkedin } = harness;
  // The user's own linkedin.com tab: who is signed in is read there (no tab is opened just for that).
  await (await harness.context.newPage()).goto('https://www.linkedin.com/feed/');
  const popup = await harness.openPopup();
  const banner = popup.locator('#banner');
  await expect(banner).toHaveText('Active');
  const bound = linkedin.state.viewer.slug;

  await harness.signOut();
  await expect(banner).toHaveText('Signed out of LinkedIn: sign in to resume.');
  await expect(banner).toHaveAttribute('data-state', 'signed_out');
  await expect(popup.locator('#linkedin')).toHaveText('signed out');

  const other = linkedin.addMember({ slug: 'someone-else', distance: 1 });
  linkedin.signInAs(other);
  await harness.signIn();
  await expect(banner).toHaveText(`Account mismatch: bound to ${bound}, signed in as someone-else.`);
  await expect(banner).toHaveAttribute('data-state', 'account_mismatch');
  await expect(popup.locator('#linkedin')).toHaveText('someone-else');
});

test('popup: a challenge pause counts down live; an early resume asks first (dismiss keeps the pause, accept resumes)', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  linkedin.addMember({ slug: 'carol-example', distance: 2 });
  linkedin.fail({ kind: 'status999' }, { match: (r) => r.method === 'POST', times: 1 });
  const first = backend.enqueue({ type: 'follow_member', params: { profile: 'carol-example' } });
  await backend.waitFor(() => backend.results.some((r) => r.actionId === first.id), 30_000, 'the challenged result');
  expect(backend.results.find((r) => r.actionId === first.id)?.body).toMatchObject({
    status: 'deferred',
    code: 'challenge',
  });

  const popup = await harness.openPopup();
  const banner = popup.locator('#banner');
  await expect(banner).toHaveText(/^Paused \(LinkedIn security challenge\) · resumes in \d+m\u00a0\d\ds$/);
  await expect(banner).toHaveAttribute('data-state', 'paused');
  const before = countdownSeconds((await banner.textContent()) ?? '');
  // 24 h at this build's scale (100) is 864 s.
  expect(before).toBeLessThanOrEqual(864);
  expect(before).toBeGreaterThan(800);
  await popup.waitForTimeout(2200);
  const after = countdownSeconds((await banner.textContent()) ?? '');
  expect(before - after).toBeGreaterThanOrEqual(1);
  expect(before - after).toBeLessThanOrEqual(4);
  await expectFitsPopup(popup);
  await screenshot(popup, 'popup-challenge.png', { element: 'body' });

  const dialogs: string[] = [];
  const answer = { accept: false };
  popup.on('dialog', (d: Dialog) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void (answer.accept ? d.accept() : d.dismiss());
  });
  await popup.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toMatch(/^confirm: LinkedIn showed a security challenge\. .*Resume anyway\?$/);
  await popup.waitForTimeout(500);
  await expect(banner).toContainText('Paused (LinkedIn security challenge)');
  expect(await storageValue(harness, 'runtime')).toMatchObject({ pause: { reason: 'challenge' } });

  answer.accept = true;
  await popup.getByRole('button', { name: 'Resume' }).click();
  await expect(banner).toHaveText('Active');
  expect(dialogs).toHaveLength(2);
  expect((await storageValue(harness, 'runtime'))?.['pause']).toBeNull();

  // Work really resumes.
  linkedin.addMember({ slug: 'dave-example', distance: 2 });
  const next = backend.enqueue({ type: 'follow_member', params: { profile: 'dave-example' } });
  await backend.waitForFinal([next.id], 15_000);
  expect(backend.finalResult(next.id)?.status).toBe('succeeded');
});

test('audit page: filters, paging, CSV/JSON exports equal to the stored log, chain verification finds an edited entry', async ({
  harness,
}) => {
  test.slow();
  const { linkedin, backend } = harness;
  linkedin.addMember({ slug: 'alice-example', distance: 2 });
  linkedin.addMember({ slug: 'bob-example', distance: 2 });
  const post = linkedin.addPost();
  const queued = [
    backend.enqueue({ type: 'follow_member', params: { profile: 'alice-example' } }),
    backend.enqueue({
      type: 'follow_member',
      params: { profile: 'bob-example' },
      requestedBy: { principal: 'ops@example.com', requestId: 'req-bob' },
    }),
    backend.enqueue({ type: 'follow_member', params: { profile: 'nobody-here-404' } }),
    backend.enqueue({ type: 'save', params: { post: post.threadUrn } }),
    backend.enqueue({ type: 'follow_company', params: {} }),
  ];
  await backend.waitForFinal(
    queued.map((q) => q.id),
    60_000,
  );

  let records = await auditRecords(harness);
  expect(records.map((r) => [r.actionId, r.type, r.status])).toEqual([
    [queued[0]?.id, 'follow_member', 'succeeded'],
    [queued[1]?.id, 'follow_member', 'succeeded'],
    [queued[2]?.id, 'follow_member', 'failed'],
    [queued[3]?.id, 'save', 'succeeded'],
    [queued[4]?.id, 'follow_company', 'refused'],
  ]);
  const byAction = (id: string | undefined) => records.find((r) => r.actionId === id) as AuditRecord;
  const n = records.length;

  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/src/ui/audit/index.html`);
  const summary = page.locator('#summary');
  const rows = page.locator('#entries tbody tr');
  const apply = page.getByRole('button', { name: 'Apply' });
  await expect(summary).toHaveText(`${n} entries in the log · showing ${n} (page 1)`);
  await expectSeqs(page, seqsOf(records));
  const bob = byAction(queued[1]?.id);
  const bobRow = page.locator(`#entries tbody tr[data-seq="${bob.seq}"]`);
  await expect(bobRow.locator('td').nth(2)).toHaveText('follow_member');
  await expect(bobRow.locator('td').nth(4)).toHaveText('succeeded');
  await expect(bobRow.locator('td').nth(6)).toHaveText('ops@example.com');
  await expect(page.locator(`#entries tbody tr[data-seq="${byAction(queued[2]?.id).seq}"] td`).nth(4)).toHaveText(
    'failed · not_found',
  );

  // Filters: type, status, text, and combinations.
  await page.getByLabel('Type').selectOption('follow_member');
  await apply.click();
  await expectSeqs(page, seqsOf(records.filter((r) => r.type === 'follow_member')));
  await page.getByLabel('Status').selectOption('failed');
  await apply.click();
  await expectSeqs(page, [byAction(queued[2]?.id).seq]);
  await page.getByLabel('Type').selectOption('save');
  await apply.click();
  await expect(rows).toHaveCount(0);
  await page.getByLabel('Type').selectOption('');
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Search').fill('OPS@example');
  await apply.click();
  await expectSeqs(page, [bob.seq]);
  await page.getByLabel('Search').fill('invalid_ACTION');
  await page.getByLabel('Status').selectOption('refused');
  await apply.click();
  await expectSeqs(page, [byAction(queued[4]?.id).seq]);
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Status').selectOption('');
  await apply.click();
  await expectSeqs(page, seqsOf(records));

  // Chain: intact, then one entry edited behind the extension's back.
  const verifyResult = page.locator('#verify-result');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(verifyResult).toHaveText(`Chain intact: ${n} entries verified.`);
  await expect(verifyResult).toHaveClass('ok');
  const head = records.at(-1);
  await expect(page.locator('#chain-head')).toHaveText(
    `Newest entry #${head?.seq} has hash ${head?.hash}. Note it: checking a later export against it (npm run verify-audit -- <file> --anchor <hash>) proves nothing up to this entry changed.`,
  );
  await screenshot(page, 'audit.png');
  // A complete JSON export carries the chain, so it verifies outside the browser too.
  const intact = JSON.parse((await download(page, 'Export JSON')).text) as ExportedEntry[];
  expect(verifyExport(intact)).toEqual({
    checked: n,
    altered: null,
    gaps: [],
    complete: true,
    head: { seq: head?.seq, hash: head?.hash },
  });

  await putAuditRecords(harness, [{ ...bob, message: `${bob.message} (edited)` }]);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(verifyResult).toHaveText(
    `Chain broken at entry #${bob.seq}: entry content does not match its hash (it was altered).`,
  );
  await expect(verifyResult).toHaveClass('bad');
  await expect(page.locator('#chain-head')).toHaveText('');

  // Date range: move the two oldest entries two days back (append order stays time order).
  const firstAt = records[0]?.at ?? 0;
  const latestAt = records.at(-1)?.at ?? 0;
  const oldest = records.slice(0, 2).map((r) => ({ ...r, at: firstAt - 2 * DAY_MS }));
  await putAuditRecords(harness, oldest);
  records = await auditRecords(harness);
  const oldDay = localDay(firstAt - 2 * DAY_MS);
  const today = localDay(latestAt);
  const yesterday = localDay(latestAt - DAY_MS);
  const inRange = (from: string, to: string) => {
    const lo = dayBounds(from).start;
    const hi = dayBounds(to).end;
    return seqsOf(records.filter((r) => r.at >= lo && r.at <= hi));
  };
  await page.getByLabel('From').fill(oldDay);
  await page.getByLabel('To').fill(oldDay);
  await apply.click();
  await expectSeqs(page, inRange(oldDay, oldDay));
  expect(inRange(oldDay, oldDay)).toEqual([oldest[1]?.seq, oldest[0]?.seq]);
  await page.getByLabel('From').fill(today);
  await page.getByLabel('To').fill(today);
  await apply.click();
  await expectSeqs(page, inRange(today, today));
  expect(inRange(today, today).length).toBeGreaterThan(0);
  await page.getByLabel('From').fill('');
  await page.getByLabel('To').fill(yesterday);
  await apply.click();
  await expectSeqs(page, inRange('1970-01-02', yesterday));
  expect(inRange('1970-01-02', yesterday)).toEqual([oldest[1]?.seq, oldest[0]?.seq]);

  // Enough entries for several pages and more than one 2000-row export chunk.
  const base = Date.now();
  const bulk: Array<Omit<AuditRecord, 'seq'>> = Array.from({ length: 2150 }, (_, i) => ({
    at: base + i,
    actionId: `bulk_${i}`,
    type: i % 2 ? 'react' : 'comment',
    bucket: i % 2 ? 'reactions' : 'comments',
    paramsSummary: `post=urn:li:activity:${7000 + i}`,
    idempotencyKey: `key-${i}`,
    requestedBy: i % 3 ? { principal: `user_${i % 7}`, requestId: `r${i}` } : null,
    startedAt: base + i - 5,
    finishedAt: base + i,
    status: i % 5 ? 'succeeded' : 'failed',
    code: i % 5 ? null : 'linkedin_error',
    message: i % 11 ? `ok ${i}` : `a "quoted", multi-line\r\nmessage ${i}`,
    httpStatus: i % 5 ? 200 : 500,
    mutated: i % 5 !== 0,
    linkedinRequests: 1 + (i % 3),
    account: 'urn:li:fsd_profile:bulk',
  }));
  await writeStore(await harness.worker(), 'audit', bulk, 'add');
  records = await auditRecords(harness);
  const total = records.length;
  expect(total).toBe(n + bulk.length);
  // Counts are shown in the user's number format (en-US here: 2,158).
  const shown = total.toLocaleString('en-US');
  const allSeqs = seqsOf(records);

  await page.getByLabel('To').fill('');
  await apply.click();
  await expect(summary).toHaveText(`${shown} entries in the log · showing 100 (page 1)`);
  await expectSeqs(page, allSeqs.slice(0, 100));
  await expect(page.getByRole('button', { name: 'Newer' })).toBeDisabled();
  await page.getByRole('button', { name: 'Older' }).click();
  await expect(summary).toHaveText(`${shown} entries in the log · showing 100 (page 2)`);
  await expectSeqs(page, allSeqs.slice(100, 200));
  await page.getByRole('button', { name: 'Newer' }).click();
  await expect(summary).toHaveText(`${shown} entries in the log · showing 100 (page 1)`);
  await expectSeqs(page, allSeqs.slice(0, 100));

  const newestFirst = [...records].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
  const csv = await download(page, 'Export CSV');
  expect(csv.file.suggestedFilename()).toMatch(/^audit-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.csv$/);
  await expect(summary).toHaveText(`Exported ${shown} rows as CSV.`);
  const table = parseCsv(csv.text);
  expect(table[0]).toEqual([...CSV_COLUMNS]);
  expect(table.length - 1).toBe(total);
  for (const [i, record] of newestFirst.entries()) {
    expect(table[i + 1], `CSV row ${i + 1} (seq ${record.seq})`).toEqual(
      CSV_COLUMNS.map((c) => expectedCsvCell(record, c)),
    );
  }

  const json = await download(page, 'Export JSON');
  expect(json.file.suggestedFilename()).toMatch(/\.json$/);
  await expect(summary).toHaveText(`Exported ${shown} rows as JSON.`);
  const exported = JSON.parse(json.text) as unknown[];
  expect(exported).toHaveLength(total);
  expect(exported).toEqual(newestFirst.map(expectedJsonRow));
  // The two oldest entries were moved in time, bob was edited and the bulk rows carry no hash.
  expect(verifyExport(exported as ExportedEntry[]).altered?.seq).toBe(records[0]?.seq);
});
