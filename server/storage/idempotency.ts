/** SQL for remembered answers of `Idempotency-Key` requests. */
import type { Queryable } from './db';
import type { IdempotencyRow } from './rows';

export async function findIdempotency(
  q: Queryable,
  workspaceId: string,
  key: string,
  since: Date,
): Promise<IdempotencyRow | undefined> {
  return (
    await q.query<IdempotencyRow>(
      'SELECT * FROM idempotency WHERE workspace_id = $1 AND key = $2 AND created_at > $3',
      [workspaceId, key, since],
    )
  )[0];
}

/**
 * Claims the key for a new action; false when another request holds it (the
 * unique key decides races between replicas). A claim older than the
 * window is replaced.
 */
export async function claimIdempotency(
  q: Queryable,
  row: {
    workspaceId: string;
    key: string;
    requestHash: string;
    actionId: string;
    state: 'pending' | 'done';
    status: number;
    body: string;
    location: string;
    now: Date;
    since: Date;
  },
): Promise<boolean> {
  await q.query('DELETE FROM idempotency WHERE workspace_id = $1 AND key = $2 AND created_at <= $3', [
    row.workspaceId,
    row.key,
    row.since,
  ]);
  const inserted = await q.query<{ key: string }>(
    `INSERT INTO idempotency (workspace_id, key, request_hash, action_id, state, status, body, location, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (workspace_id, key) DO NOTHING RETURNING key`,
    [row.workspaceId, row.key, row.requestHash, row.actionId, row.state, row.status, row.body, row.location, row.now],
  );
  return inserted.length === 1;
}

/** The final answer of a waited request, replayed from now on. */
export async function completeIdempotency(
  q: Queryable,
  workspaceId: string,
  key: string,
  status: number,
  body: string,
): Promise<void> {
  await q.query(`UPDATE idempotency SET state = 'done', status = $3, body = $4 WHERE workspace_id = $1 AND key = $2`, [
    workspaceId,
    key,
    status,
    body,
  ]);
}
