/** The one Playwright fixture: a fresh browser + doubles per test, at a chosen time scale. */
import { test as base } from '@playwright/test';
import { extensionDir } from './build-extension';
import { startHarness, type Harness, type HarnessOptions } from './harness';

/** The e2e build's time scale: 30 s spacing lasts 0.3 s, a day 864 s. */
export const E2E_SCALE = 100;
/** A faster build for waiting out a 24 h pause (17 s) in one test. */
export const FAST_SCALE = 5000;
export const SCALES = [E2E_SCALE, FAST_SCALE];

export const test = base.extend<{ scale: number; harnessOptions: Partial<HarnessOptions>; harness: Harness }>({
  scale: [E2E_SCALE, { option: true }],
  harnessOptions: [{}, { option: true }],
  harness: async ({ scale, harnessOptions }, use) => {
    const harness = await startHarness({ extensionDir: extensionDir(scale), ...harnessOptions });
    await use(harness);
    await harness.close();
  },
});

export { expect } from '@playwright/test';

/** Nominal milliseconds as a build of this scale experiences them. */
export const scaledMs = (ms: number, scale: number = E2E_SCALE) => ms / scale;
