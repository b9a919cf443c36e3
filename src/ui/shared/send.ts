/** Typed request to the service worker; the reply is validated before use. */
import browser from 'webextension-polyfill';
import { z } from '../../../contract/zod';
import type { Reply, ReplyData, Request } from '../../shared/messages';
import { replySchemas } from '../../shared/replies';
import { replyErrorSchema } from '../../shared/problem';

const NOT_LISTENING = /Receiving end does not exist|Could not establish connection/i;

/** A worker that is still starting has no listener yet: ask again shortly, a few times. */
async function sendRaw(request: Request): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await browser.runtime.sendMessage(request);
    } catch (error) {
      if (attempt >= 20 || !(error instanceof Error) || !NOT_LISTENING.test(error.message)) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function send<R extends Request>(request: R): Promise<Reply<ReplyData<R['type']>>> {
  let raw: unknown;
  try {
    raw = await sendRaw(request);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { problems: [{ key: 'problemNoAnswer', detail }] } };
  }
  const schema = z.union([
    z.object({ ok: z.literal(true), data: replySchemas[request.type] }),
    z.object({ ok: z.literal(false), error: replyErrorSchema }),
  ]);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { problems: [{ key: 'problemBadAnswer' }] } };
  return parsed.data as Reply<ReplyData<R['type']>>;
}
