/**
 * The executor protocol's three POST endpoints (executor-protocol.md v1.1),
 * with CORS for the extension's origin. Validated with contract/protocol.ts,
 * the schemas the extension itself uses; unknown fields are ignored there, as
 * the protocol asks.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { z } from '../../contract/zod';
import { actionResultSchema, heartbeatSchema, leaseRequestSchema } from '../../contract/protocol';
import type { Answer, Deps } from '../domain/deps';
import { heartbeat, lease, result } from '../domain/executor';
import { hashToken } from '../domain/secrets';
import type { ExecutorRow } from '../storage/rows';
import { findExecutorByToken } from '../storage/workspaces';
import { describeZodError, errorResponse, toResponse } from './respond';

export type ExecutorEnv = { Variables: { executor: ExecutorRow } };

export const CORS_ALLOW_METHODS = 'GET, POST';
export const CORS_ALLOW_HEADERS = 'authorization, content-type, x-executor-id, x-executor-version';

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}

/**
 * Executors by token hash, remembered briefly: every result is one request,
 * and tokens never change (there is no revocation yet), so the lookup need
 * not hit the database each time. Heartbeat fields in a cached row may be up
 * to this old; the lease reads what it needs fresh.
 */
const AUTH_CACHE_MS = 30_000;
const authCache = new Map<string, { row: ExecutorRow; until: number }>();

export async function executorForToken(deps: Deps, token: string | undefined): Promise<ExecutorRow | undefined> {
  if (token === undefined) return undefined;
  const hash = hashToken(deps.secret, token);
  const cached = authCache.get(hash);
  if (cached && cached.until > Date.now()) return cached.row;
  const row = await findExecutorByToken(deps.db, hash);
  if (row) {
    if (authCache.size > 10_000) authCache.clear();
    authCache.set(hash, { row, until: Date.now() + AUTH_CACHE_MS });
  }
  return row;
}

async function parsed<T>(
  schema: z.ZodMiniType<T>,
  raw: unknown,
  apply: (value: T) => Promise<Answer>,
): Promise<Response> {
  const p = schema.safeParse(raw);
  if (!p.success) {
    const { field, message } = describeZodError(p.error, 'json');
    return errorResponse(400, 'invalid_request', message, field === undefined ? {} : { field });
  }
  return toResponse(await apply(p.data));
}

/** CORS as the protocol says; every answer (errors too) repeats the origin (the extension's chrome-extension://… origin, or *). */
export const executorCors: MiddlewareHandler = async (c, next) => {
  const origin = c.req.header('origin') ?? '*';
  if (c.req.method === 'OPTIONS') {
    const headers: Record<string, string> = {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': CORS_ALLOW_METHODS,
      'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
    if (c.req.header('access-control-request-private-network') === 'true')
      headers['Access-Control-Allow-Private-Network'] = 'true';
    return new Response(null, { status: 204, headers });
  }
  await next();
  c.res.headers.set('Access-Control-Allow-Origin', origin);
  c.res.headers.append('Vary', 'Origin');
};

export function executorRoutes(deps: Deps): Hono<ExecutorEnv> {
  const app = new Hono<ExecutorEnv>();
  app.use('/v1/executor/*', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const executor = await executorForToken(deps, bearer(c.req.header('authorization')));
    if (!executor) return errorResponse(401, 'unauthorized', 'missing or unknown executor token');
    c.set('executor', executor);
    return next();
  });
  app.post('/v1/executor/lease', async (c) =>
    parsed(leaseRequestSchema, await c.req.json(), (b) => lease(deps, c.get('executor'), b)),
  );
  app.post('/v1/executor/heartbeat', async (c) =>
    parsed(heartbeatSchema, await c.req.json(), (b) => heartbeat(deps, c.get('executor'), b)),
  );
  app.post('/v1/executor/actions/:id/result', async (c) =>
    parsed(actionResultSchema, await c.req.json(), (b) => result(deps, c.get('executor'), c.req.param('id'), b)),
  );
  return app;
}
