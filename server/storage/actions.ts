/** SQL for actions: insert, read, list, cancel, lease, result. */
import type { Queryable } from './db';
import type { ActionRow } from './rows';

const SELECT = 'SELECT a.*, e.account_urn FROM actions a JOIN executors e ON e.id = a.executor_id';

/**
 * "Waiting" means leasable: queued and due, or leased with its lease run out
 * (an expired lease goes back to the queue without a sweeper: the lease
 * query takes it as it is).
 */
const LEASABLE = `a.status IN ('queued', 'leased') AND ((a.status = 'queued' AND (a.next_attempt_at IS NULL OR a.next_attempt_at <= $2))
  OR (a.status = 'leased' AND a.lease_expires_at <= $2))`;

export interface NewAction {
  id: string;
  workspaceId: string;
  executorId: string;
  type: string;
  params: unknown;
  idempotencyKey: string;
  requestedBy: unknown;
  callbackUrl: string | null;
  now: Date;
}

export async function insertAction(q: Queryable, a: NewAction): Promise<void> {
  await q.query(
    `INSERT INTO actions (id, workspace_id, executor_id, type, params, idempotency_key, requested_by, callback_url, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, 'queued', $9, $9)`,
    [
      a.id,
      a.workspaceId,
      a.executorId,
      a.type,
      JSON.stringify(a.params),
      a.idempotencyKey,
      JSON.stringify(a.requestedBy),
      a.callbackUrl,
      a.now,
    ],
  );
}

export async function getAction(q: Queryable, workspaceId: string, id: string): Promise<ActionRow | undefined> {
  return (await q.query<ActionRow>(`${SELECT} WHERE a.workspace_id = $1 AND a.id = $2`, [workspaceId, id]))[0];
}

export interface ListFilter {
  status?: string | undefined;
  type?: string | undefined;
  executorIds?: string[] | undefined;
  limit: number;
  /** Strictly older than this (created_at, id) pair. */
  before?: { createdAt: Date; id: string } | undefined;
}

/** Newest first; `limit + 1` rows so the caller knows whether a next page exists. */
export async function listActions(q: Queryable, workspaceId: string, f: ListFilter, now: Date): Promise<ActionRow[]> {
  const where = ['a.workspace_id = $1'];
  const params: unknown[] = [workspaceId];
  const add = (sql: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.status === 'queued' || f.status === 'leased') {
    // An expired lease reads as queued again (see LEASABLE).
    params.push(now);
    const n = `$${params.length}`;
    where.push(
      f.status === 'queued'
        ? `(a.status = 'queued' OR (a.status = 'leased' AND a.lease_expires_at <= ${n}))`
        : `(a.status = 'leased' AND a.lease_expires_at > ${n})`,
    );
  } else if (f.status !== undefined) add((n) => `a.status = ${n}`, f.status);
  if (f.type !== undefined) add((n) => `a.type = ${n}`, f.type);
  if (f.executorIds !== undefined) add((n) => `a.executor_id = ANY(${n}::text[])`, f.executorIds);
  if (f.before !== undefined) {
    params.push(f.before.createdAt, f.before.id);
    where.push(`(a.created_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(f.limit + 1);
  return q.query<ActionRow>(
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.length}`,
    params,
  );
}

/** Cancels an action nobody holds (queued, or its lease ran out); undefined when it could not. */
export async function cancelAction(
  q: Queryable,
  workspaceId: string,
  id: string,
  now: Date,
): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>(
    `UPDATE actions a SET status = 'cancelled', updated_at = $2, lease_expires_at = NULL, next_attempt_at = NULL, webhook_pending = true
     WHERE a.workspace_id = $1 AND a.id = $3 AND ((a.status = 'queued') OR (a.status = 'leased' AND a.lease_expires_at <= $2))
     RETURNING a.id`,
    [workspaceId, now, id],
  );
  return rows[0]?.id;
}

export interface LeaseInput {
  executorId: string;
  accept: readonly string[];
  max: number;
  now: Date;
  expiresAt: Date;
  /** Types that get `longExpiresAt` instead (approval mode: the user may take hours). */
  longTypes: readonly string[];
  longExpiresAt: Date;
}

/**
 * Takes up to `max` waiting actions of accepted types, oldest first. `FOR
 * UPDATE SKIP LOCKED` lets concurrent leases (replicas, several executors)
 * pass each other without ever taking the same row twice.
 */
export async function leaseActions(q: Queryable, l: LeaseInput): Promise<ActionRow[]> {
  const rows = await q.query<Omit<ActionRow, 'account_urn'>>(
    `UPDATE actions SET status = 'leased', attempts = attempts + 1, updated_at = $2, next_attempt_at = NULL,
       lease_expires_at = CASE WHEN type = ANY($5::text[]) THEN $6::timestamptz ELSE $7::timestamptz END
     WHERE id IN (
       SELECT a.id FROM actions a WHERE a.executor_id = $1 AND ${LEASABLE} AND a.type = ANY($3::text[])
       ORDER BY a.created_at, a.id LIMIT $4 FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [l.executorId, l.now, [...l.accept], l.max, [...l.longTypes], l.longExpiresAt, l.expiresAt],
  );
  return rows
    .map((r) => ({ ...r, account_urn: null }))
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : 1));
}

export async function countWaiting(q: Queryable, executorId: string, now: Date): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM actions a WHERE a.executor_id = $1 AND ${LEASABLE}`,
    [executorId, now],
  );
  return rows[0]?.n ?? 0;
}

export interface ResultWrite {
  executorId: string;
  id: string;
  idempotencyKey: string;
  result: unknown;
  /** A final status, or null for a deferral (back to the queue at `retryAt`). */
  finalStatus: 'succeeded' | 'failed' | 'refused' | null;
  retryAt: Date;
}

/**
 * The common case, for a whole batch in one statement (the hot path of every
 * executor): results of actions that are not final yet. A final one is
 * flagged `webhook_pending`; the webhook worker turns flags into deliveries
 * in batches, so the result path never looks up callback URLs. Returns the
 * ids it applied; a write not applied (unknown, final already, another key)
 * is for the caller to look at. Ids must be distinct within one call.
 */
export async function applyResults(q: Queryable, writes: readonly ResultWrite[], now: Date): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const rows = await q.query<{ id: string }>(
    `UPDATE actions a SET
       status = COALESCE(v.final, 'queued'),
       result = v.result::jsonb,
       next_attempt_at = CASE WHEN v.final IS NULL THEN v.retry_at ELSE NULL END,
       webhook_pending = (v.final IS NOT NULL),
       lease_expires_at = NULL,
       updated_at = $1
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) AS v(id, executor_id, key, final, result, retry_at)
     WHERE a.id = v.id AND a.executor_id = v.executor_id AND a.idempotency_key = v.key AND a.status IN ('queued', 'leased')
     RETURNING a.id`,
    [
      now,
      writes.map((w) => w.id),
      writes.map((w) => w.executorId),
      writes.map((w) => w.idempotencyKey),
      writes.map((w) => w.finalStatus),
      writes.map((w) => JSON.stringify(w.result)),
      writes.map((w) => w.retryAt),
    ],
  );
  return new Set(rows.map((r) => r.id));
}

export async function getActionOfExecutor(
  q: Queryable,
  executorId: string,
  id: string,
): Promise<ActionRow | undefined> {
  return (await q.query<ActionRow>(`${SELECT} WHERE a.executor_id = $1 AND a.id = $2`, [executorId, id]))[0];
}
