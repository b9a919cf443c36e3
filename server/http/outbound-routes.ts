/** The public API's routes (outbound-api.md): thin, each a zod-declared route calling the domain. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { ActionType } from '../../contract/protocol';
import { ACTION_TYPES } from '../../contract/protocol';
import type { Deps } from '../domain/deps';
import { MAX_WAIT_S, createAction, type Caller } from '../domain/outbound-create';
import { cancel, executors, list, readAction } from '../domain/outbound-read';
import { toResponse, validationHook } from './respond';
import {
  CREATE_PATHS,
  actionSchema,
  bodies,
  createHeaders,
  errorSchema,
  executorSchema,
  idParam,
  listQuery,
  listSchema,
  postParam,
} from './schemas';

export type OutboundEnv = { Variables: { caller: Caller } };

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  400: json(errorSchema, 'invalid_request: malformed JSON, unknown field or bad value; `field` names it'),
  401: json(errorSchema, 'unauthorized: missing or unknown key'),
  404: json(errorSchema, 'not_found'),
};
const security = [{ bearer: [] }];

/** `Prefer: wait=N` → N seconds (0 when absent), clamped to 60. */
export function waitSeconds(prefer: string | undefined): number {
  const m = /(?:^|[\s,;])wait=(\d+)/i.exec(prefer ?? '');
  return m?.[1] === undefined ? 0 : Math.min(Number(m[1]), MAX_WAIT_S);
}

/**
 * The typed-response machinery of zod-openapi wants `c.json` with a declared
 * status; the domain already decides status, headers and exact bytes (a
 * replay must be byte-for-byte), so handlers return a plain Response.
 */
const send = (r: Response): never => r as never;

function registerCreate(app: OpenAPIHono<OutboundEnv>, deps: Deps, type: ActionType): void {
  const path = CREATE_PATHS[type];
  const onPost = path.includes('{post}');
  const route = createRoute({
    method: 'post',
    path,
    summary: `Queue a ${type} action`,
    tags: ['create'],
    security,
    request: {
      ...(onPost ? { params: postParam } : {}),
      headers: createHeaders,
      body: { content: { 'application/json': { schema: bodies[type] } }, required: true },
    },
    responses: {
      200: json(actionSchema, '(Prefer: wait) final in time and succeeded'),
      202: json(actionSchema, 'queued'),
      ...errors,
      409: json(errorSchema, 'idempotency_conflict, or (Prefer: wait) not_connected'),
      413: json(errorSchema, 'payload_too_large: body over 64 kB'),
      422: json(errorSchema, '(Prefer: wait) linkedin_refused; the action is in error.action'),
      429: json(errorSchema, 'outbound_throttled; nextAvailableAt and Retry-After set; nothing queued'),
      503: json(errorSchema, 'executor_offline; nothing queued'),
    },
  });
  app.openapi(route, async (c) => {
    const caller = c.get('caller');
    const body: Record<string, unknown> = c.req.valid('json');
    const { account, callbackUrl, ...rest } = body;
    const params = onPost ? { post: c.req.param('post'), ...rest } : rest;
    const answer = await createAction(deps, caller, {
      type,
      params,
      account: typeof account === 'string' ? account : undefined,
      callbackUrl: typeof callbackUrl === 'string' ? callbackUrl : undefined,
      idempotencyKey: c.req.header('idempotency-key'),
      waitS: waitSeconds(c.req.header('prefer')),
      method: 'POST',
      path: new URL(c.req.url).pathname,
      body,
    });
    return send(toResponse(answer));
  });
}

export function outboundRoutes(deps: Deps): OpenAPIHono<OutboundEnv> {
  const app = new OpenAPIHono<OutboundEnv>({ defaultHook: validationHook });
  for (const type of ACTION_TYPES) registerCreate(app, deps, type);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/outbound/actions/{id}',
      summary: 'Read an action',
      tags: ['actions'],
      security,
      request: { params: idParam },
      responses: { 200: json(actionSchema, 'the action'), ...errors },
    }),
    async (c) => send(toResponse(await readAction(deps, c.get('caller').workspaceId, c.req.valid('param').id))),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/outbound/actions',
      summary: 'List actions, newest first',
      tags: ['actions'],
      security,
      request: { query: listQuery },
      responses: { 200: json(listSchema, 'a page of actions'), ...errors },
    }),
    async (c) => send(toResponse(await list(deps, c.get('caller').workspaceId, c.req.valid('query')))),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/outbound/actions/{id}/cancel',
      summary: 'Cancel a queued action',
      tags: ['actions'],
      security,
      request: { params: idParam },
      responses: {
        200: json(actionSchema, 'cancelled'),
        ...errors,
        409: json(errorSchema, 'not_cancellable: already leased or final'),
      },
    }),
    async (c) => send(toResponse(await cancel(deps, c.get('caller').workspaceId, c.req.valid('param').id))),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/outbound/executors',
      summary: "The workspace's executors as their last heartbeat describes them",
      tags: ['executors'],
      security,
      responses: {
        200: json(z.object({ executors: z.array(executorSchema) }).openapi('ExecutorList'), 'the executors'),
        401: errors[401],
      },
    }),
    async (c) => send(toResponse(await executors(deps, c.get('caller').workspaceId))),
  );
  return app;
}
