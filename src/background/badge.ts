/** The toolbar badge: how many actions wait for the user's approval, counted from storage. */
import browser from 'webextension-polyfill';
import { countAwaitingApproval } from '../store/approvals';

let shown: string | null = null;

export async function showApprovalBadge(pending: number): Promise<void> {
  const text = pending > 0 ? String(Math.min(pending, 999)) : '';
  // A restarted worker does not know what the badge says: the first call always sets it.
  if (text === shown) return;
  try {
    await browser.action.setBadgeText({ text });
    if (text) await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
    shown = text;
  } catch (error) {
    console.warn('[executor] badge update failed', error);
  }
}

/** Recomputed from IndexedDB, never from memory, so it is right after a worker restart. */
export async function refreshApprovalBadge(): Promise<number> {
  const pending = await countAwaitingApproval();
  await showApprovalBadge(pending);
  return pending;
}
