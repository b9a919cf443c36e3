/**
 * react / unreact (voyager-reference.md v2, "Reactions").
 *
 * React (high on urn:li:activity):
 *   POST /voyager/api/voyagerSocialDashReactions?threadUrn=<enc thread urn>  body {"reactionType":"LIKE"}
 *   → 201 with an EMPTY body and x-restli-id urn:li:fsd_reaction:(<viewer>,<thread>,0)
 * Unreact (medium): only the SDUI server action com.linkedin.sdui.reactions.delete
 * works (MG live 200, 2026-07); the Voyager DELETE answers 400 in every key
 * format and is never sent. Its envelope replays MG's capture (partial bodies
 * got 500), keeping the rollback actions and dropping the captured toast
 * markup. Only LIKE on activity threads has been captured (a known unknown).
 * Read-back (TQ, MG): the reactions list by type, paged until the viewer
 * appears; there is no q=viewerReaction.
 */
import { z } from '../../contract/zod';
import { postParams, reactParams, REACTION_TYPES, type ReactionType } from '../../contract/params';
import { DAY } from '../time';
import type { Verdict } from '../voyager/classify';
import { collectionOf, elementUrns, entityByUrn, includedOf, stringField } from '../voyager/normalized';
import type { SduiAction } from '../voyager/sdui';
import { postLabel } from './labels';
import {
  defineAction,
  exhaustedOutcome,
  failureOutcome,
  succeeded,
  unreadableOutcome,
  type ActionContext,
  type Outcome,
  type Reconciliation,
} from './types';
import { callAttempt, runVariants } from './variants';

export const REACT = 'react';
export const UNREACT = 'reactions.delete';
export const REACTIONS_READ = 'reactions list';
const READ_PAGE = 100;
const READ_MAX_PAGES = 20;

export function reactPath(threadUrn: string): string {
  return `/voyagerSocialDashReactions?threadUrn=${encodeURIComponent(threadUrn)}`;
}

export function reactionsPath(threadUrn: string, start: number): string {
  return `/voyagerSocialDashReactions?q=reactionType&threadUrn=${encodeURIComponent(threadUrn)}&decorationId=com.linkedin.voyager.dash.deco.social.ReactionsByTypeWithProfileActions-13&start=${start}&count=${READ_PAGE}`;
}

export function unreactSduiAction(activityId: string, type: ReactionType): SduiAction {
  const activityUrn = `urn:li:activity:${activityId}`;
  const stateKey = (id: string) => ({ key: { value: { $case: 'id', id } } });
  return {
    id: 'com.linkedin.sdui.reactions.delete',
    screenId: 'com.linkedin.sdui.flagshipnav.feed.UpdateDetail',
    payload: {
      threadUrn: {
        threadUrnActivityThreadUrn: {
          __typename: 'proto_com_linkedin_common_ActivityUrn',
          activityUrn: { activityId },
        },
      },
      reactionType: `ReactionType_${type}`,
      reactionSource: 'Update',
    },
    requestMetadata: {
      currentActor: {
        $type: 'proto.sdui.bindings.core.Bindable',
        key: stateKey(`identitySwitcherActorContext-${activityUrn}`),
        content: { $case: 'stringBinding', stringBinding: {} },
      },
    },
    serverRequestExtras: {
      onClientRequestFailureAction: {
        actions: [
          {
            $type: 'proto.sdui.actions.core.RollbackStates',
            value: { keys: [stateKey(`reactionState-${activityUrn}`)] },
          },
          {
            $type: 'proto.sdui.actions.core.RollbackStates',
            value: { keys: [stateKey(`ReactionType_${type}_${activityUrn}`)] },
          },
        ],
      },
      isApfcEnabled: false,
      isStreaming: false,
      rumPageKey: '',
    },
    topLevelExtras: { states: [] },
  };
}

/** The viewer's reaction in one page of the list: its type, null when absent; undefined = unreadable. */
export function viewerReactionInPage(
  json: unknown,
  viewerUrn: string,
): { type: ReactionType | null; count: number } | undefined {
  if (!collectionOf(json)) return undefined;
  const urns = elementUrns(json);
  const entities = urns.length > 0 ? urns.map((u) => entityByUrn(json, u) ?? { entityUrn: u }) : includedOf(json);
  const mine = entities.find(
    (e) =>
      stringField(e, 'actorUrn') === viewerUrn ||
      (stringField(e, 'entityUrn') ?? '').startsWith(`urn:li:fsd_reaction:(${viewerUrn},`),
  );
  const type = mine ? REACTION_TYPES.find((t) => t === mine.reactionType) : undefined;
  if (mine && !type) return undefined;
  return { type: type ?? null, count: urns.length };
}

const reactionCacheKey = (threadUrn: string) => `reaction:${threadUrn}`;
const reactionCache = z.enum(REACTION_TYPES);

async function readViewerReaction(
  ctx: ActionContext,
  threadUrn: string,
): Promise<{ ok: true; type: ReactionType | null } | { ok: false; outcome: Outcome }> {
  for (let page = 0; page < READ_MAX_PAGES; page++) {
    const verdict = await ctx.linkedin.call({ method: 'GET', path: reactionsPath(threadUrn, page * READ_PAGE) });
    if (verdict.kind !== 'ok')
      return { ok: false, outcome: failureOutcome(verdict, `reactions on ${threadUrn}`, REACTIONS_READ) };
    const found = viewerReactionInPage(verdict.json, ctx.viewer.memberUrn);
    if (!found)
      return { ok: false, outcome: unreadableOutcome(REACTIONS_READ, verdict.status, 'no reaction collection') };
    if (found.type !== null || found.count < READ_PAGE) return { ok: true, type: found.type };
  }
  return { ok: true, type: null };
}

async function reconcileReaction(
  ctx: ActionContext,
  threadUrn: string,
  want: ReactionType | null,
  done: Outcome,
): Promise<Reconciliation> {
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
    const { threadUrn } = p.post;
    const result = await runVariants(ctx, REACT, [
      {
        name: 'voyager',
        attempt: () =>
          callAttempt(() =>
            ctx.mutate(
              { method: 'POST', path: reactPath(threadUrn), body: { reactionType: p.reaction } },
              { threadUrn, reaction: p.reaction },
            ),
          ),
      },
    ]);
    if (result.kind === 'exhausted') return exhaustedOutcome(REACT, result, `react on ${threadUrn}`);
    if (result.value.kind !== 'ok') return failureOutcome(result.value, `react on ${threadUrn}`, REACT);
    await ctx.cache.put(reactionCacheKey(threadUrn), p.reaction, 30 * DAY);
    return succeeded('reaction set', { reaction: p.reaction });
  },
  reconcile: (p, _intent, ctx) =>
    reconcileReaction(ctx, p.post.threadUrn, p.reaction, succeeded('reaction set', { reaction: p.reaction })),
});

export const unreact = defineAction({
  type: 'unreact',
  bucket: 'reactions',
  params: postParams,
  summarize: (p) => `post=${postLabel(p.post)}`,
  async execute(p, ctx) {
    const { threadUrn, kind, id } = p.post;
    if (kind !== 'activity') {
      return {
        status: 'failed',
        code: 'linkedin_error',
        message: `no known LinkedIn request removes a reaction on a ${kind} thread (only activity threads were captured)`,
        output: {},
      };
    }
    // The type we set ourselves saves a read; otherwise (or if it went stale) LinkedIn's list says.
    const cached = await ctx.cache.get(reactionCacheKey(threadUrn), (v) => reactionCache.safeParse(v).data);
    let type: ReactionType | null | undefined = cached;
    if (!type) {
      const read = await readViewerReaction(ctx, threadUrn);
      if (!read.ok) return read.outcome;
      type = read.type;
    }
    if (type === null) {
      await ctx.cache.delete(reactionCacheKey(threadUrn));
      return succeeded('no reaction to remove', { reaction: null, alreadyDone: true });
    }
    const removeType = type;
    const result = await runVariants<Verdict>(ctx, UNREACT, [
      {
        name: 'sdui',
        attempt: () =>
          callAttempt(() =>
            ctx.mutate({ api: 'sdui', action: unreactSduiAction(id, removeType) }, { threadUrn, type: removeType }),
          ),
      },
    ]);
    await ctx.cache.delete(reactionCacheKey(threadUrn));
    if (result.kind === 'exhausted') return exhaustedOutcome(UNREACT, result, `unreact on ${threadUrn}`);
    if (result.value.kind !== 'ok') return failureOutcome(result.value, `unreact on ${threadUrn}`, UNREACT);
    // A 200 from a server action is only "probably applied": confirm with the read-back (v2).
    const after = await readViewerReaction(ctx, threadUrn);
    if (!after.ok)
      return succeeded('reaction removed (LinkedIn accepted; the read-back failed)', {
        reaction: null,
        removed: removeType,
        confirmed: false,
      });
    if (after.type !== null)
      return {
        status: 'failed',
        code: 'linkedin_error',
        message: `LinkedIn answered the removal but the ${after.type} reaction is still there`,
        output: { httpStatus: 200 },
      };
    return succeeded('reaction removed', { reaction: null, removed: removeType });
  },
  reconcile: (p, _intent, ctx) =>
    reconcileReaction(ctx, p.post.threadUrn, null, succeeded('reaction removed', { reaction: null })),
});
