/**
 * The store listing's images, taken from the store package as the e2e loads it
 * (store-package.spec.ts): 1280×800 screenshots of the popup (active, security challenge, approval queue),
 * the options and the audit pages, and the 440×280 promo tile. A real-time build (time
 * scale 1): true countdowns, no "Test build" notice. Into test-results/store-listing/, or
 * into store/ with STORE_LISTING=1 (npm run listing), so an ordinary run leaves the tree clean.
 * One entry per screenshot: a new state (e.g. the approval queue) is one more entry in SHOTS.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PROMO_TILE, SCREENSHOT, promoTileHtml, screenshotFrameHtml } from '../packaging/listing';
import { expect } from './fixtures';
import type { Harness } from './harness';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = process.env.STORE_LISTING ? path.join(ROOT, 'store') : path.join(ROOT, 'test-results/store-listing');

interface Shot {
  file: string;
  /** A popup is framed with a caption; a page is captured as the 1280×800 window shows it. */
  kind: 'popup' | 'page';
  caption: string;
  detail: string;
  /** Which browser: the working one, or the one LinkedIn challenged. */
  browser: 'working' | 'challenged' | 'approving';
  open(h: Harness): Promise<Page>;
}

export const SHOTS: Shot[] = [
  {
    file: 'popup-active.png',
    kind: 'popup',
    browser: 'working',
    caption: 'Your queue, carried out safely',
    detail:
      'Actions your backend queued run in your own signed-in browser, one at a time, within daily and weekly limits you can lower.',
    async open(h) {
      const popup = await h.openPopup();
      await expect(popup.locator('#banner')).toHaveText('Active');
      await expect(popup.locator('#recent li')).toHaveCount(3);
      const follows = popup.locator('#limits tr', { hasText: 'follows / day' });
      await expect(follows.locator('.resets')).toHaveText(/^resets in 23h\u00a0\d+m/);
      return popup;
    },
  },
  {
    file: 'popup-challenge.png',
    kind: 'popup',
    browser: 'challenged',
    caption: 'Stops at the first sign of trouble',
    detail: 'A LinkedIn security check pauses everything for 24 hours, tells you, and counts down in the popup.',
    async open(h) {
      const popup = await h.openPopup();
      await expect(popup.locator('#banner')).toHaveText(/^Paused \(LinkedIn security challenge\) · resumes in 2\dh/);
      return popup;
    },
  },
  {
    file: 'popup-approval.png',
    kind: 'popup',
    browser: 'approving',
    caption: 'Nothing said in your name without you',
    detail: 'Messages, comments and notes wait in the popup, word for word, until you approve or reject them.',
    async open(h) {
      const popup = await h.openPopup();
      await expect(popup.locator('#approval-list > li')).toHaveCount(1);
      return popup;
    },
  },
  {
    file: 'options.png',
    kind: 'page',
    browser: 'working',
    caption: '',
    detail: '',
    async open(h) {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/src/ui/options/index.html`);
      await expect(page.getByLabel('Backend URL')).toHaveValue(h.backend.url);
      return page;
    },
  },
  {
    file: 'audit.png',
    kind: 'page',
    browser: 'working',
    caption: '',
    detail: '',
    async open(h) {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/src/ui/audit/index.html`);
      await expect(page.locator('tbody tr')).toHaveCount(3);
      return page;
    },
  },
];

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function capture(shot: Shot, h: Harness): Promise<Buffer> {
  const page = await shot.open(h);
  await page.setViewportSize(SCREENSHOT);
  if (shot.kind === 'page') return page.screenshot({ animations: 'disabled' });
  const popup = await page.locator('body').screenshot({ animations: 'disabled' });
  const frame = await h.context.newPage();
  await frame.setViewportSize(SCREENSHOT);
  await frame.setContent(
    screenshotFrameHtml({
      caption: shot.caption,
      detail: shot.detail,
      pngBase64: popup.toString('base64'),
      cssWidth: 380,
    }),
  );
  return frame.screenshot({ animations: 'disabled' });
}

/** Takes every screenshot and the promo tile; `browsers` are the states SHOTS name, already reached. */
export async function renderListing(browsers: Record<Shot['browser'], Harness>): Promise<string[]> {
  mkdirSync(path.join(OUT, 'screenshots'), { recursive: true });
  const written: string[] = [];
  for (const shot of SHOTS) {
    const png = await capture(shot, browsers[shot.browser]);
    expect(pngSize(png), shot.file).toEqual(SCREENSHOT);
    writeFileSync(path.join(OUT, 'screenshots', shot.file), png);
    written.push(path.join(OUT, 'screenshots', shot.file));
  }
  const tile = await browsers.working.context.newPage();
  await tile.setViewportSize(PROMO_TILE);
  const icon = readFileSync(path.join(ROOT, 'public/icons/icon-128.png')).toString('base64');
  await tile.setContent(promoTileHtml({ name: 'Outbound Executor', iconBase64: icon }));
  const png = await tile.screenshot();
  expect(pngSize(png)).toEqual(PROMO_TILE);
  writeFileSync(path.join(OUT, 'promo-tile.png'), png);
  written.push(path.join(OUT, 'promo-tile.png'));
  return written;
}
