/** Reading, listing and cancelling actions; listing executors. */
import { heartbeatSchema } from '../../contract/protocol';
import { cancelAction, getAction, listActions } from '../storage/actions';
import { listExecutors } from '../storage/workspaces';
import { actionView } from './action-view';
import { errorAnswer, type Answer, type Deps } from './deps';
import { OFFLINE_AFTER_MS } from './throttle';

const notFound = (id: string): Answer =>
  errorAnswer(404, 'not_found', `no action ${JSON.stringify(id)} in this workspace`);

export async function readAction(deps: Deps, workspaceId: string, id: string): Promise<Answer> {
  const row = await getAction(deps.db, workspaceId, id);
  return row ? { status: 200, body: actionView(row, deps.clock()) } : notFound(id);
}

export async function cancel(deps: Deps, workspaceId: string, id: string): Promise<Answer> {
  const now = deps.clock();
  const cancelled = await cancelAction(deps.db, workspaceId, id, now);
  const row = await getAction(deps.db, workspaceId, id);
  if (!row) return notFound(id);
  if (cancelled === undefined) {
    return errorAnswer(
      409,
      'not_cancellable',
      `the action is ${actionView(row, now).status}; only a queued action can be cancelled`,
    );
  }
  deps.events.final(id);
  return { status: 200, body: actionView(row, now) };
}

/** The cursor is opaque to clients: the last row's (createdAt, id), base64url. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : undefined;
}

export interface ListQuery {
  status?: string | undefined;
  type?: string | undefined;
  account?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function list(deps: Deps, workspaceId: string, query: ListQuery): Promise<Answer> {
  const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !before)
    return errorAnswer(400, 'invalid_request', 'cursor: not a cursor this API returned', { field: 'cursor' });
  let executorIds: string[] | undefined;
  if (query.account !== undefined) {
    const wanted = query.account.toLowerCase();
    executorIds = (await listExecutors(deps.db, workspaceId))
      .filter((e) => [e.account_urn, e.account_slug, e.name].some((v) => v?.toLowerCase() === wanted))
      .map((e) => e.id);
  }
  const now = deps.clock();
  const rows = await listActions(
    deps.db,
    workspaceId,
    { status: query.status, type: query.type, executorIds, limit: query.limit, before },
    now,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null;
  return { status: 200, body: { actions: page.map((r) => actionView(r, now)), nextCursor } };
}

export async function executors(deps: Deps, workspaceId: string): Promise<Answer> {
  const now = deps.clock().getTime();
  const rows = await listExecutors(deps.db, workspaceId);
  return {
    status: 200,
    body: {
      executors: rows.map((e) => {
        const hb = heartbeatSchema.safeParse(e.heartbeat);
        const last = hb.success ? hb.data : null;
        return {
          id: e.id,
          name: e.name,
          account: e.account_urn ? { memberUrn: e.account_urn, publicIdentifier: e.account_slug } : null,
          lastHeartbeatAt: e.last_heartbeat_at?.toISOString() ?? null,
          online: e.last_heartbeat_at !== null && now - e.last_heartbeat_at.getTime() <= OFFLINE_AFTER_MS,
          state: last?.state ?? null,
          pausedUntil: last?.pausedUntil ?? null,
          pauseReason: last?.pauseReason ?? null,
          limits: last?.limits ?? [],
          approvals: last?.approvals ?? null,
          suspended: last?.suspended ?? [],
          createdAt: e.created_at.toISOString(),
        };
      }),
    },
  };
}
