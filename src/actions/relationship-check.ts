/**
 * The relationship to a resolved profile: from the lookup just made, from a
 * 10-minute cache, or fresh from LinkedIn (medium-high:
 * GET voyagerRelationshipsDashMemberRelationships/<urn>). DMs always ask fresh.
 */
import { z } from '../../contract/zod';
import { MINUTE } from '../time';
import {
  parseRelationshipResponse,
  relationshipFromProfileLookup,
  relationshipPath,
  type Relationship,
} from '../voyager/relationship';
import type { ResolvedProfile } from './resolve-profile';
import { failureOutcome, type ActionContext, type Outcome } from './types';

export const RELATIONSHIP_CACHE_TTL_MS = 10 * MINUTE;

const relationshipSchema: z.ZodMiniType<Relationship> = z.union([
  z.object({ kind: z.literal('connected') }),
  z.object({
    kind: z.literal('not_connected'),
    distance: z.nullable(z.string()),
    invitation: z.nullable(
      z.object({
        urn: z.string(),
        state: z.nullable(z.string()),
        direction: z.nullable(z.string()),
        sharedSecret: z.nullable(z.string()),
      }),
    ),
  }),
  z.object({ kind: z.literal('unknown'), reason: z.string() }),
]);

const cacheKey = (tail: string) => `rel:${tail}`;

export async function rememberRelationship(ctx: ActionContext, tail: string, rel: Relationship): Promise<void> {
  if (rel.kind === 'unknown') await ctx.cache.delete(cacheKey(tail));
  else await ctx.cache.put(cacheKey(tail), rel, RELATIONSHIP_CACHE_TTL_MS);
}

export async function forgetRelationship(ctx: ActionContext, tail: string): Promise<void> {
  await ctx.cache.delete(cacheKey(tail));
}

export const RELATIONSHIP = 'relationship';

export async function fetchRelationship(
  ctx: ActionContext,
  tail: string,
): Promise<{ ok: true; rel: Relationship } | { ok: false; outcome: Outcome }> {
  const verdict = await ctx.linkedin.call({ method: 'GET', path: relationshipPath(tail) });
  if (verdict.kind !== 'ok')
    return { ok: false, outcome: failureOutcome(verdict, `relationship with ${tail}`, RELATIONSHIP) };
  const rel = parseRelationshipResponse(verdict.json);
  await rememberRelationship(ctx, tail, rel);
  return { ok: true, rel };
}

export async function relationshipTo(
  profile: ResolvedProfile,
  ctx: ActionContext,
  opts: { fresh: boolean },
): Promise<{ ok: true; rel: Relationship } | { ok: false; outcome: Outcome }> {
  if (profile.lookup) {
    // The lookup was made just now: its relationship is as fresh as a direct read.
    const rel = relationshipFromProfileLookup(profile.lookup.json, profile.urn);
    await rememberRelationship(ctx, profile.tail, rel);
    if (rel.kind !== 'unknown') return { ok: true, rel };
  } else if (!opts.fresh) {
    const cached = await ctx.cache.get(cacheKey(profile.tail), (v) => relationshipSchema.safeParse(v).data);
    if (cached) return { ok: true, rel: cached };
  }
  return fetchRelationship(ctx, profile.tail);
}
