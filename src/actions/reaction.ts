/**
 * react / unreact.
 *
 * React (voyager-reference.md "Reactions", confidence medium):
 *   POST /voyager/api/voyagerSocialDashReactions?threadUrn=<URL-encoded thread urn>  body {"reactionType":"LIKE"} → 201
 * Remove (confidence low):
 *   DELETE /voyager/api/voyagerSocialDashReactions/<URL-encoded urn:li:fsd_reaction:(<viewer>,<thread>,<TYPE>)>
 * Removing needs the type: we remember the one we set; otherwise (and to
 * reconcile) we read the viewer's reaction back with an assumed call (low):
 *   GET /voyager/api/voyagerSocialDashReactions?q=viewerReaction&threadUrn=<thread>  → data.reactionType | null
 */
import { z } from 'zod';
import { dataOf } from '../voyager/normalized';
import { DAY } from '../time';
import { postParams, reactParams, REACTION_TYPES, type ReactionType } from '../../contract/params';
import { postLabel } from './labels';
import { defineAction, failureOutcome, succeeded, type ActionContext, type Outcome, type Reconciliation } from './types';


export function reactPath(threadUrn: string): string {
  return `/voyagerSocialDashReactions?threadUrn=${encodeURIComponent(threadUrn)}`;
}

export function unreactPath(viewerUrn: string, threadUrn: string, type: ReactionType): string {
  return `/voyagerSocialDashReactions/${encodeURIComponent(`urn:li:fsd_reaction:(${viewerUrn},${threadUrn},${type})`)}`;
}

export function viewerReactionPath(threadUrn: string): string {
  return `/voyagerSocialDashReactions?q=viewerReaction&threadUrn=${encodeURIComponent(threadUrn)}`;
}

export function parseViewerReaction(json: unknown): ReactionType | null | undefined {
  const data = dataOf(json);
  if (!data || !('reactionType' in data)) return undefined;
  const t = data.reactionType;
  if (t === null) return null;
  return REACTION_TYPES.find((r) => r === t);
}

const reactionCacheKey = (threadUrn: string) => `reaction:${threadUrn}`;
const reactionCache = z.enum(REACTION_TYPES);

async function readViewerReaction(ctx: ActionContext, threadUrn: string): Promise<{ ok: true; type: ReactionType | null } | { ok: false; outcome: Outcome }> {
  const verdict = await ctx.voyager.call({ method: 'GET', path: viewerReactionPath(threadUrn) });
  if (verdict.kind !== 'ok') return { ok: false, outcome: failureOutcome(verdict, `reaction on ${threadUrn}`) };
  const type = parseViewerReaction(verdict.json);
  if (type === undefined) return { ok: false, outcome: { status: 'failed', code: 'linkedin_error', message: 'viewer reaction had an unexpected shape', output: { httpStatus: verdict.status } } };
  return { ok: true, type };
}

async function reconcileReaction(ctx: ActionContext, threadUrn: string, want: ReactionType | null, done: Outcome): Promise<Reconciliation> {
  const read = await readViewerReaction(ctx, threadUrn);
  if (!read.ok) return { kind: 'unknown', reason: read.outcome.message };
  return read.type === want ? { kind: 'done', outcome: done } : { kind: 'not_done' };
}

export const react = defineAction({
  type: 'react',
  bucket: 'reactions',
  params: reactParams,
  summarize: (p) => `post=${postLabel(p.post)} reaction=${p.reaction}`,
  async execute(p, ctx) {
    const threadUrn = p.post.threadUrn;
    const verdict = await ctx.mutate({ method: 'POST', path: reactPath(threadUrn), body: { reactionType: p.reaction } }, { threadUrn, reaction: p.reaction });
    if (verdict.kind !== 'ok') return failureOutcome(verdict, `react on ${threadUrn}`);
    await ctx.cache.put(reactionCacheKey(threadUrn), p.reaction, 30 * DAY);
    return succeeded('reaction set', { reaction: p.reaction });
  },
  reconcile: (p, _intent, ctx) => reconcileReaction(ctx, p.post.threadUrn, p.reaction, succeeded('reaction set', { reaction: p.reaction })),
});

export const unreact = defineAction({
  type: 'unreact',
  bucket: 'reactions',
  params: postParams,
  summarize: (p) => `post=${postLabel(p.post)}`,
  async execute(p, ctx) {
    const threadUrn = p.post.threadUrn;
    const removeType = async (type: ReactionType) => {
      const verdict = await ctx.mutate({ method: 'DELETE', path: unreactPath(ctx.viewer.memberUrn, threadUrn, type) }, { threadUrn, type });
      return verdict;
    };
    const cached = await ctx.cache.get(reactionCacheKey(threadUrn), (v) => reactionCache.safeParse(v).data);
    if (cached) {
      const verdict = await removeType(cached);
      if (verdict.kind === 'ok') {
        await ctx.cache.delete(reactionCacheKey(threadUrn));
        return succeeded('reaction removed', { reaction: null, removed: cached });
      }
      if (verdict.kind !== 'not_found') return failureOutcome(verdict, `unreact on ${threadUrn}`);
      // The remembered type is stale (changed in the UI?): read the current one.
    }
    const read = await readViewerReaction(ctx, threadUrn);
    if (!read.ok) return read.outcome;
    if (read.type === null) {
      await ctx.cache.delete(reactionCacheKey(threadUrn));
      return succeeded('no reaction to remove', { reaction: null, alreadyDone: true });
    }
    const verdict = await removeType(read.type);
    if (verdict.kind !== 'ok') return failureOutcome(verdict, `unreact on ${threadUrn}`);
    await ctx.cache.delete(reactionCacheKey(threadUrn));
    return succeeded('reaction removed', { reaction: null, removed: read.type });
  },
  reconcile: (p, _intent, ctx) => reconcileReaction(ctx, p.post.threadUrn, null, succeeded('reaction removed', { reaction: null })),
});
