/**
 * After a request passed validation: CSRF rotation (D2), failure injection,
 * then the write, with the bookkeeping every surface shares (mutation flag,
 * "next variant" answers of withdraw variants for D8).
 */
import { sleep, type Ctx } from './ctx';
import { scenarioReply, type Surface } from './failures';
import { HttpError, type Reply } from './http';
import { randomDigits } from './ids';
import { WITHDRAW_VARIANTS } from './routes/withdraw';
import { isRecord } from './shape';
import type { FailureMatchInput, RecordedRequest } from './types';

export interface Outcome {
  reply: Reply;
  /** dropAfterApply: cut the answer off after its headers. */
  drop: boolean;
}

function hasBusinessCode(body: unknown): boolean {
  if (!isRecord(body)) return false;
  return (isRecord(body.data) && 'code' in body.data) || 'code' in body || 'errors' in body;
}

/** v2 "Next variant": 404, 405, 410, or a 400 without a business code. */
export function isNextVariant(reply: Reply): boolean {
  if ([404, 405, 410].includes(reply.status)) return true;
  return reply.status === 400 && !hasBusinessCode(reply.json);
}

const isApplied = (r: Reply): boolean => r.status >= 200 && r.status < 300 && !r.notApplied;

function runApply(apply: () => Reply): Reply {
  try {
    return apply();
  } catch (e) {
    if (e instanceof HttpError) return e.reply;
    throw e;
  }
}

function rotateCsrf(ctx: Ctx): Reply {
  ctx.session.jsessionId = `ajax:${randomDigits(19)}`;
  return {
    status: 403,
    text: 'CSRF check failed',
    type: 'text/plain; charset=utf-8',
    headers: {
      'set-cookie': `JSESSIONID="${ctx.session.jsessionId}"; Domain=.www.linkedin.com; Path=/; Secure; SameSite=None`,
    },
  };
}

export async function runWrite(
  ctx: Ctx,
  record: RecordedRequest,
  surface: Surface,
  input: FailureMatchInput,
  write: boolean,
  subject: string | undefined,
  apply: () => Reply,
): Promise<Outcome | null> {
  const rotation = ctx.rotations.findIndex((m) => m(input));
  if (rotation >= 0) {
    ctx.rotations.splice(rotation, 1);
    return { reply: rotateCsrf(ctx), drop: false };
  }
  const picked = ctx.failures.take(input);
  if (picked.delayMs > 0) await sleep(picked.delayMs);
  if (!ctx.alive()) return null;
  const s = picked.scenario;
  let reply: Reply;
  let drop = false;
  if (!s || s.kind === 'dropAfterApply' || s.kind === 'serverErrorAfterApply') {
    const applied = runApply(apply);
    record.mutation = write && isApplied(applied);
    drop = s?.kind === 'dropAfterApply';
    const status = s?.kind === 'serverErrorAfterApply' ? (s.status ?? 500) : 0;
    reply =
      status && record.mutation
        ? surface === 'voyager'
          ? { status, json: { status } }
          : { status, text: 'Internal Server Error', type: 'text/plain; charset=utf-8' }
        : applied;
  } else {
    reply = scenarioReply(s, surface);
  }
  if (
    subject !== undefined &&
    (WITHDRAW_VARIANTS as readonly string[]).includes(record.endpoint) &&
    isNextVariant(reply)
  ) {
    const tried = ctx.nextVariantAnswered.get(subject) ?? new Set<string>();
    tried.add(record.endpoint);
    ctx.nextVariantAnswered.set(subject, tried);
  }
  return { reply, drop };
}
