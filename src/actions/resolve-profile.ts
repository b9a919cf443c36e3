/**
 * Profile reference → `urn:li:fsd_profile:<tail>`, with a 7-day cache of
 * slug lookups. A `urn:li:fsd_profile:` or bare tail needs no request.
 */
import { z } from 'zod';
import { DAY } from '../time';
import { parseProfileLookup, profileLookupPath, type ProfileLookup } from '../voyager/identity';
import { encodeSlug, type ProfileRef } from '../../contract/inputs';
import { profileLabel } from './labels';
import { failureOutcome, type ActionContext, type Outcome } from './types';

export const PROFILE_CACHE_TTL_MS = 7 * DAY;

export interface ResolvedProfile {
  urn: string;
  tail: string;
  /** Present when this call made the lookup (it carries relationship data). */
  lookup?: ProfileLookup;
}

const cachedProfile = z.object({ urn: z.string(), tail: z.string() });

function identityOf(ref: Exclude<ProfileRef, { kind: 'profile' }>): { cacheKey: string; encoded: string } {
  return ref.kind === 'slug'
    ? { cacheKey: `profile:slug:${ref.slug.toLowerCase()}`, encoded: encodeSlug(ref.slug) }
    : // Assumption (low confidence): memberIdentity also takes a numeric member id.
      { cacheKey: `profile:member:${ref.memberId}`, encoded: ref.memberId };
}

export async function lookupProfile(
  ctx: ActionContext,
  encodedIdentity: string,
  what: string,
): Promise<{ ok: true; lookup: ProfileLookup } | { ok: false; outcome: Outcome }> {
  const verdict = await ctx.voyager.call({ method: 'GET', path: profileLookupPath(encodedIdentity) });
  if (verdict.kind !== 'ok') return { ok: false, outcome: failureOutcome(verdict, what) };
  const lookup = parseProfileLookup(verdict.json);
  if (!lookup) {
    // LinkedIn answers an unknown slug with 404 or with an empty element list.
    return { ok: false, outcome: { status: 'failed', code: 'not_found', message: `${what}: not found on LinkedIn`, output: {} } };
  }
  return { ok: true, lookup };
}

export async function resolveProfile(
  ref: ProfileRef,
  ctx: ActionContext,
  opts: { fresh?: boolean } = {},
): Promise<{ ok: true; profile: ResolvedProfile } | { ok: false; outcome: Outcome }> {
  if (ref.kind === 'profile' && !opts.fresh) return { ok: true, profile: { urn: ref.urn, tail: ref.tail } };
  const what = `profile ${profileLabel(ref)}`;
  if (ref.kind === 'profile') {
    const found = await lookupProfile(ctx, ref.tail, what);
    return found.ok ? { ok: true, profile: { urn: found.lookup.urn, tail: found.lookup.tail, lookup: found.lookup } } : found;
  }
  const { cacheKey, encoded } = identityOf(ref);
  if (!opts.fresh) {
    const cached = await ctx.cache.get(cacheKey, (v) => cachedProfile.safeParse(v).data);
    if (cached) return { ok: true, profile: cached };
  }
  const found = await lookupProfile(ctx, encoded, what);
  if (!found.ok) return found;
  await ctx.cache.put(cacheKey, { urn: found.lookup.urn, tail: found.lookup.tail }, PROFILE_CACHE_TTL_MS);
  return { ok: true, profile: { urn: found.lookup.urn, tail: found.lookup.tail, lookup: found.lookup } };
}
