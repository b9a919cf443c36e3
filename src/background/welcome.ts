/**
 * First run: the getting-started page opens once per install, unless the extension arrived
 * already configured. Remembered in storage, because Chromium reports `install` again for an
 * extension loaded from the command line each time the browser starts.
 */
import browser from 'webextension-polyfill';
import { isConfigured, loadSettings } from '../settings/store';

export const WELCOME_PAGE = 'src/ui/welcome/index.html';
const SHOWN_KEY = 'welcomeShownAt';

export async function openWelcome(now: number): Promise<void> {
  if ((await browser.storage.local.get(SHOWN_KEY))[SHOWN_KEY] !== undefined) return;
  await browser.storage.local.set({ [SHOWN_KEY]: now });
  // Configured at install (an administrator's policy): there is nothing for the user to set up.
  if (isConfigured(await loadSettings())) return;
  // An extension page of our own, opened by the install the user just made (needs no `tabs` permission).
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}
