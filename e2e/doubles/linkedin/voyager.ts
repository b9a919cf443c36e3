/** /voyager/api dispatch: route → (violation) → headers → query/body → rotation/failures → apply. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sleep, type Ctx } from './ctx';
import { badRequest, HttpError, parseQuery, parseQueryLoose, type Reply } from './http';
import { runWrite } from './pipeline';
import { drop, send, VOYAGER_JSON } from './respond';
import { checkQuery, parseBody, resolveRoute, type RouteContext } from './routes/index';
import { checkVoyagerHeaders } from './strict';
import type { RecordedRequest } from './types';

export const API_PREFIX = '/voyager/api';

export async function handleVoyager(
  ctx: Ctx,
  req: IncomingMessage,
  res: ServerResponse,
  record: RecordedRequest,
): Promise<void> {
  const { method, path, rawQuery, rawBody } = record;
  let subPath: string | null = null;
  try {
    subPath = decodeURIComponent(path.slice(API_PREFIX.length));
  } catch {
    subPath = null;
  }
  const resolution =
    subPath === null
      ? { route: null, reason: 'malformed path' }
      : resolveRoute(method, subPath, parseQueryLoose(rawQuery));
  record.endpoint = resolution.route?.endpoint ?? 'unknown';
  const violate = (reason: string): void => void ctx.violations.push(`${method} ${path}: ${reason}`);
  // Recorded before any other check: the request was sent, whatever LinkedIn answers.
  if (resolution.route?.violation) violate(resolution.route.violation);
  if (ctx.slowMs > 0) await sleep(ctx.slowMs);
  let reply: Reply;
  try {
    checkVoyagerHeaders(req.headers, method, rawBody !== '', ctx.session, ctx.fixture, violate);
    if (!resolution.route) throw badRequest(resolution.reason);
    const { route, params } = resolution;
    const query = parseQuery(rawQuery);
    checkQuery(route, query);
    const body = parseBody(route, rawBody);
    const rc: RouteContext = {
      state: ctx.state,
      params,
      query,
      rawQuery,
      body,
      now: ctx.clock.now(),
      violate,
      nextVariantAnswered: ctx.nextVariantAnswered,
    };
    if (route.violation) {
      reply = route.handle(rc);
    } else {
      const input = { method, path, endpoint: route.endpoint, query, body };
      const outcome = await runWrite(ctx, record, 'voyager', input, route.write, route.subject?.(params, body), () =>
        route.handle(rc),
      );
      if (!outcome) return;
      if (outcome.drop) return drop(res, VOYAGER_JSON);
      reply = outcome.reply;
    }
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    reply = e.reply;
  }
  send(res, record, reply, VOYAGER_JSON);
}
