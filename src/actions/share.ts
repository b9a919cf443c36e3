/**
 * share: repost a post, optionally with the user's commentary
 * (voyager-reference.md v2, "Repost / share", low-medium).
 *
 * The Voyager forms need the SHARE urn (urn:li:share:<id>), never the
 * activity urn (that makes a new post, or fails). Variants, in order:
 * 1. GraphQL voyagerFeedDashReposts (LT, Feb 2026):
 *      POST /voyager/api/graphql?action=execute&queryId=voyagerFeedDashReposts.<hash>
 *      body {"variables":{"entity":{"rootContentUrn":"urn:li:share:<id>"}},"queryId":…}
 *      → data.data.createFeedDashReposts.resourceKey                       (share URN given)
 * 2. SDUI feed.requests.createInstantRepost (MG, browser only; a hand-built
 *    body may get 500; the screen id is inferred)                          (activity URN given)
 * With commentary only:
 * 3. GraphQL voyagerContentcreationDashShares (MG 2026-07), origin RESHARE,
 *    parentUrn the share URN (origin FEED would make a new post).
 * GraphQL answers 200 on validation errors: `errors` is a refusal (classify.ts).
 * Mapping an activity to its share urn needs a feed read v2 does not name,
 * so a post given as an activity is reposted by variant 2 only, and a repost
 * with commentary needs the share urn. Read-back (own activity via
 * voyagerFeedDashProfileUpdates) has no known hash: a lost answer stays
 * unknown, never a second repost. Hashes rotate: change them here.
 */
import { shareParams } from '../../contract/params';
import type { PostRef } from '../../contract/inputs';
import type { Verdict } from '../voyager/classify';
import type { LinkedInCall } from '../voyager/client';
import { dataOf, isRecord, stringField } from '../voyager/normalized';
import type { SduiAction } from '../voyager/sdui';
import { postLabel } from './labels';
import { defineAction, exhaustedOutcome, failureOutcome, succeeded, unreadableOutcome, type Outcome } from './types';
import { callAttempt, runVariants, type Variant } from './variants';

export const SHARE = 'share';
export const REPOST_QUERY_ID = 'voyagerFeedDashReposts.a0663ae5c654123343da36617d2dbfde';
export const RESHARE_QUERY_ID = 'voyagerContentcreationDashShares.80089eb2e82a2dfa23cb621fb09eb7bf';
export const graphqlPath = (queryId: string) => `/graphql?action=execute&queryId=${queryId}`;

export function repostBody(shareUrn: string) {
  return { variables: { entity: { rootContentUrn: shareUrn } }, queryId: REPOST_QUERY_ID };
}

export function reshareBody(shareUrn: string, commentary: string) {
  return {
    variables: {
      post: {
        allowedCommentersScope: 'ALL',
        intendedShareLifeCycleState: 'PUBLISHED',
        origin: 'RESHARE',
        parentUrn: shareUrn,
        visibilityDataUnion: { visibilityType: 'ANYONE' },
        commentary: { text: commentary, attributesV2: [] },
      },
    },
    queryId: RESHARE_QUERY_ID,
    includeWebMetadata: true,
  };
}

export function instantRepostAction(activityId: string): SduiAction {
  return {
    id: 'com.linkedin.sdui.feed.requests.createInstantRepost',
    screenId: 'com.linkedin.sdui.flagshipnav.feed.MainFeed',
    payload: { threadUrn: { threadUrnActivityThreadUrn: { activityUrn: { activityId } } } },
  };
}

/** The GraphQL operation's result object (data.data.<operation>), or undefined. */
function operationResult(json: unknown, operation: string): Record<string, unknown> | undefined {
  const inner = dataOf(json)?.data;
  const result = isRecord(inner) ? inner[operation] : undefined;
  return isRecord(result) ? result : undefined;
}

export function parseRepost(json: unknown): string | undefined {
  return stringField(operationResult(json, 'createFeedDashReposts'), 'resourceKey');
}

export function parseReshare(json: unknown): string | undefined {
  const result = operationResult(json, 'createContentcreationDashShares');
  const entity = result?.entity;
  return stringField(result, 'resourceKey') ?? (isRecord(entity) ? stringField(entity, 'entityUrn') : undefined);
}

/** The variants that fit this post and commentary (an empty list: no known request can do it). */
function variantsFor(
  post: PostRef,
  commentary: string,
  mutate: (call: LinkedInCall) => Promise<Verdict>,
): Variant<Verdict>[] {
  if (commentary) {
    return post.kind === 'share'
      ? [
          {
            name: 'reshare',
            attempt: () =>
              callAttempt(() =>
                mutate({
                  method: 'POST',
                  path: graphqlPath(RESHARE_QUERY_ID),
                  body: reshareBody(post.threadUrn, commentary),
                }),
              ),
          },
        ]
      : [];
  }
  if (post.kind === 'share')
    return [
      {
        name: 'graphql',
        attempt: () =>
          callAttempt(() =>
            mutate({ method: 'POST', path: graphqlPath(REPOST_QUERY_ID), body: repostBody(post.threadUrn) }),
          ),
      },
    ];
  if (post.kind === 'activity')
    return [
      { name: 'sdui', attempt: () => callAttempt(() => mutate({ api: 'sdui', action: instantRepostAction(post.id) })) },
    ];
  return [];
}

export const share = defineAction({
  type: 'share',
  bucket: 'shares',
  params: shareParams,
  summarize: (p) => `post=${postLabel(p.post)}${p.commentary ? ` commentary=${p.commentary.length} chars` : ''}`,
  async execute(p, ctx): Promise<Outcome> {
    const { threadUrn } = p.post;
    const variants = variantsFor(p.post, p.commentary, (call) => ctx.mutate(call, { threadUrn }));
    if (variants.length === 0) {
      const why = p.commentary
        ? 'a repost with commentary needs the post as urn:li:share:<id>'
        : `a ${p.post.kind} post cannot be reposted by any known request; give its urn:li:share or urn:li:activity`;
      return { status: 'failed', code: 'linkedin_error', message: `share ${threadUrn}: ${why}`, output: {} };
    }
    const result = await runVariants(ctx, p.commentary ? `${SHARE} with commentary` : SHARE, variants);
    if (result.kind === 'exhausted') return exhaustedOutcome(SHARE, result, `share ${threadUrn}`);
    const verdict = result.value;
    if (verdict.kind !== 'ok') return failureOutcome(verdict, `share ${threadUrn}`, SHARE);
    if (result.variant === 'sdui')
      return succeeded('reposted (LinkedIn accepted; a server action confirms nothing and no read-back exists)', {
        shareUrn: null,
        confirmed: false,
      });
    const shareUrn = result.variant === 'reshare' ? parseReshare(verdict.json) : parseRepost(verdict.json);
    if (!shareUrn)
      return unreadableOutcome(
        SHARE,
        verdict.status,
        'no resourceKey in the GraphQL answer; the repost may exist: not sent again',
      );
    return succeeded('reposted', { shareUrn });
  },
});
