/**
 * Profile reference → `urn:li:fsd_profile:<tail>`, with a 7-day cache of
 * slug lookups (each lookup is a metered profile view). A
 * `urn:li:fsd_profile:` or bare tail needs no request. The lookup's
 * decorations are variants (identity.ts); 404 or `[]` is "not found", an
 * answer this client cannot read is drift, never "not found".
 */
import { z } from '../../contract/zod';
import type { ProfileRef } from '../../contract/inputs';
import { encodeSlug } from '../../contract/inputs';
import { DAY } from '../time';
import { PROFILE_DECORATIONS, parseProfileLookup, profileLookupPath, type ProfileLookup } from '../voyager/identity';
import { profileLabel } from './labels';
import {
  exhaustedOutcome,
  failureOutcome,
  unreadableOutcome,
  type ActionCache,
  type ActionContext,
  type Outcome,
} from './types';
import { callAttempt, runVariants } from './variants';

export const PROFILE_CACHE_TTL_MS = 7 * DAY;
export const PROFILE_LOOKUP = 'profile lookup';

export interface ResolvedProfile {
  urn: string;
  tail: string;
  /** Present when this call made the lookup (it may carry relationship and following data). */
  lookup?: ProfileLookup;
}

const cachedProfile = z.object({ urn: z.string(), tail: z.string() });
/** The name the lookup gave, kept with the URN so the approval queue can show whom a message goes to. */
const cachedName = z.object({ name: z.string() });

/** The name a previous lookup of this profile found (from the cache only: never a request), or null. */
export async function knownProfileName(ref: ProfileRef, cache: Pick<ActionCache, 'get'>): Promise<string | null> {
  if (ref.kind === 'profile') return null;
  const cached = await cache.get(identityOf(ref).cacheKey, (v) => cachedName.safeParse(v).data);
  return cached?.name ?? null;
}

function nameOf(lookup: ProfileLookup): string | undefined {
  const name = [lookup.firstName, lookup.lastName].filter(Boolean).join(' ').trim();
  return name === '' ? undefined : name;
}

function identityOf(ref: Exclude<ProfileRef, { kind: 'profile' }>): { cacheKey: string; encoded: string } {
  return ref.kind === 'slug'
    ? { cacheKey: `profile:slug:${ref.slug.toLowerCase()}`, encoded: encodeSlug(ref.slug) }
    : // Assumption (low confidence, a v2 known unknown): memberIdentity also takes a numeric member id.
      { cacheKey: `profile:member:${ref.memberId}`, encoded: ref.memberId };
}

export async function lookupProfile(
  ctx: ActionContext,
  encodedIdentity: string,
  what: string,
): Promise<{ ok: true; lookup: ProfileLookup } | { ok: false; outcome: Outcome }> {
  const result = await runVariants(
    ctx,
    PROFILE_LOOKUP,
    PROFILE_DECORATIONS.map((decoration) => ({
      name: decoration.slice(decoration.lastIndexOf('.') + 1),
      attempt: () =>
        callAttempt(() => ctx.linkedin.call({ method: 'GET', path: profileLookupPath(encodedIdentity, decoration) }), {
          notFoundIsAnswer: true,
        }),
    })),
  );
  if (result.kind === 'exhausted') return { ok: false, outcome: exhaustedOutcome(PROFILE_LOOKUP, result, what) };
  const verdict = result.value;
  if (verdict.kind !== 'ok') return { ok: false, outcome: failureOutcome(verdict, what, PROFILE_LOOKUP) };
  const lookup = parseProfileLookup(verdict.json);
  if (lookup === null)
    return {
      ok: false,
      outcome: { status: 'failed', code: 'not_found', message: `${what}: not found on LinkedIn`, output: {} },
    };
  if (lookup === undefined)
    return { ok: false, outcome: unreadableOutcome(PROFILE_LOOKUP, verdict.status, 'no fsd_profile element') };
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
    return found.ok
      ? { ok: true, profile: { urn: found.lookup.urn, tail: found.lookup.tail, lookup: found.lookup } }
      : found;
  }
  const { cacheKey, encoded } = identityOf(ref);
  if (!opts.fresh) {
    const cached = await ctx.cache.get(cacheKey, (v) => cachedProfile.safeParse(v).data);
    if (cached) return { ok: true, profile: cached };
  }
  const found = await lookupProfile(ctx, encoded, what);
  if (!found.ok) return found;
  const name = nameOf(found.lookup);
  await ctx.cache.put(
    cacheKey,
    { urn: found.lookup.urn, tail: found.lookup.tail, ...(name ? { name } : {}) },
    PROFILE_CACHE_TTL_MS,
  );
  return { ok: true, profile: { urn: found.lookup.urn, tail: found.lookup.tail, lookup: found.lookup } };
}

/** The lookup with what SDUI payloads need (member id, names, slug): the one from this run, or a fresh one (metered). */
export async function detailedProfile(
  profile: ResolvedProfile,
  ctx: ActionContext,
): Promise<{ ok: true; lookup: ProfileLookup } | { ok: false; outcome: Outcome }> {
  if (profile.lookup) return { ok: true, lookup: profile.lookup };
  const found = await lookupProfile(ctx, profile.tail, `profile ${profile.tail}`);
  if (found.ok) profile.lookup = found.lookup;
  return found;
}
