import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  // Each test launches its own Chromium; the machine has 2 cores.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // One retry, so a timing accident of a loaded machine does not hide a working build; a test
  // that passes only on its retry is listed as "flaky" and is treated as a bug to fix.
  retries: 1,
  reporter: [['list']],
  outputDir: 'test-results',
});
