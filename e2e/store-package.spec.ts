/**
 * The Chrome Web Store upload, as a user would get it: `npm run package` (production build,
 * self-check on the zip's own contents), the zip unpacked into a fresh folder and loaded in
 * Chromium. Its service worker starts, the popup and the privacy page render, it works
 * against the backend, and it is a real build: no fixed id, no "Test build" notice.
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
import { startHarness } from './harness';

const ROOT = path.resolve(import.meta.dirname, '..');

test('npm run package: the zip passes its self-check, loads in Chromium from its contents and runs', async () => {
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
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.version).toBe(pkg.version);
  expect(manifest).not.toHaveProperty('key');
  expect(files.filter((f) => /\.map$|\.(test|spec)\./.test(f.path))).toEqual([]);

  const harness = await startHarness({ extensionDir: dir });
  try {
    // Without `key`, Chromium derives the id from the folder: not the dev/test id.
    expect(harness.extensionId).not.toBe(extensionIdFromKey(DEV_PUBLIC_KEY));
    const popup = await harness.openPopup();
    await expect(popup.locator('#banner')).toHaveText('Active');
    await expect(popup.locator('#backend')).toHaveText(harness.backend.url);
    await expect(popup.locator('#scaled-build')).toBeHidden();
    await harness.backend.waitFor(() => harness.backend.heartbeats.length > 0, 15_000, 'a heartbeat');
    // One real action through the production build (its first write needs no spacing wait).
    harness.linkedin.addMember({ slug: 'store-example', distance: 2 });
    const action = harness.backend.enqueue({ type: 'follow_member', params: { profile: 'store-example' } });
    await harness.backend.waitForFinal([action.id], 30_000);
    expect(harness.backend.finalResult(action.id)?.status).toBe('succeeded');

    const privacy = await harness.context.newPage();
    await privacy.goto(`chrome-extension://${harness.extensionId}/src/ui/privacy/index.html`);
    await expect(privacy.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
    await expect(privacy.getByRole('heading', { name: 'How to delete it' })).toBeVisible();
  } finally {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
