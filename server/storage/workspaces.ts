/** SQL for workspaces, API keys and executors. */
import type { Queryable } from './db';
import type { ExecutorRow, WorkspaceRow } from './rows';

const EXECUTOR_COLUMNS = 'id, workspace_id, name, account_urn, account_slug, heartbeat, last_heartbeat_at, created_at';

export async function findWorkspaceByName(q: Queryable, name: string): Promise<WorkspaceRow | undefined> {
  return (await q.query<WorkspaceRow>('SELECT * FROM workspaces WHERE name = $1', [name]))[0];
}

export async function findWorkspace(q: Queryable, id: string): Promise<WorkspaceRow | undefined> {
  return (await q.query<WorkspaceRow>('SELECT * FROM workspaces WHERE id = $1', [id]))[0];
}

/** Creates the workspace unless it exists; either way returns it (race-safe through the unique name). */
export async function ensureWorkspace(
  q: Queryable,
  ws: { id: string; name: string; webhookSecret: string; now: Date },
): Promise<WorkspaceRow> {
  await q.query(
    'INSERT INTO workspaces (id, name, webhook_secret, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING',
    [ws.id, ws.name, ws.webhookSecret, ws.now],
  );
  const row = await findWorkspaceByName(q, ws.name);
  if (!row) throw new Error(`workspace ${ws.name} vanished`);
  return row;
}

export async function setWorkspaceWebhook(
  q: Queryable,
  id: string,
  set: { callbackUrl?: string | null; secret?: string },
): Promise<void> {
  if (set.callbackUrl !== undefined)
    await q.query('UPDATE workspaces SET callback_url = $2 WHERE id = $1', [id, set.callbackUrl]);
  if (set.secret !== undefined)
    await q.query('UPDATE workspaces SET webhook_secret = $2 WHERE id = $1', [id, set.secret]);
}

export async function insertApiKey(
  q: Queryable,
  key: { id: string; workspaceId: string; hash: string; now: Date },
): Promise<void> {
  await q.query('INSERT INTO api_keys (id, workspace_id, key_hash, created_at) VALUES ($1, $2, $3, $4)', [
    key.id,
    key.workspaceId,
    key.hash,
    key.now,
  ]);
}

export async function findKey(q: Queryable, hash: string): Promise<{ id: string; workspace_id: string } | undefined> {
  return (
    await q.query<{ id: string; workspace_id: string }>('SELECT id, workspace_id FROM api_keys WHERE key_hash = $1', [
      hash,
    ])
  )[0];
}

export async function insertExecutor(
  q: Queryable,
  ex: { id: string; workspaceId: string; name: string; hash: string; now: Date },
): Promise<void> {
  await q.query('INSERT INTO executors (id, workspace_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
    ex.id,
    ex.workspaceId,
    ex.name,
    ex.hash,
    ex.now,
  ]);
}

export async function findExecutorByToken(q: Queryable, hash: string): Promise<ExecutorRow | undefined> {
  return (await q.query<ExecutorRow>(`SELECT ${EXECUTOR_COLUMNS} FROM executors WHERE token_hash = $1`, [hash]))[0];
}

/** Whether the executor's last heartbeat carried `approvals` (it serves in approval mode). */
export async function inApprovalMode(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query<{ approvals: boolean }>(
    `SELECT (heartbeat ? 'approvals') AS approvals FROM executors WHERE id = $1`,
    [id],
  );
  return rows[0]?.approvals === true;
}

/** A workspace's executors, oldest first (the default one comes first). */
export async function listExecutors(q: Queryable, workspaceId: string): Promise<ExecutorRow[]> {
  return q.query<ExecutorRow>(
    `SELECT ${EXECUTOR_COLUMNS} FROM executors WHERE workspace_id = $1 ORDER BY created_at, id`,
    [workspaceId],
  );
}

export async function storeHeartbeat(
  q: Queryable,
  id: string,
  hb: { body: unknown; at: Date; accountUrn: string | null; accountSlug: string | null },
): Promise<void> {
  await q.query(
    `UPDATE executors SET heartbeat = $2::jsonb, last_heartbeat_at = $3,
       account_urn = COALESCE($4, account_urn), account_slug = COALESCE($5, account_slug) WHERE id = $1`,
    [id, JSON.stringify(hb.body), hb.at, hb.accountUrn, hb.accountSlug],
  );
}

/** The lease request names the signed-in account too; remember it (never forget a known one on a sign-out). */
export async function storeAccount(q: Queryable, id: string, urn: string, slug: string | null): Promise<void> {
  await q.query(
    'UPDATE executors SET account_urn = $2, account_slug = COALESCE($3, account_slug) WHERE id = $1 AND (account_urn IS DISTINCT FROM $2 OR account_slug IS DISTINCT FROM COALESCE($3, account_slug))',
    [id, urn, slug],
  );
}
