/**
 * The executor side (executor-protocol.md v1.1): lease, result, heartbeat.
 * Results are idempotent: the same result twice is fine (2xx); a different
 * one after a final result is 409, which tells the executor the backend
 * already has the final word.
 */
import { canonicalJson } from './canonical';
import type { ActionResult, Heartbeat, LeaseRequest } from '../../contract/protocol';
import { countWaiting, getActionOfExecutor, leaseActions } from '../storage/actions';
import type { ExecutorRow } from '../storage/rows';
import { inApprovalMode, storeAccount, storeHeartbeat } from '../storage/workspaces';
import { isFinal } from './action-view';
import { resultBatcher } from './result-batcher';
import { errorAnswer, type Answer, type Deps } from './deps';

/** Types that may wait for the user's approval in the extension: they get long leases. */
const WORDY_TYPES = ['message', 'comment', 'connect', 'share'];

export async function lease(deps: Deps, executor: ExecutorRow, body: LeaseRequest): Promise<Answer> {
  const now = deps.clock();
  if (body.account) await storeAccount(deps.db, executor.id, body.account.memberUrn, body.account.publicIdentifier);
  const approvalMode = await inApprovalMode(deps.db, executor.id);
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
            longTypes: approvalMode ? WORDY_TYPES : [],
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
  return (
    s['status'] === body.status && s['code'] === body.code && canonicalJson(s['output']) === canonicalJson(body.output)
  );
}

const batchers = new WeakMap<Deps, ReturnType<typeof resultBatcher>>();
function batcherOf(deps: Deps): ReturnType<typeof resultBatcher> {
  let b = batchers.get(deps);
  if (!b) {
    b = resultBatcher(deps.db, deps.clock);
    batchers.set(deps, b);
  }
  return b;
}

export async function result(deps: Deps, executor: ExecutorRow, id: string, body: ActionResult): Promise<Answer> {
  const now = deps.clock();
  const retryAt = body.retryAt === null ? NaN : Date.parse(body.retryAt);
  const applied = await batcherOf(deps)({
    executorId: executor.id,
    id,
    idempotencyKey: body.idempotencyKey,
    result: body,
    finalStatus: body.status === 'deferred' ? null : body.status,
    retryAt: Number.isNaN(retryAt) ? now : new Date(retryAt),
  });
  if (applied) {
    // Leased (current, or expired and not taken again) or queued after a deferral: the result counts.
    if (body.status !== 'deferred') deps.events.final(id);
    return { status: 200, body: { ok: true } };
  }
  const row = await getActionOfExecutor(deps.db, executor.id, id);
  if (!row) return errorAnswer(404, 'not_found', `no action ${JSON.stringify(id)} for this executor`);
  if (row.idempotency_key !== body.idempotencyKey) {
    return errorAnswer(400, 'invalid_request', 'idempotencyKey: does not match the action', {
      field: 'idempotencyKey',
    });
  }
  if (isFinal(row.status) && sameResult(row.result, body)) return { status: 200, body: { ok: true, duplicate: true } };
  return errorAnswer(409, 'conflict', `the action already has a final result (${row.status})`, { final: row.result });
}

export async function heartbeat(deps: Deps, executor: ExecutorRow, body: Heartbeat): Promise<Answer> {
  const now = deps.clock();
  await storeHeartbeat(deps.db, executor.id, {
    body,
    at: now,
    accountUrn: body.account?.memberUrn ?? null,
    accountSlug: body.account?.publicIdentifier ?? null,
  });
  return {
    status: 200,
    body: { pollAfterMs: deps.config.pollAfterMs, queued: await countWaiting(deps.db, executor.id, now) },
  };
}
