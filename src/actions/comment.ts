/**
 * comment: a plain-text comment on a post (voyager-reference.md v2,
 * "Comments", medium-high).
 *   POST /voyager/api/voyagerSocialDashNormComments?decorationId=com.linkedin.voyager.dash.deco.social.NormComment-43
 *   body {"commentary":{"text":…,"attributesV2":[],"$type":"com.linkedin.voyager.dash.common.text.TextViewModel"},"threadUrn":…}
 *   → 201, data.entityUrn or x-restli-id = urn:li:fsd_comment:(<cid>,<thread>)
 * A ugcPost is commented as `urn:li:ugcPost:<id>` (LT), the form the post
 * reference already gives. The SDUI comments.createComment needs a captured
 * template and a minted token (low): not used. voyagerSocialDashComments
 * answers 400 and is never sent.
 * Read-back (medium, MG): GET feed/comments?q=comments&updateId=<enc thread urn>,
 * looking for the viewer's exact text.
 */
import { commentParams } from '../../contract/params';
import { allObjects, findUrns, hasCollection, isRecord, mentions } from '../voyager/normalized';
import { postLabel } from './labels';
import {
  defineAction,
  exhaustedOutcome,
  failureOutcome,
  succeeded,
  type ActionContext,
  type Outcome,
  type Reconciliation,
} from './types';
import { callAttempt, runVariants } from './variants';

export const COMMENT = 'comment';
export const COMMENTS_READ = 'comments list';
export const COMMENT_PATH =
  '/voyagerSocialDashNormComments?decorationId=com.linkedin.voyager.dash.deco.social.NormComment-43';

export function commentBody(threadUrn: string, text: string) {
  return {
    commentary: { text, attributesV2: [], $type: 'com.linkedin.voyager.dash.common.text.TextViewModel' },
    threadUrn,
  };
}

export function parseCommentResponse(json: unknown, headers: Record<string, string>): string | undefined {
  const COMMENT_URN = /^urn:li:fsd_comment:\(.+\)$/;
  const fromHeader = headers['x-restli-id'];
  return findUrns(json, COMMENT_URN)[0] ?? (fromHeader && COMMENT_URN.test(fromHeader) ? fromHeader : undefined);
}

export function commentsPath(threadUrn: string): string {
  return `/feed/comments?q=comments&updateId=${encodeURIComponent(threadUrn)}`;
}

const textOf = (c: Record<string, unknown>): unknown => {
  for (const key of ['commentV2', 'commentary', 'comment']) {
    const holder = c[key];
    if (isRecord(holder) && typeof holder.text === 'string') return holder.text;
  }
  return undefined;
};

/** The viewer's comment with exactly this text, if LinkedIn lists one; undefined when the answer holds no comments at all. */
export function findViewerComment(json: unknown, viewerTail: string, text: string): string | null | undefined {
  const comments = allObjects(json).filter(
    (o) => typeof o.entityUrn === 'string' && /comment/i.test(o.entityUrn) && textOf(o) !== undefined,
  );
  const hit = comments.find(
    (c) => textOf(c) === text && mentions({ ...c, commentV2: null, commentary: null, comment: null }, viewerTail),
  );
  if (hit) return String(hit.entityUrn);
  // "Not there" only from an answer that holds a comment collection; anything else is unreadable.
  return hasCollection(json) ? null : undefined;
}

async function readBack(ctx: ActionContext, threadUrn: string, text: string): Promise<Reconciliation> {
  const verdict = await ctx.linkedin.call({ method: 'GET', path: commentsPath(threadUrn) });
  if (verdict.kind !== 'ok')
    return { kind: 'unknown', reason: `comments unreadable (${verdict.kind}, HTTP ${verdict.status})` };
  const urn = findViewerComment(verdict.json, ctx.viewer.tail, text);
  if (urn === undefined) return { kind: 'unknown', reason: 'comments answer unreadable' };
  return urn ? { kind: 'done', outcome: succeeded('comment posted', { commentUrn: urn }) } : { kind: 'not_done' };
}

export const comment = defineAction({
  type: 'comment',
  bucket: 'comments',
  params: commentParams,
  summarize: (p) => `post=${postLabel(p.post)} text=${p.text.length} chars`,
  async execute(p, ctx): Promise<Outcome> {
    const { threadUrn } = p.post;
    const result = await runVariants(ctx, COMMENT, [
      {
        name: 'voyager',
        attempt: () =>
          callAttempt(() =>
            ctx.mutate(
              { method: 'POST', path: COMMENT_PATH, body: commentBody(threadUrn, p.text) },
              { threadUrn, text: p.text },
            ),
          ),
      },
    ]);
    if (result.kind === 'exhausted') return exhaustedOutcome(COMMENT, result, `comment on ${threadUrn}`);
    const verdict = result.value;
    if (verdict.kind !== 'ok') return failureOutcome(verdict, `comment on ${threadUrn}`, COMMENT);
    const commentUrn = parseCommentResponse(verdict.json, verdict.headers);
    if (commentUrn) return succeeded('comment posted', { commentUrn });
    // A 2xx without the comment URN: it probably landed; the read-back decides, never a guess.
    const check = await readBack(ctx, threadUrn, p.text);
    if (check.kind === 'done') return check.outcome;
    return {
      status: 'failed',
      code: 'linkedin_error',
      message: `LinkedIn answered the comment without a comment URN and the read-back ${check.kind === 'not_done' ? 'does not show it' : 'failed'}; not sent again`,
      output: { httpStatus: verdict.status, endpoint: COMMENT },
      drift: { endpoint: COMMENT, reason: 'a 2xx comment answer without a comment URN', gone: false },
    };
  },
  reconcile: (p, _intent, ctx) => readBack(ctx, p.post.threadUrn, p.text),
});
