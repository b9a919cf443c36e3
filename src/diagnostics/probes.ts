/**
 * Read-only probes of every LinkedIn read the executor depends on, with the
 * executor's own path builders and parsers: a probe is "ok" exactly when the
 * executor could read that answer. Used by "Check LinkedIn" (options page)
 * and by the re-check of a suspended action type. Never a write: every call
 * here is a GET. Reports carry statuses, key paths and types, never values.
 */
import type { CompanyRef, PostRef, ProfileRef } from '../../contract/inputs';
import { encodeSlug } from '../../contract/inputs';
import { PROFILE_LOOKUP } from '../actions/resolve-profile';
import { COMPANY_LOOKUP, companyLookupPath, parseCompanyLookup } from '../actions/resolve-company';
import { SENT_LIST } from '../actions/withdraw-sent-list';
import { REACTIONS_READ, reactionsPath, viewerReactionInPage } from '../actions/reaction';
import { COMMENTS_READ, commentsPath, findViewerComment } from '../actions/comment';
import { conversationsPath, findConversation } from '../actions/message';
import { RELATIONSHIP } from '../actions/relationship-check';
import type { Viewer } from '../actions/types';
import type { Verdict } from '../voyager/classify';
import { LinkedInStop, ME_PATH, type LinkedInClient, type StopVerdict } from '../voyager/client';
import { PROFILE_DECORATIONS, parseMe, parseProfileLookup, profileLookupPath } from '../voyager/identity';
import { parseRelationshipResponse, relationshipPath } from '../voyager/relationship';
import { parseSentInvitations, sentInvitationsPath } from '../voyager/sent-invitations';
import type { ProbeNote } from './probe-note';
import { describeShape } from './shape';

export type ProbeStatus = 'ok' | 'changed' | 'failed' | 'skipped';

export interface ProbeResult {
  endpoint: string;
  /** The variant probed (a decoration), when an endpoint has several. */
  variant?: string;
  status: ProbeStatus;
  httpStatus: number | null;
  /** What was unexpected: verdict kinds, key paths and types. Never values. */
  unexpected: string[];
  /** The answer came, but the executor cannot read it: `unexpected` is its shape. */
  unreadable?: boolean;
  note?: ProbeNote;
}

export interface ProbeInputs {
  /** A profile the user knows (for the relationship read); optional. */
  profile: ProfileRef | null;
  /** A company (default: LinkedIn's own page). */
  company: CompanyRef | null;
  /** A post (for the reaction and comment read-backs); optional. */
  post: PostRef | null;
}

export interface ProbeContext {
  linkedin: LinkedInClient;
  viewer: Viewer;
  inputs: ProbeInputs;
}

/** Turns one read's verdict and parse into a result. */
function judge(
  endpoint: string,
  verdict: Verdict,
  readable: (json: unknown) => boolean,
  extra: Partial<ProbeResult> = {},
): ProbeResult {
  if (verdict.kind === 'ok') {
    return readable(verdict.json)
      ? { endpoint, status: 'ok', httpStatus: verdict.status, unexpected: [], ...extra }
      : {
          endpoint,
          status: 'changed',
          httpStatus: verdict.status,
          unexpected: describeShape(verdict.json),
          unreadable: true,
          ...extra,
        };
  }
  const changed = verdict.kind === 'next_variant' || verdict.kind === 'gone' || verdict.kind === 'unexpected';
  const detail = verdict.kind === 'refused' ? `refused${verdict.code ? ` (${verdict.code})` : ''}` : verdict.kind;
  return {
    endpoint,
    status: changed ? 'changed' : 'failed',
    httpStatus: verdict.status || null,
    unexpected: [detail],
    ...extra,
  };
}

const skipped = (endpoint: string, note: ProbeNote): ProbeResult => ({
  endpoint,
  status: 'skipped',
  httpStatus: null,
  unexpected: [],
  note,
});

async function get(ctx: ProbeContext, path: string): Promise<Verdict> {
  return ctx.linkedin.call({ method: 'GET', path });
}

export interface Probe {
  endpoint: string;
  run(ctx: ProbeContext): Promise<ProbeResult[]>;
}

const profileIdentity = (ref: ProfileRef): string =>
  ref.kind === 'slug' ? encodeSlug(ref.slug) : ref.kind === 'member' ? ref.memberId : ref.tail;

export const PROBES: readonly Probe[] = [
  { endpoint: 'me', run: async (ctx) => [judge('me', await get(ctx, ME_PATH), (json) => parseMe(json) !== undefined)] },
  {
    endpoint: PROFILE_LOOKUP,
    run: (ctx) =>
      Promise.all(
        PROFILE_DECORATIONS.map(async (decoration) => {
          const identity = ctx.viewer.publicIdentifier ? encodeSlug(ctx.viewer.publicIdentifier) : ctx.viewer.tail;
          const variant = decoration.slice(decoration.lastIndexOf('.') + 1);
          return judge(
            PROFILE_LOOKUP,
            await get(ctx, profileLookupPath(identity, decoration)),
            (json) => Boolean(parseProfileLookup(json)),
            { variant },
          );
        }),
      ),
  },
  {
    endpoint: COMPANY_LOOKUP,
    run: async (ctx) => {
      const company = ctx.inputs.company;
      if (company?.kind === 'id') return [skipped(COMPANY_LOOKUP, 'companyIdNotSlug')];
      return [
        judge(COMPANY_LOOKUP, await get(ctx, companyLookupPath(company?.slug ?? 'linkedin')), (json) =>
          Boolean(parseCompanyLookup(json)),
        ),
      ];
    },
  },
  {
    endpoint: RELATIONSHIP,
    run: async (ctx) => {
      const profile = ctx.inputs.profile;
      if (!profile) return [skipped(RELATIONSHIP, 'profileNeeded')];
      const [decoration = PROFILE_DECORATIONS[0]] = PROFILE_DECORATIONS;
      const lookup = await get(ctx, profileLookupPath(profileIdentity(profile), decoration));
      const found = lookup.kind === 'ok' ? parseProfileLookup(lookup.json) : undefined;
      if (!found) return [{ ...judge(RELATIONSHIP, lookup, () => false), note: 'profileNotFound' }];
      return [
        judge(
          RELATIONSHIP,
          await get(ctx, relationshipPath(found.tail)),
          (json) => parseRelationshipResponse(json).kind !== 'unknown',
        ),
      ];
    },
  },
  {
    endpoint: SENT_LIST,
    run: async (ctx) => [
      judge(SENT_LIST, await get(ctx, sentInvitationsPath(0)), (json) => parseSentInvitations(json) !== undefined),
    ],
  },
  {
    endpoint: 'messenger conversations',
    run: async (ctx) => [
      judge(
        'messenger conversations',
        await get(ctx, conversationsPath(ctx.viewer.memberUrn)),
        (json) => findConversation(json, ctx.viewer.tail) !== undefined,
      ),
    ],
  },
  {
    endpoint: REACTIONS_READ,
    run: async (ctx) => {
      const post = ctx.inputs.post;
      if (!post) return [skipped(REACTIONS_READ, 'postNeededReactions')];
      return [
        judge(
          REACTIONS_READ,
          await get(ctx, reactionsPath(post.threadUrn, 0)),
          (json) => viewerReactionInPage(json, ctx.viewer.memberUrn) !== undefined,
        ),
      ];
    },
  },
  {
    endpoint: COMMENTS_READ,
    run: async (ctx) => {
      const post = ctx.inputs.post;
      if (!post) return [skipped(COMMENTS_READ, 'postNeededComments')];
      return [
        judge(
          COMMENTS_READ,
          await get(ctx, commentsPath(post.threadUrn)),
          (json) => findViewerComment(json, ctx.viewer.tail, '\u0000') !== undefined,
        ),
      ];
    },
  },
];

/**
 * Runs every probe, one at a time (reads are metered; no burst). A LinkedIn
 * "stop" (challenge, signed out, 429) ends the run: it is reported, and
 * nothing more is asked.
 */
export async function runProbes(
  ctx: ProbeContext,
  probes: readonly Probe[] = PROBES,
): Promise<{ results: ProbeResult[]; stoppedBy: StopVerdict['kind'] | null; stop: StopVerdict | null }> {
  const results: ProbeResult[] = [];
  for (const probe of probes) {
    try {
      results.push(...(await probe.run(ctx)));
    } catch (error) {
      // The caller must act on the stop as the executor does (a challenge pauses everything).
      if (error instanceof LinkedInStop) return { results, stoppedBy: error.verdict.kind, stop: error.verdict };
      results.push({
        endpoint: probe.endpoint,
        status: 'failed',
        httpStatus: null,
        unexpected: [error instanceof Error ? error.name : 'error'],
      });
    }
  }
  return { results, stoppedBy: null, stop: null };
}

/** The probe that can re-check a drifted endpoint without asking the user anything, if there is one. */
export function recheckProbeFor(endpoint: string): Probe | null {
  const probe = PROBES.find((p) => p.endpoint === endpoint);
  if (!probe || endpoint === RELATIONSHIP || endpoint === REACTIONS_READ || endpoint === COMMENTS_READ) return null;
  return probe;
}
