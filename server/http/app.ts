/**
 * The whole HTTP surface as one Hono app (no socket: tests call
 * `app.request()`): body limits and JSON checks, API-key auth, the public
 * routes, the executor routes, /openapi.json, and one error envelope for
 * everything that goes wrong.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Deps } from '../domain/deps';
import { hashToken } from '../domain/secrets';
import { findKey } from '../storage/workspaces';
import { bearer, executorCors, executorRoutes } from './executor-routes';
import { outboundRoutes, type OutboundEnv } from './outbound-routes';
import { errorResponse, validationHook } from './respond';

export const MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

export function createApp(deps: Deps): OpenAPIHono<OutboundEnv> {
  const app = new OpenAPIHono<OutboundEnv>({ defaultHook: validationHook });

  app.use('/v1/executor/*', executorCors);
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => errorResponse(413, 'payload_too_large', `the body is over ${MAX_BODY_BYTES} bytes`),
    }),
  );
  // A body that is not JSON is refused here, before a validator could read it as "no body".
  app.use('*', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const text = await c.req.text();
    if (text.trim() === '') return next();
    if (!JSON_TYPE.test(c.req.header('content-type') ?? ''))
      return errorResponse(415, 'unsupported_media_type', 'Content-Type must be application/json');
    try {
      JSON.parse(text);
    } catch {
      return errorResponse(400, 'invalid_request', 'malformed JSON in the request body');
    }
    return next();
  });
  app.use('/v1/outbound/*', async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    const key = token === undefined ? undefined : await findKey(deps.db, hashToken(deps.secret, token));
    if (!key) return errorResponse(401, 'unauthorized', 'missing or unknown API key');
    c.set('caller', { workspaceId: key.workspace_id, apiKeyId: key.id });
    return next();
  });

  app.route('/', outboundRoutes(deps));
  app.route('/', executorRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from `npm run server -- keys create`',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Outbound API',
      version: '1',
      description: "Queue LinkedIn actions for a user's executor (../shared/outbound-api.md).",
    },
  });
  app.get('/healthz', (c) => c.json({ ok: true }));

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const allowed = app.routes.filter((r) => r.method !== 'ALL' && routeRegex(r.path).test(path)).map((r) => r.method);
    if (allowed.length > 0) {
      return errorResponse(
        405,
        'method_not_allowed',
        `${c.req.method} is not allowed on ${path}`,
        {},
        { Allow: [...new Set(allowed)].join(', ') },
      );
    }
    return errorResponse(404, 'not_found', `no route ${c.req.method} ${path}`);
  });
  app.onError((err) => {
    if (err instanceof SyntaxError || (err instanceof HTTPException && /json/i.test(err.message))) {
      return errorResponse(400, 'invalid_request', 'malformed JSON in the request body');
    }
    if (err instanceof HTTPException) return errorResponse(err.status, 'invalid_request', err.message);
    // The message only: a stack or a query could carry request data.
    console.error(`internal error: ${err.message}`);
    return errorResponse(500, 'internal', 'internal error');
  });
  return app;
}

function routeRegex(path: string): RegExp {
  const pattern = path
    .replace(/[.*+?^${}()|[\]\\]/g, (ch) => (ch === '{' || ch === '}' ? ch : `\\${ch}`))
    .replace(/:[A-Za-z_]+|\{[A-Za-z_]+\}/g, '[^/]+');
  return new RegExp(`^${pattern}/?$`);
}
