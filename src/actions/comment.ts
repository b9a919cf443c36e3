/**
 * comment: a plain-text comment on a post.
 *
 * Endpoint (voyager-reference.md "Comments", confidence high):
 *   POST /voyager/api/voyagerSocialDashNormComments?decorationId=com.linkedin.voyager.dash.deco.social.NormComment-43
 *   body {"commentary":{"text":…,"attributesV2":[],"$type":"com.linkedin.voyager.dash.common.text.TextViewModel"},"threadUrn":…}
 *   → 201, data.entityUrn = urn:li:fsd_comment:(…)
 * Read-back for a lost answer (assumed, low confidence):
 *   GET voyagerSocialDashComments?q=comments&threadUrn=…&count=50&sortOrder=REVERSE_CHRONOLOGICAL
 */
import { findUrns, includedOf, isRecord } from '../voyager/normalized';
import { commentParams } from '../../contract/params';
import { postLabel } from './labels';
import { defineAction, failureOutcome, succeeded, type Reconciliation } from './types';

export const COMMENT_PATH = '/voyagerSocialDashNormComments?decorationId=com.linkedin.voyager.dash.deco.social.NormComment-43';

export function commentBody(threadUrn: string, text: string) {
  return {
    commentary: { text, attributesV2: [], $type: 'com.linkedin.voyager.dash.common.text.TextViewModel' },
    threadUrn,
  };
}

export function parseCommentResponse(json: unknown): string | undefined {
  return findUrns(json, /^urn:li:fsd_comment:\(.+\)$/)[0];
}

export function commentsPath(threadUrn: string): string {
  return `/voyagerSocialDashComments?q=comments&threadUrn=${encodeURIComponent(threadUrn)}&count=50&sortOrder=REVERSE_CHRONOLOGICAL`;
}

/** The viewer's comment with exactly this text, if LinkedIn shows one. */
export function findViewerComment(json: unknown, viewerUrn: string, text: string): string | undefined {
  const hit = includedOf(json).find(
    (c) => isRecord(c.commentary) && c.commentary.text === text && (c.commenterProfileUrn === viewerUrn || c['*commenter'] === viewerUrn),
  );
  return typeof hit?.entityUrn === 'string' ? hit.entityUrn : undefined;
}

export const comment = defineAction({
  type: 'comment',
  bucket: 'comments',
  params: commentParams,
  summarize: (p) => `post=${postLabel(p.post)} text=${p.text.length} chars`,
  async execute(p, ctx) {
    const { threadUrn } = p.post;
    const verdict = await ctx.mutate({ method: 'POST', path: COMMENT_PATH, body: commentBody(threadUrn, p.text) }, { threadUrn, text: p.text });
    if (verdict.kind !== 'ok') return failureOutcome(verdict, `comment on ${threadUrn}`);
    return succeeded('comment posted', { commentUrn: parseCommentResponse(verdict.json) ?? null });
  },
  async reconcile(p, _intent, ctx): Promise<Reconciliation> {
    const verdict = await ctx.voyager.call({ method: 'GET', path: commentsPath(p.post.threadUrn) });
    if (verdict.kind !== 'ok') return { kind: 'unknown', reason: `comments unreadable (HTTP ${verdict.status})` };
    const urn = findViewerComment(verdict.json, ctx.viewer.memberUrn, p.text);
    return urn ? { kind: 'done', outcome: succeeded('comment posted', { commentUrn: urn }) } : { kind: 'not_done' };
  },
});
