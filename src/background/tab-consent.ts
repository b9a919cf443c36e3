/**
 * The user's consent to a background LinkedIn tab. Asked by the transport
 * only when a tab is missing; an unanswered question counts as "no" and is
 * flagged, so the popup asks it once.
 */
import { loadSettings } from '../settings/store';
import { updateRuntime } from './runtime';

export async function mayOpenBackgroundTab(): Promise<boolean> {
  const { allowBackgroundTab } = await loadSettings();
  if (allowBackgroundTab === null)
    await updateRuntime((r) => (r.backgroundTabWanted ? {} : { backgroundTabWanted: true }));
  return allowBackgroundTab === true;
}
