/**
 * share: repost a post, with optional commentary.
 *
 * Endpoint (voyager-reference.md "Repost", confidence LOW: the shape is not
 * confirmed in public sources). Assumed GraphQL create-share:
 *   POST /voyager/api/graphql?action=execute&queryId=voyagerContentcreationDashShares.<hash>
 *   body {"variables":{"post":{"allowedCommentersScope":"ALL","intendedShareLifeCycleState":"PUBLISHED",
 *         "origin":"FEED","visibilityDataUnion":{"visibilityType":"ANYONE"},
 *         "commentary":{"text":…,"attributesV2":[]},"parentUrn":<thread urn>}},
 *         "queryId":…,"includeWebMetadata":true}
 *   → a urn:li:share:<id> somewhere in the answer.
 * The queryId hash changes with LinkedIn's front end: change SHARE_QUERY_ID here.
 * No read-back exists: a lost answer is reported as unknown, never resent.
 */
import { findUrns } from '../voyager/normalized';
import { shareParams } from '../../contract/params';
import { postLabel } from './labels';
import { defineAction, failureOutcome, succeeded } from './types';

export const SHARE_QUERY_ID = 'voyagerContentcreationDashShares.279996efa5064c01775d5aff003d9377';
export const SHARE_PATH = `/graphql?action=execute&queryId=${SHARE_QUERY_ID}`;

export function shareBody(parentUrn: string, commentary: string) {
  return {
    variables: {
      post: {
        allowedCommentersScope: 'ALL',
        intendedShareLifeCycleState: 'PUBLISHED',
        origin: 'FEED',
        visibilityDataUnion: { visibilityType: 'ANYONE' },
        commentary: { text: commentary, attributesV2: [] },
        parentUrn,
      },
    },
    queryId: SHARE_QUERY_ID,
    includeWebMetadata: true,
  };
}

export function parseShareResponse(json: unknown): string | undefined {
  return findUrns(json, /^urn:li:share:\d+$/)[0];
}

export const share = defineAction({
  type: 'share',
  bucket: 'shares',
  params: shareParams,
  summarize: (p) => `post=${postLabel(p.post)}${p.commentary ? ` commentary=${p.commentary.length} chars` : ''}`,
  async execute(p, ctx) {
    const { threadUrn } = p.post;
    const verdict = await ctx.mutate({ method: 'POST', path: SHARE_PATH, body: shareBody(threadUrn, p.commentary) }, { threadUrn });
    if (verdict.kind !== 'ok') return failureOutcome(verdict, `share ${threadUrn}`);
    return succeeded('reposted', { shareUrn: parseShareResponse(verdict.json) ?? null });
  },
});
