/**
 * Launches real Chromium with the built extension, a LinkedIn double reached
 * as https://www.linkedin.com and a protocol backend on loopback. Shared by
 * the Playwright fixture, the demo and the benchmark.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBackendDouble, type BackendDouble } from './doubles/backend/server';
import { startLinkedInDouble, type LinkedInDouble } from './doubles/linkedin/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface HarnessOptions {
  extensionDir: string;
  headed?: boolean;
  signedIn?: boolean;
  configure?: boolean;
  /**
   * The answer to "may a LinkedIn tab be opened in the background?", stored before `configure`.
   * Most tests answer yes (as a user who allowed it); null leaves it unasked, as on a new install.
   */
  backgroundTab?: boolean | null;
  /**
   * "Ask me before sending words in my name" (on for a new install). Tests written before approval
   * mode get false (the default here, stored with `configure` as `backgroundTab` is); true turns it on;
   * null leaves it unstored, as on a new install.
   */
  approvalMode?: boolean | null;
  /** Reuse doubles (e.g. across a browser restart). */
  linkedin?: LinkedInDouble;
  backend?: BackendDouble;
  userDataDir?: string;
  /** The browser's UI language (chrome.i18n picks the extension's locale from it). */
  locale?: string;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  linkedin: LinkedInDouble;
  backend: BackendDouble;
  userDataDir: string;
  worker(): Promise<Worker>;
  configure(values?: { backendUrl?: string; token?: string }): Promise<Page>;
  openPopup(): Promise<Page>;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  /** Stops the extension's service worker, as Chrome does when it is idle (MV3). */
  stopServiceWorker(): Promise<void>;
  /** Closes the browser only (doubles and profile stay). */
  closeBrowser(): Promise<void>;
  close(): Promise<void>;
}

export function chromiumArgs(extensionDir: string, linkedin: LinkedInDouble): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    `--host-resolver-rules=MAP www.linkedin.com 127.0.0.1:${linkedin.port}, MAP linkedin.com 127.0.0.1:${linkedin.port}`,
    `--ignore-certificate-errors-spki-list=${linkedin.spkiHash}`,
  ];
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const linkedin = opts.linkedin ?? (await startLinkedInDouble());
  const backend = opts.backend ?? (await startBackendDouble());
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'oe-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: !opts.headed,
    args: [
      ...chromiumArgs(path.resolve(opts.extensionDir), linkedin),
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
    ],
    viewport: { width: 1280, height: 800 },
    // Chromium on Linux takes its UI language from LANGUAGE; --lang alone is not enough.
    ...(opts.locale ? { locale: opts.locale, env: { ...process.env, LANGUAGE: opts.locale.replace('-', '_') } } : {}),
  });
  const worker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = new URL((await worker()).url()).host;

  const harness: Harness = {
    context,
    extensionId,
    linkedin,
    backend,
    userDataDir,
    worker,
    async configure(values = {}) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
      await page.getByLabel('Backend URL').fill(values.backendUrl ?? backend.url);
      await page.getByLabel('Executor token').fill(values.token ?? backend.token);
      await page.getByRole('button', { name: 'Save' }).click();
      return page;
    },
    async openPopup() {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
      return page;
    },
    async signIn() {
      // Persistent cookies (with an expiry), so a browser restart keeps the session, as LinkedIn's do.
      const expires = Math.floor(Date.now() / 1000) + 30 * 86400;
      await context.addCookies([
        {
          name: 'li_at',
          value: linkedin.session.liAt,
          domain: '.www.linkedin.com',
          path: '/',
          secure: true,
          httpOnly: true,
          sameSite: 'None',
          expires,
        },
        {
          name: 'JSESSIONID',
          value: `"${linkedin.session.jsessionId}"`,
          domain: '.www.linkedin.com',
          path: '/',
          secure: true,
          sameSite: 'None',
          expires,
        },
        // A locale, as real LinkedIn tabs have (D1: x-li-lang comes from it).
        {
          name: 'lang',
          value: 'v=2&lang=en-us',
          domain: '.www.linkedin.com',
          path: '/',
          secure: true,
          sameSite: 'None',
          expires,
        },
      ]);
    },
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async signOut() {
      await context.clearCookies({ name: 'li_at' });
    },
    async closeBrowser() {
      await context.close();
    },
    async close() {
      await context.close().catch(() => undefined);
      if (!opts.linkedin) await linkedin.close();
      if (!opts.backend) await backend.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  const backgroundTab = opts.backgroundTab === undefined ? true : opts.backgroundTab;
  const approvalMode = opts.approvalMode === undefined ? false : opts.approvalMode;
  const patch: Record<string, boolean> = {};
  // With configure, or when asked for: a test that configures by itself otherwise starts from no stored settings at all.
  if (backgroundTab !== null && ((opts.configure ?? true) || opts.backgroundTab !== undefined))
    patch['allowBackgroundTab'] = backgroundTab;
  if (approvalMode !== null && ((opts.configure ?? true) || opts.approvalMode !== undefined))
    patch['approvalMode'] = approvalMode;
  if (Object.keys(patch).length > 0) {
    // Through the worker's own settings lock, before the backend is configured: the first pass already knows.
    await (await worker()).evaluate(async (values) => {
      await navigator.locks.request('settings', async () => {
        const stored =
          ((await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> }).settings ?? {};
        await chrome.storage.local.set({ settings: { ...stored, ...values } });
      });
    }, patch);
  }
  if (opts.signedIn ?? true) await harness.signIn();
  if (opts.configure ?? true) {
    const page = await harness.configure();
    await page.getByText('Saved.').waitFor();
    await page.close();
  }
  return harness;
}
