/**
 * The executor side (executor-protocol.md v1.1): lease, result, heartbeat.
 * Results are idempotent: the same result twice is fine (2xx); a different
 * one after a final result is 409, which tells the executor the backend
 * already has the final word.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from './canonical';
import type { ActionResult, Heartbeat, LeaseRequest } from '../../contract/protocol';
import { countWaiting, finishAction, leaseActions, lockActionOfExecutor, requeueAction } from '../storage/actions';
import type { ExecutorRow } from '../storage/rows';
import { insertDelivery } from '../storage/webhooks';
import { findWorkspace, storeAccount, storeHeartbeat } from '../storage/workspaces';
import { actionView, isFinal } from './action-view';
import { errorAnswer, type Answer, type Deps } from './deps';

/** Types that may wait for the user's approval in the extension: they get long leases. */
const WORDY_TYPES = ['message', 'comment', 'connect', 'share'];

export async function lease(deps: Deps, executor: ExecutorRow, body: LeaseRequest): Promise<Answer> {
  const now = deps.clock();
  if (body.account) await storeAccount(deps.db, executor.id, body.account.memberUrn, body.account.publicIdentifier);
  const inApprovalMode = typeof executor.heartbeat === 'object' && executor.heartbeat !== null && 'approvals' in executor.heartbeat;
  const rows =
    body.accept.length === 0
      ? []
      : await deps.db.tx((q) =>
          leaseActions(q, {
            executorId: executor.id,
            accept: body.accept,
            max: body.max,
            now,
            expiresAt: new Date(now.getTime() + deps.config.leaseTtlMs),
            longTypes: inApprovalMode ? WORDY_TYPES : [],
            longExpiresAt: new Date(now.getTime() + Math.max(deps.config.leaseTtlMs, deps.config.approvalLeaseTtlMs)),
          }),
        );
  const actions = rows.map((r) => ({
    id: r.id,
    type: r.type,
    params: r.params,
    idempotencyKey: r.idempotency_key,
    createdAt: r.created_at.toISOString(),
    leaseExpiresAt: r.lease_expires_at?.toISOString(),
    requestedBy: r.requested_by,
  }));
  const queued = await countWaiting(deps.db, executor.id, now);
  return { status: 200, body: { actions, pollAfterMs: deps.config.pollAfterMs, queued } };
}

/** The result fields that make two deliveries "the same result". */
function sameResult(stored: unknown, body: ActionResult): boolean {
  if (typeof stored !== 'object' || stored === null) return false;
  const s = stored as Record<string, unknown>;
  return s['status'] === body.status && s['code'] === body.code && canonicalJson(s['output']) === canonicalJson(body.output);
}

export async function result(deps: Deps, executor: ExecutorRow, id: string, body: ActionResult): Promise<Answer> {
  const now = deps.clock();
  const outcome = await deps.db.tx(async (q): Promise<Answer & { final?: boolean; requeued?: boolean }> => {
    const row = await lockActionOfExecutor(q, executor.id, id);
    if (!row) return errorAnswer(404, 'not_found', `no action ${JSON.stringify(id)} for this executor`);
    if (row.idempotency_key !== body.idempotencyKey) {
      return errorAnswer(400, 'invalid_request', 'idempotencyKey: does not match the action', { field: 'idempotencyKey' });
    }
    if (isFinal(row.status)) {
      if (sameResult(row.result, body)) return { status: 200, body: { ok: true, duplicate: true } };
      return errorAnswer(409, 'conflict', `the action already has a final result (${row.status})`, { final: row.result });
    }
    // Leased (current or expired and not taken again) or queued after a deferral: the result counts.
    if (body.status === 'deferred') {
      const retryAt = body.retryAt === null ? NaN : Date.parse(body.retryAt);
      await requeueAction(q, id, body, Number.isNaN(retryAt) ? now : new Date(retryAt), now);
      return { status: 200, body: { ok: true }, requeued: true };
    }
    await finishAction(q, id, body.status, body, now);
    const ws = await findWorkspace(q, row.workspace_id);
    const url = row.callback_url ?? ws?.callback_url ?? null;
    if (url !== null) {
      const view = actionView({ ...row, status: body.status, result: body, updated_at: now, lease_expires_at: null, next_attempt_at: null }, now);
      await insertDelivery(q, { id: randomUUID(), actionId: id, workspaceId: row.workspace_id, url, body: JSON.stringify(view), now });
    }
    return { status: 200, body: { ok: true }, final: true };
  });
  if (outcome.final) deps.events.final(id);
  const { final: _f, requeued: _r, ...answer } = outcome;
  return answer;
}

export async function heartbeat(deps: Deps, executor: ExecutorRow, body: Heartbeat): Promise<Answer> {
  const now = deps.clock();
  await storeHeartbeat(deps.db, executor.id, { body, at: now, accountUrn: body.account?.memberUrn ?? null, accountSlug: body.account?.publicIdentifier ?? null });
  return { status: 200, body: { pollAfterMs: deps.config.pollAfterMs, queued: await countWaiting(deps.db, executor.id, now) } };
}
