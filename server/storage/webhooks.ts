/** SQL for webhook deliveries: a durable outbox claimed with SKIP LOCKED. */
import type { Queryable } from './db';
import type { DeliveryRow } from './rows';

/**
 * Turns flagged final actions into deliveries (for those whose action or
 * workspace has a callback URL) and clears the flags, in one statement;
 * SKIP LOCKED lets replicas do this side by side.
 */
export async function promoteFinalActions(q: Queryable, now: Date, limit: number): Promise<number> {
  const rows = await q.query<{ id: string }>(
    `WITH picked AS (
       UPDATE actions SET webhook_pending = false
       WHERE id IN (SELECT id FROM actions WHERE webhook_pending ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, workspace_id, callback_url)
     INSERT INTO webhook_deliveries (id, action_id, workspace_id, url, state, next_at, created_at)
     SELECT gen_random_uuid()::text, p.id, p.workspace_id, COALESCE(p.callback_url, w.callback_url), 'pending', $1, $1
     FROM picked p JOIN workspaces w ON w.id = p.workspace_id
     WHERE COALESCE(p.callback_url, w.callback_url) IS NOT NULL
     RETURNING id`,
    [now, limit],
  );
  return rows.length;
}

/**
 * Claims due deliveries for `lockMs`: a replica that dies mid-delivery lets
 * the claim run out and another (or itself, restarted) picks it up.
 */
export async function claimDueDeliveries(
  q: Queryable,
  now: Date,
  lockUntil: Date,
  limit: number,
): Promise<DeliveryRow[]> {
  return q.query<DeliveryRow>(
    `UPDATE webhook_deliveries SET locked_until = $2 WHERE id IN (
       SELECT id FROM webhook_deliveries WHERE state = 'pending' AND next_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
       ORDER BY next_at LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, action_id, workspace_id, url, attempts, state, next_at, created_at`,
    [now, lockUntil, limit],
  );
}

export async function markDelivered(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(
    `UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, delivered_at = $2, locked_until = NULL WHERE id = $1`,
    [id, now],
  );
}

/** A failed attempt: retry at `nextAt`, or give up (`nextAt` null). */
export async function markAttemptFailed(q: Queryable, id: string, error: string, nextAt: Date | null): Promise<void> {
  await q.query(
    `UPDATE webhook_deliveries SET attempts = attempts + 1, last_error = $2, locked_until = NULL,
       state = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END, next_at = COALESCE($3::timestamptz, next_at) WHERE id = $1`,
    [id, error.slice(0, 500), nextAt],
  );
}
