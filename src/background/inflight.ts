/**
 * Writes in flight, per job, in chrome.storage.session. A worker killed
 * mid-write does not stop the fetch running in the linkedin.com tab: it
 * may land after a restarted worker has read LinkedIn back, and a read-back
 * that early would wrongly say "not done". The marker holds the moment the
 * write's own timeout ends it; until then, reconciliation waits. Session
 * storage is cleared when the browser closes, and so is the tab: after a
 * browser restart there is nothing to wait for.
 */
import browser from 'webextension-polyfill';

const key = (jobKey: string) => `inflight:${jobKey}`;
/** Slack for the tab to notice its abort and the server to finish. */
const SETTLE_MS = 1000;

export async function markInFlight(jobKey: string, until: number): Promise<void> {
  await browser.storage.session.set({ [key(jobKey)]: until + SETTLE_MS });
}

export async function clearInFlight(jobKey: string): Promise<void> {
  await browser.storage.session.remove(key(jobKey));
}

/** When a possibly still running write of this job is surely over (null: nothing in flight). */
export async function inFlightUntil(jobKey: string, now: number): Promise<number | null> {
  const value = (await browser.storage.session.get(key(jobKey)))[key(jobKey)];
  return typeof value === 'number' && value > now ? value : null;
}
