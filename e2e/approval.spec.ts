/**
 * Approval mode through the real extension: wordy actions wait in the popup
 * until the user approves them (nothing reaches LinkedIn meanwhile), run once
 * when approved (however often approved), are reported rejected_by_user or
 * lease_expired otherwise, and the approval state survives the worker's death
 * and a browser restart.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { extensionDir } from './build-extension';
import { readStore } from './extension-idb';
import { test, expect, E2E_SCALE } from './fixtures';
import { startHarness, type Harness } from './harness';
import type { AuditRecord } from '../src/store/db';

test.use({ harnessOptions: { approvalMode: true } });

const badge = async (harness: Harness): Promise<string> =>
  (await harness.worker()).evaluate(() => chrome.action.getBadgeText({}));

/** Requests for actions (everything but reading who is signed in). */
const actionRequests = (harness: Harness) =>
  harness.linkedin.requests.filter((r) => !/\/voyager\/api\/me\b/.test(r.path));

const approvalItems = (popup: Page) => popup.locator('#approval-list > li');

/** The README's screenshot of the queue, written only with UPDATE_SCREENSHOTS=1 (as e2e/ui.spec.ts does). */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(
    import.meta.dirname,
    process.env.UPDATE_SCREENSHOTS ? '../docs/screenshots' : '../test-results/screenshots',
  );
  mkdirSync(dir, { recursive: true });
  await page.locator('body').screenshot({ path: path.join(dir, name), animations: 'disabled' });
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a message waits with 0 LinkedIn requests until approved in the popup, then goes out once (double click, two popups)', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const friend = linkedin.addMember({ slug: 'margaret-h', distance: 1, firstName: 'Margaret', lastName: 'Hamilton' });
  // A follow first: no words, so it runs at once, and its lookup leaves the name in the cache.
  const follow = backend.enqueue({ type: 'follow_member', params: { profile: 'margaret-h' } });
  await backend.waitForFinal([follow.id], 20_000);
  const text = `Hello Margaret,\nhow is Apollo going? ${'More words. '.repeat(60)}`.trim();
  const message = backend.enqueue({ type: 'message', params: { profile: 'margaret-h', text } });

  await backend.waitFor(
    () => backend.heartbeats.some((h) => h.body.approvals?.pending === 1),
    20_000,
    'a heartbeat with one approval pending',
  );
  const before = actionRequests(harness).length;
  const popup = await harness.openPopup();
  await expect(approvalItems(popup)).toHaveCount(1);
  const item = approvalItems(popup).first();
  await expect(item.locator('.item-title')).toHaveText('Message to Margaret Hamilton (margaret-h)');
  // The exact text, in full.
  expect(await item.locator('.words').textContent()).toBe(text);
  await expect(item.locator('.when')).toContainText('If approved now');
  expect(await badge(harness)).toBe('1');
  const heartbeat = backend.heartbeats.findLast((h) => h.body.approvals?.pending === 1)?.body;
  expect(Date.parse(heartbeat?.approvals?.oldestAt ?? '')).toBeLessThanOrEqual(Date.now());
  // The double grants approval-mode leases to wordy types, as the server does.
  const leased = backend.actions().find((a) => a.id === message.id);
  expect(Date.parse(leased?.leaseExpiresAt ?? '') - Date.now()).toBeGreaterThan(3 * 3600_000);

  await new Promise((r) => setTimeout(r, 1500));
  expect(actionRequests(harness).length).toBe(before);
  expect(backend.finalResult(message.id)).toBeUndefined();

  // A second popup decides too, and a double click: one run.
  const second = await harness.openPopup();
  await expect(approvalItems(second)).toHaveCount(1);
  await Promise.all([
    item.getByRole('button', { name: 'Approve', exact: true }).dblclick({ force: true }),
    approvalItems(second).first().getByRole('button', { name: 'Approve', exact: true }).click(),
  ]);
  await backend.waitForFinal([message.id], 20_000);
  expect(backend.finalResult(message.id)).toMatchObject({ status: 'succeeded' });
  await new Promise((r) => setTimeout(r, 1000));
  expect(linkedin.state.messages.filter((m) => m.text === text)).toHaveLength(1);
  // The follow, then the message: nothing else was written.
  expect(linkedin.mutations()).toHaveLength(2);
  await expect(approvalItems(popup)).toHaveCount(0);
  await expect.poll(() => badge(harness)).toBe('');
  expect(friend.slug).toBe('margaret-h');

  const audit = await readStore<AuditRecord>(await harness.worker(), 'audit');
  const entry = audit.find((a) => a.actionId === message.id);
  expect(entry?.approval).toMatchObject({ decision: 'approved', by: 'local user (popup)' });
  expect(entry?.approval?.at).toBeLessThanOrEqual(entry?.startedAt ?? 0);
});

test('a rejected comment is reported rejected_by_user and never reaches LinkedIn', async ({ harness }) => {
  const { linkedin, backend } = harness;
  const post = linkedin.addPost();
  const comment = backend.enqueue({ type: 'comment', params: { post: post.threadUrn, text: 'Not in my name.' } });
  const popup = await harness.openPopup();
  await expect(approvalItems(popup)).toHaveCount(1);
  await expect(approvalItems(popup).first().locator('.words')).toHaveText('Not in my name.');
  await expect(popup.locator('#backend-queue')).toHaveText('0 waiting at the backend.');
  await screenshot(popup, 'popup-approval.png');
  await approvalItems(popup).first().getByRole('button', { name: 'Reject' }).click();
  await backend.waitForFinal([comment.id], 15_000);
  expect(backend.finalResult(comment.id)).toMatchObject({ status: 'refused', code: 'rejected_by_user' });
  await expect(popup.locator('#approval-result')).toHaveText('1 rejected.');
  expect(linkedin.mutations()).toHaveLength(0);
  const audit = await readStore<AuditRecord>(await harness.worker(), 'audit');
  expect(audit.find((a) => a.actionId === comment.id)?.approval).toMatchObject({ decision: 'rejected' });
});

test('an unapproved action whose lease runs out is reported lease_expired, once, and the notification is remembered', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  backend.config.approvalLeaseTtlMs = 4000;
  backend.config.leaseTtlMs = 4000;
  linkedin.addMember({ slug: 'ada-l', distance: 2 });
  const connect = backend.enqueue({ type: 'connect', params: { profile: 'ada-l', note: 'Hi Ada' } });
  const popup = await harness.openPopup();
  await expect(approvalItems(popup)).toHaveCount(1);
  await expect(approvalItems(popup).first().locator('.when')).toContainText('goes back unsent');
  // The worker sleeps through the expiry: the sweep runs when it wakes.
  await harness.stopServiceWorker();
  await backend.waitForFinal([connect.id], 20_000);
  expect(backend.finalResult(connect.id)).toMatchObject({ status: 'failed', code: 'lease_expired' });
  expect(backend.finalResult(connect.id)?.message).toMatch(/waited for the user's approval/);
  expect(linkedin.mutations()).toHaveLength(0);
  await expect(approvalItems(popup)).toHaveCount(0);
  const runtime = await (await harness.worker()).evaluate(
    async () => ((await chrome.storage.local.get('runtime')) as { runtime: Record<string, unknown> }).runtime,
  );
  expect(runtime['approvalExpiryNotified']).toBe(true);
  expect(backend.results.filter((r) => r.actionId === connect.id && r.body.code === 'lease_expired').length).toBe(1);
});

test('approve-all across a worker kill and a browser restart sends each once; actions without words run as before', async ({
  harness: first,
}) => {
  const { linkedin, backend } = first;
  const post = linkedin.addPost();
  const friends = Array.from({ length: 4 }, (_, i) => linkedin.addMember({ slug: `friend-${i}`, distance: 1 }));
  const messages = friends.map((f, i) =>
    backend.enqueue({ type: 'message', params: { profile: f.slug, text: `Hello friend ${i}` } }),
  );
  const save = backend.enqueue({ type: 'save', params: { post: post.threadUrn } });
  await backend.waitForFinal([save.id], 20_000);
  await backend.waitFor(
    () => backend.heartbeats.some((h) => h.body.approvals?.pending === messages.length),
    30_000,
    'all messages waiting',
  );
  expect(linkedin.mutations()).toHaveLength(1);

  // The queue survives a browser restart.
  await first.closeBrowser();
  const harness = await startHarness({
    extensionDir: extensionDir(E2E_SCALE),
    linkedin,
    backend,
    userDataDir: first.userDataDir,
    configure: false,
    signedIn: false,
  });
  try {
    const popup = await harness.openPopup();
    await expect(approvalItems(popup)).toHaveCount(messages.length);
    await expect.poll(() => badge(harness)).toBe(String(messages.length));
    await popup.getByRole('button', { name: `Approve all ${messages.length}` }).click();
    // The worker dies at once: maybe half-way through the approvals, maybe while the approved wait for their slots.
    await harness.stopServiceWorker();
    // Whatever still waits is approved again, as a user would; an approval that already counted changes nothing.
    const deadline = Date.now() + 60_000;
    while (messages.some((m) => !backend.finalResult(m.id)) && Date.now() < deadline) {
      const left = await approvalItems(popup).count();
      const button =
        left >= 2
          ? popup.getByRole('button', { name: `Approve all ${left}` })
          : approvalItems(popup).first().getByRole('button', { name: 'Approve', exact: true });
      if (left > 0) await button.click({ timeout: 2000 }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
    }
    await backend.waitForFinal(
      messages.map((m) => m.id),
      5_000,
    );
    // Approving again, late (a stale popup), changes nothing.
    const again = await popup.evaluate(
      (keys) => chrome.runtime.sendMessage({ type: 'approval/decide', decision: 'approve', keys }),
      messages.map((m) => m.idempotencyKey),
    );
    expect(again).toMatchObject({ ok: true, data: { outcome: { approved: 0, unchanged: messages.length } } });
    await new Promise((r) => setTimeout(r, 1500));
    for (const [i, m] of messages.entries()) {
      expect(backend.finalResult(m.id)).toMatchObject({ status: 'succeeded' });
      expect(linkedin.state.messages.filter((x) => x.text === `Hello friend ${i}`)).toHaveLength(1);
    }
    expect(linkedin.mutations()).toHaveLength(1 + messages.length);
  } finally {
    await harness.closeBrowser();
  }
});

test('the popup lists 25 actions in hand, waiting for approval first, with the count waiting at the backend', async ({
  harness,
}) => {
  const { linkedin, backend } = harness;
  const post = linkedin.addPost();
  for (let i = 0; i < 30; i++)
    backend.enqueue({ type: 'comment', params: { post: post.threadUrn, text: `Comment number ${i}` } });
  await backend.waitFor(
    () => backend.heartbeats.some((h) => h.body.approvals?.pending === 25),
    60_000,
    '25 comments waiting (the queue is full)',
  );
  const popup = await harness.openPopup();
  await expect(approvalItems(popup)).toHaveCount(25);
  await expect(approvalItems(popup).first().locator('.words')).toHaveText('Comment number 0');
  await expect(popup.locator('#backend-queue')).toHaveText('5 waiting at the backend.');
  await expect(popup.getByRole('button', { name: 'Approve all 25' })).toBeVisible();
  // A full queue leases no more wordy actions: the lease after the queue filled (the one that filled
  // it may be the last seen so far) leaves comments out.
  await backend.waitFor(
    () => {
      const accept = backend.leases.at(-1)?.body.accept;
      return accept !== undefined && !accept.includes('comment');
    },
    30_000,
    'a lease that leaves comments out',
  );
  expect(linkedin.mutations()).toHaveLength(0);
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    expect(await violations(popup), scheme).toEqual([]);
  }
});

test('approved actions wait in hand for their slot, listed with when each goes out', async ({ harness }) => {
  const { linkedin, backend } = harness;
  const options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/src/ui/options/index.html`);
  await expect(options.getByLabel('Ask me before sending words in my name')).toBeChecked();
  // 1800 s between writes: 18–36 s in this build, so the second approved comment waits in hand.
  await options.getByLabel('Seconds between actions').fill('1800');
  await options.getByRole('button', { name: 'Apply safety settings' }).click();
  await expect(options.getByText('Safety settings applied.')).toBeVisible();
  const post = linkedin.addPost();
  const comments = [0, 1].map((i) =>
    backend.enqueue({ type: 'comment', params: { post: post.threadUrn, text: `Spaced comment ${i}` } }),
  );
  const popup = await harness.openPopup();
  await expect(approvalItems(popup)).toHaveCount(2);
  await popup.getByRole('button', { name: 'Approve all 2' }).click();
  await backend.waitForFinal([comments[0]?.id ?? ''], 20_000);
  const inHand = popup.locator('#in-hand > li');
  await expect(inHand).toHaveCount(1);
  await expect(inHand.first().locator('.item-title')).toHaveText(`Comment on ${post.threadUrn}`);
  await expect(inHand.first().locator('.words')).toHaveText('Spaced comment 1');
  await expect(inHand.first().locator('.when')).toHaveText(/^Approved · goes out not before \d{2}:\d{2}/);
  expect(backend.finalResult(comments[1]?.id ?? '')).toBeUndefined();
  expect(linkedin.mutations()).toHaveLength(1);
  // Not handed back to the backend meanwhile: it stays approved, in hand, and goes out once.
  await backend.waitForFinal([comments[1]?.id ?? ''], 45_000);
  expect(backend.results.filter((r) => r.body.status === 'deferred')).toHaveLength(0);
  expect(linkedin.mutations()).toHaveLength(2);
});
