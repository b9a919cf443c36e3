/** The worker's last status view, as it left it in chrome.storage.session: a first paint without waking it. */
import browser from 'webextension-polyfill';
import type { StatusView } from '../../shared/messages';
import { statusViewSchema } from '../../shared/replies';
import { STATUS_SNAPSHOT_KEY } from '../../shared/status-snapshot';

/** A stored snapshot (or a changed value of it), if it is a valid status view. */
export function parseSnapshot(value: unknown): StatusView | null {
  const parsed = statusViewSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export async function readStatusSnapshot(): Promise<StatusView | null> {
  return parseSnapshot((await browser.storage.session.get(STATUS_SNAPSHOT_KEY))[STATUS_SNAPSHOT_KEY]);
}
