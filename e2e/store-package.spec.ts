/**
 * The Chrome Web Store upload, as a user would get it: `npm run package` (production build,
 * self-check on the zip's own contents), the zip unpacked into a fresh folder and loaded in
 * Chromium. Its service worker starts, the popup and the privacy page render, it carries out
 * actions against the doubles, and it is a real build: no fixed id, no "Test build" notice.
 * The store listing's images are taken from it on the way (store-listing.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pkg from '../package.json' with { type: 'json' };
import { DEV_PUBLIC_KEY } from '../packaging/dev-key';
import { extensionIdFromKey } from '../packaging/extension-id';
import { unzipFiles } from '../packaging/zip';
import { expect, test } from './fixtures';
import { startHarness, type Harness } from './harness';
import { renderListing } from './store-listing';

const ROOT = path.resolve(import.meta.dirname, '..');

/** `npm run package`, then the zip's contents written into a fresh folder. */
function packageAndUnzip(): string {
  const env = { ...process.env };
  delete env.EXECUTOR_TIME_SCALE;
  const out = execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, env, encoding: 'utf8' });
  expect(out).toMatch(/self-check passed: \d+ files/);
  const zipPath = path.join(ROOT, 'release', `outbound-executor-${pkg.version}.zip`);
  expect(out.trim().split('\n').at(-1)).toBe(path.relative(ROOT, zipPath));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oe-store-zip-'));
  const files = unzipFiles(new Uint8Array(readFileSync(zipPath)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.bytes);
  }
  expect(files.filter((f) => /\.map$|\.(test|spec)\./.test(f.path))).toEqual([]);
  return dir;
}

test('npm run package: the zip passes its self-check, loads in Chromium from its contents and runs; listing images', async () => {
  const dir = packageAndUnzip();
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.version).toBe(pkg.version);
  expect(manifest).not.toHaveProperty('key');
  const harnesses: Harness[] = [];
  try {
    // Queued before the backend is configured, so the first lease sees all three. A real-time
    // build spaces writes 30–60 s apart: one write, after a message refused because Bob is not
    // a connection and a profile that does not exist (neither sends anything to LinkedIn).
    // Approval mode off (as a user who turned it off): this test is about the package, not approval.
    const working = await startHarness({
      extensionDir: dir,
      configure: false,
      backgroundTab: true,
      approvalMode: false,
    });
    harnesses.push(working);
    // Without `key`, Chromium derives the id from the folder: not the dev/test id.
    expect(working.extensionId).not.toBe(extensionIdFromKey(DEV_PUBLIC_KEY));
    const { linkedin, backend } = working;
    linkedin.addMember({ slug: 'alice-example', distance: 2 });
    linkedin.addMember({ slug: 'bob-example', distance: 2 });
    const [message, missing, follow] = [
      backend.enqueue({ type: 'message', params: { profile: 'bob-example', text: 'Hello Bob' } }),
      backend.enqueue({ type: 'follow_member', params: { profile: 'nobody-here-404' } }),
      backend.enqueue({ type: 'follow_member', params: { profile: 'alice-example' } }),
    ];
    await (await working.configure()).close();
    await backend.waitForFinal([message.id, missing.id, follow.id], 30_000);
    expect(backend.finalResult(message.id)).toMatchObject({ status: 'refused', code: 'not_connected' });
    expect(backend.finalResult(missing.id)).toMatchObject({ status: 'failed', code: 'not_found' });
    expect(backend.finalResult(follow.id)?.status).toBe('succeeded');
    expect(backend.heartbeats.at(-1)?.body.state).toBe('active');

    const popup = await working.openPopup();
    await expect(popup.locator('#banner')).toHaveText('Active');
    await expect(popup.locator('#backend')).toHaveText(backend.url);
    await expect(popup.locator('#scaled-build')).toBeHidden();
    const privacy = await working.context.newPage();
    await privacy.goto(`chrome-extension://${working.extensionId}/src/ui/privacy/index.html`);
    await expect(privacy.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
    await expect(privacy.getByRole('heading', { name: 'How to delete it' })).toBeVisible();

    // A second browser, from the same folder, whose first write meets a LinkedIn security check.
    const challenged = await startHarness({ extensionDir: dir });
    harnesses.push(challenged);
    challenged.linkedin.addMember({ slug: 'carol-example', distance: 2 });
    challenged.linkedin.fail({ kind: 'status999' }, { match: (r) => r.method === 'POST', times: 1 });
    const stopped = challenged.backend.enqueue({ type: 'follow_member', params: { profile: 'carol-example' } });
    await challenged.backend.waitFor(
      () => challenged.backend.results.some((r) => r.actionId === stopped.id),
      30_000,
      'the challenged result',
    );
    // A third, in approval mode (as a new install is): a message waits for the user's word.
    const approving = await startHarness({ extensionDir: dir, approvalMode: true });
    harnesses.push(approving);
    approving.linkedin.addMember({ slug: 'dana-example', distance: 1, firstName: 'Dana', lastName: 'Example' });
    const waiting = approving.backend.enqueue({
      type: 'message',
      params: { profile: 'dana-example', text: 'Hi Dana, thanks for the talk yesterday. Could we continue next week?' },
    });
    await approving.backend.waitFor(
      () => approving.backend.leases.some((l) => l.actionIds.includes(waiting.id)),
      30_000,
      'the message leased',
    );
    expect((await renderListing({ working, challenged, approving })).length).toBe(6);
    expect(approving.linkedin.requests.filter((r) => r.method === 'POST')).toEqual([]);
  } finally {
    for (const h of harnesses) await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
