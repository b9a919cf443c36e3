/**
 * "Reset local data": forgets the settings (backend URL, token, limits,
 * working hours), the account binding and the caches. Kept on purpose:
 * - the audit log, which the limits are counted from (a reset must not reset the caps)
 *   and which is the tamper-evident record;
 * - pauses, the invitation-limit closure and backoff (a reset must not lift a challenge pause);
 * - jobs and undelivered results (a reset must never lose a result or re-run an action).
 */
import browser from 'webextension-polyfill';
import { runtimeSchema } from './runtime';
import { openDb } from '../store/db';

export async function resetLocalData(): Promise<void> {
  const db = await openDb();
  await db.clear('cache');
  const { runtime } = await browser.storage.local.get('runtime');
  const current = runtimeSchema.parse(runtime ?? {});
  const kept = runtimeSchema.parse({
    executorId: current.executorId,
    pause: current.pause,
    closedUntil: current.closedUntil,
    rateLimitLevel: current.rateLimitLevel,
    lastMutationAt: current.lastMutationAt,
    jitter: current.jitter,
  });
  await browser.storage.local.clear();
  await browser.storage.local.set({ runtime: kept });
}
