/** Delivers queued results, oldest first, until the backend is unreachable. */
import type { BackendClient } from '../backend/client';
import { dueOutbox, earliestOutboxAttempt, removeOutbox, rescheduleOutbox } from '../store/outbox';
import { backoffMs } from './backoff';
import { wakeAt } from './wake';

export async function deliverOutbox(backend: BackendClient, now: () => number): Promise<'ok' | 'auth' | 'pending'> {
  for (const entry of await dueOutbox(now())) {
    const seq = entry.seq as number;
    const answer = await backend.reportResult(entry.actionId, entry.result);
    if (answer.kind === 'ok' || answer.kind === 'conflict') {
      await removeOutbox(seq);
      continue;
    }
    if (answer.kind === 'auth') return 'auth';
    // Never dropped: 5xx, timeouts and even unexpected 4xx are retried with backoff.
    await rescheduleOutbox(seq, now() + backoffMs(entry.attempts + 1), answer.error);
    if (answer.kind === 'transient') break;
  }
  const next = await earliestOutboxAttempt();
  if (next === null) return 'ok';
  await wakeAt(next);
  return 'pending';
}
