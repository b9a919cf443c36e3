/**
 * Creating an action through the public API: validate with the executor's
 * own params schemas, replay or refuse a reused Idempotency-Key, pick the
 * executor, answer 429/503 from its last heartbeat before queueing, queue,
 * wake the executor, and optionally wait for the final result.
 */
import { randomUUID } from 'node:crypto';
import { heartbeatSchema, type ActionType } from '../../contract/protocol';
import { validateParams } from '../../contract/params';
import { getAction, insertAction } from '../storage/actions';
import { claimIdempotency, completeIdempotency, findIdempotency } from '../storage/idempotency';
import type { ExecutorRow } from '../storage/rows';
import { listExecutors } from '../storage/workspaces';
import { actionView, isFinal, type ActionView } from './action-view';
import { requestHash } from './canonical';
import { errorAnswer, type Answer, type Deps } from './deps';
import { newId } from './secrets';
import { rateOf, throttleAnswer, type RateHeaders } from './throttle';

export const IDEMPOTENCY_WINDOW_MS = 24 * 3600_000;
export const MAX_WAIT_S = 60;

export interface Caller {
  workspaceId: string;
  apiKeyId: string;
}

export interface CreateRequest {
  type: ActionType;
  /** The action's params as the client sent them (what the executor gets); `post` comes from the path. */
  params: Record<string, unknown>;
  /** The executor's LinkedIn account (slug or URN), or undefined for the default executor. */
  account?: string | undefined;
  callbackUrl?: string | undefined;
  idempotencyKey?: string | undefined;
  waitS: number;
  method: string;
  path: string;
  body: unknown;
}

const location = (id: string): string => `/v1/outbound/actions/${id}`;

function rateHeaders(rate: RateHeaders | null): Record<string, string> {
  if (!rate) return {};
  return {
    'X-RateLimit-Limit': String(rate.limit),
    'X-RateLimit-Remaining': String(rate.remaining),
    ...(rate.reset ? { 'X-RateLimit-Reset': rate.reset } : {}),
  };
}

/** Matches `account` against an executor's LinkedIn account (URN or vanity slug) or its name. */
function pickExecutors(executors: ExecutorRow[], account: string | undefined): ExecutorRow[] {
  if (account === undefined) return executors.slice(0, 1);
  const wanted = account.trim().toLowerCase();
  return executors.filter((e) =>
    [e.account_urn, e.account_slug, e.name].some((v) => v !== null && v.toLowerCase() === wanted),
  );
}

/** Of several executors for one account, the one heard from last. */
function freshest(executors: ExecutorRow[]): ExecutorRow | undefined {
  return [...executors].sort(
    (a, b) => (b.last_heartbeat_at?.getTime() ?? 0) - (a.last_heartbeat_at?.getTime() ?? 0),
  )[0];
}

async function replay(deps: Deps, caller: Caller, key: string, hash: string): Promise<Answer | undefined> {
  const now = deps.clock();
  const row = await findIdempotency(deps.db, caller.workspaceId, key, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS));
  if (!row) return undefined;
  if (row.request_hash !== hash) {
    return errorAnswer(
      409,
      'idempotency_conflict',
      'this Idempotency-Key was used with a different request in the last 24 hours',
      { field: 'Idempotency-Key' },
    );
  }
  const action = await getAction(deps.db, caller.workspaceId, row.action_id);
  const headers: Record<string, string> = {
    Location: row.location ?? location(row.action_id),
    'Idempotent-Replayed': 'true',
  };
  const status = row.state === 'done' && row.status !== null ? row.status : 202;
  if (action && status < 300) {
    // A 2xx to a create carries the bucket's headers from the latest heartbeat, replays included.
    const executor = (await listExecutors(deps.db, caller.workspaceId)).find((e) => e.id === action.executor_id);
    const hb = heartbeatSchema.safeParse(executor?.heartbeat);
    Object.assign(headers, rateHeaders(rateOf(action.type as ActionType, hb.success ? hb.data : null)));
  }
  if (row.state === 'done' && row.status !== null && row.body !== null)
    return { status: row.status, body: null, rawBody: row.body, headers };
  // The first request is still waiting: the action as it stands.
  return { status: 202, body: action ? actionView(action, now) : null, headers };
}

export async function createAction(deps: Deps, caller: Caller, req: CreateRequest): Promise<Answer> {
  const checked = validateParams(req.type, req.params);
  if (!checked.ok) {
    const field = checked.field.replace(/^params\.?/, '') || 'params';
    return errorAnswer(400, 'invalid_request', checked.message.replace(/^params\./, ''), { field });
  }
  const hash = requestHash(req.method, req.path, req.body);
  if (req.idempotencyKey !== undefined) {
    const replayed = await replay(deps, caller, req.idempotencyKey, hash);
    if (replayed) return replayed;
  }

  const candidates = pickExecutors(await listExecutors(deps.db, caller.workspaceId), req.account);
  const executor = freshest(candidates);
  if (!executor) {
    return req.account === undefined
      ? errorAnswer(
          404,
          'not_found',
          'this workspace has no executor yet (create one with: npm run server -- executors create)',
          { field: 'account' },
        )
      : errorAnswer(404, 'not_found', `this workspace has no executor for the account ${JSON.stringify(req.account)}`, {
          field: 'account',
        });
  }
  const now = deps.clock();
  const hb = heartbeatSchema.safeParse(executor.heartbeat);
  const verdict = throttleAnswer(req.type, hb.success ? hb.data : null, executor.last_heartbeat_at, now);
  if (verdict.kind === 'offline')
    return errorAnswer(
      503,
      'executor_offline',
      'the executor has not sent a heartbeat in the last 5 minutes; nothing was queued',
    );
  if (verdict.kind === 'throttled') {
    return errorAnswer(
      429,
      'outbound_throttled',
      `${verdict.reason}; nothing was queued`,
      { nextAvailableAt: verdict.nextAvailableAt },
      { 'Retry-After': String(verdict.retryAfterS) },
    );
  }

  const id = newId('act');
  const view: ActionView = {
    id,
    type: req.type,
    params: req.params,
    status: 'queued',
    account: executor.account_urn,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    attempts: 0,
    result: null,
    nextAttemptAt: null,
  };
  const headers = { Location: location(id), ...rateHeaders(verdict.rate) };
  const key = req.idempotencyKey;
  const created = await deps.db.tx(async (q) => {
    if (key !== undefined) {
      const claimed = await claimIdempotency(q, {
        workspaceId: caller.workspaceId,
        key,
        requestHash: hash,
        actionId: id,
        state: req.waitS > 0 ? 'pending' : 'done',
        status: 202,
        body: JSON.stringify(view),
        location: location(id),
        now,
        since: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS),
      });
      if (!claimed) return false;
    }
    await insertAction(q, {
      id,
      workspaceId: caller.workspaceId,
      executorId: executor.id,
      type: req.type,
      params: req.params,
      idempotencyKey: key ?? randomUUID(),
      requestedBy: { principal: caller.workspaceId, apiKeyId: caller.apiKeyId, requestId: `req_${randomUUID()}` },
      callbackUrl: req.callbackUrl ?? null,
      now,
    });
    return true;
  });
  if (!created && key !== undefined) {
    // Another request with this key won the race: answer as its replay.
    return (
      (await replay(deps, caller, key, hash)) ??
      errorAnswer(409, 'idempotency_conflict', 'this Idempotency-Key is in use')
    );
  }
  deps.events.queued(executor.id);
  if (req.waitS <= 0) return { status: 202, body: view, headers };

  const answer = await waitForFinal(deps, caller.workspaceId, id, Math.min(req.waitS, MAX_WAIT_S) * 1000, view);
  if (key !== undefined)
    await completeIdempotency(deps.db, caller.workspaceId, key, answer.status, JSON.stringify(answer.body));
  return { ...answer, headers: answer.status < 300 ? headers : { Location: location(id) } };
}

/** The waited answer: 200 / 409 not_connected / 422 linkedin_refused when final in time, else 202. */
export function finalAnswer(view: ActionView): Answer {
  if (view.status === 'succeeded' || view.status === 'cancelled') return { status: 200, body: view };
  if (view.status === 'refused' && view.result?.code === 'not_connected') {
    return errorAnswer(409, 'not_connected', view.result.message || 'the DM target is not a 1st-degree connection', {
      action: view,
    });
  }
  if (view.status === 'refused' || view.status === 'failed') {
    return errorAnswer(
      422,
      'linkedin_refused',
      `${view.result?.code ?? view.status}: ${view.result?.message ?? ''}`.trim(),
      { action: view },
    );
  }
  return { status: 202, body: view };
}

async function waitForFinal(
  deps: Deps,
  workspaceId: string,
  id: string,
  ms: number,
  initial: ActionView,
): Promise<Answer> {
  const deadline = Date.now() + ms;
  let signalled = false;
  let wake: () => void = () => {
    signalled = true;
  };
  const stop = deps.events.onFinal(id, () => wake());
  try {
    let view = initial;
    for (;;) {
      const row = await getAction(deps.db, workspaceId, id);
      if (row) view = actionView(row, deps.clock());
      const left = deadline - Date.now();
      if (isFinal(view.status) || left <= 0) return finalAnswer(view);
      if (signalled) {
        signalled = false;
        continue;
      }
      // The event normally ends the wait; the periodic re-read covers a lost notification.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1000));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = () => {
        signalled = true;
      };
    }
  } finally {
    stop();
  }
}
