/** Reads the enterprise policy from `storage.managed` (read-only to the extension; set by Chromium policy). */
import browser from 'webextension-polyfill';
import { parsePolicy, type ParsedPolicy } from './managed';

export async function loadPolicy(): Promise<ParsedPolicy> {
  let raw: unknown = {};
  try {
    raw = await browser.storage.managed.get();
  } catch {
    // No managed storage here (a browser without policy support, or a build without managed_schema): no policy.
  }
  return parsePolicy(raw);
}
