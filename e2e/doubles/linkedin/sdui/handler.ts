/**
 * SDUI dispatch (D3): POST …/server-request?sduiid=<id> with minimal
 * headers and the full envelope. Unknown id or method → 400; headers,
 * envelope or payload drift → 500 text (v2: "the only proven cause of an SDUI
 * 500 is an incomplete body"); business refusals → 200 with failure text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sleep, type Ctx } from '../ctx';
import { HttpError, parseQuery, RSC_TYPE, sduiError, tryParseJson, type Reply } from '../http';
import { runWrite } from '../pipeline';
import { drop, send } from '../respond';
import { checkSduiHeaders } from '../strict';
import type { RecordedRequest } from '../types';
import { parseEnvelope, sduiAction, type Prepared } from './index';

const badRequest = (message: string): HttpError =>
  new HttpError({ status: 400, text: `Bad Request: ${message}`, type: 'text/plain; charset=utf-8' }, message);

function prepare(
  rawBody: string,
  action: NonNullable<ReturnType<typeof sduiAction>>,
): { prepared: Prepared; body: unknown } {
  const parsed = tryParseJson(rawBody);
  if (!parsed.ok) throw sduiError('body is not JSON');
  try {
    const { payload, metadata } = parseEnvelope(parsed.value, action);
    return { prepared: action.prepare(payload, metadata), body: parsed.value };
  } catch (e) {
    if (e instanceof HttpError && e.reply.status === 400) throw sduiError(e.message);
    throw e;
  }
}

export async function handleSdui(
  ctx: Ctx,
  req: IncomingMessage,
  res: ServerResponse,
  record: RecordedRequest,
): Promise<void> {
  const { method, path, rawQuery, rawBody } = record;
  const action = sduiAction(record.query.sduiid);
  record.endpoint = action?.endpoint ?? 'unknown';
  const violate = (reason: string): void => void ctx.violations.push(`${method} ${path}?${rawQuery}: ${reason}`);
  if (ctx.slowMs > 0) await sleep(ctx.slowMs);
  let reply: Reply;
  try {
    if (method !== 'POST') throw badRequest(`unknown method ${method}`);
    const query = parseQuery(rawQuery);
    const extra = Object.keys(query).filter((k) => k !== 'sduiid');
    if (extra.length > 0) throw badRequest(`unexpected query parameter: ${extra.join(', ')}`);
    if (!action) throw badRequest(`unknown sduiid: ${query.sduiid ?? '(none)'}`);
    checkSduiHeaders(req.headers, ctx.session, violate);
    const { prepared, body } = prepare(rawBody, action);
    const sctx = { state: ctx.state, now: ctx.clock.now(), violate, nextVariantAnswered: ctx.nextVariantAnswered };
    const input = { method, path, endpoint: action.endpoint, query, body };
    const outcome = await runWrite(ctx, record, 'sdui', input, true, prepared.subject, () => prepared.apply(sctx));
    if (!outcome) return;
    if (outcome.drop) return drop(res, RSC_TYPE);
    reply = outcome.reply;
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    reply = e.reply;
  }
  send(res, record, reply, 'application/json');
}
