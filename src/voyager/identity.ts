/**
 * Who is signed in (`GET /me`, high; also the session probe) and slug →
 * profile (`identity/dash/profiles?q=memberIdentity`, path high, decoration
 * medium). Decorations rotate: they are variants, tried in v2's order, and a
 * 400 without a code means "this decoration is gone, try the next".
 * Each lookup is a metered profile view: callers cache it.
 */
import { dataOf, elementUrns, entityByUrn, stringField, urnTail } from './normalized';

/** v2 order: WebTopCardCore-19 (TK, 2026-09; the only one still seen carrying the relationship), then FullProfileWithEntities-96 (MG). */
export const PROFILE_DECORATIONS = [
  'com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-19',
  'com.linkedin.voyager.dash.deco.identity.profile.FullProfileWithEntities-96',
] as const;

/** The signed-in LinkedIn member, as the executor keeps it. */
export interface Viewer {
  memberUrn: string;
  tail: string;
  publicIdentifier: string | null;
}

export type Me = Viewer & { plainId: number | null };

export function parseMe(json: unknown): Me | undefined {
  const data = dataOf(json);
  const miniUrn = stringField(data, '*miniProfile');
  if (!miniUrn) return undefined;
  const tail = urnTail(miniUrn);
  if (!tail) return undefined;
  const mini = entityByUrn(json, miniUrn);
  const plainId = data?.plainId;
  return {
    memberUrn: `urn:li:fsd_profile:${tail}`,
    tail,
    publicIdentifier: stringField(mini, 'publicIdentifier') ?? null,
    plainId: typeof plainId === 'number' ? plainId : null,
  };
}

export interface ProfileLookup {
  urn: string;
  tail: string;
  publicIdentifier: string | null;
  /** Numeric member id (from objectUrn urn:li:member:<n>): SDUI payloads need it. */
  memberId: string | null;
  firstName: string | null;
  lastName: string | null;
  /** The profile's FollowingState, when the decoration carries it (the member follow read-back). */
  following: boolean | null;
  /** The lookup's JSON: it may also carry the relationship, which callers may read. */
  json: unknown;
}

/** `memberIdentity` takes a vanity slug (encoded once by the caller) or a profile id. */
export function profileLookupPath(encodedIdentity: string, decoration: string): string {
  return `/identity/dash/profiles?q=memberIdentity&memberIdentity=${encodedIdentity}&decorationId=${decoration}`;
}

/** The lookup's profile; null = LinkedIn says there is none (`[]`); undefined = unreadable. */
export function parseProfileLookup(json: unknown): ProfileLookup | null | undefined {
  const data = dataOf(json);
  if (!data) return undefined;
  const urns = elementUrns(json);
  if (urns.length === 0) return '*elements' in data || 'elements' in data || 'data' in data ? null : undefined;
  const [urn] = urns;
  if (!urn?.startsWith('urn:li:fsd_profile:')) return undefined;
  const tail = urnTail(urn);
  if (!tail) return undefined;
  const profile = entityByUrn(json, urn);
  const objectUrn = stringField(profile, 'objectUrn');
  const followingRef = stringField(profile, '*followingState');
  const following = followingRef ? entityByUrn(json, followingRef)?.following : undefined;
  return {
    urn,
    tail,
    publicIdentifier: stringField(profile, 'publicIdentifier') ?? null,
    memberId: objectUrn ? (/^urn:li:member:(\d+)$/.exec(objectUrn)?.[1] ?? null) : null,
    firstName: stringField(profile, 'firstName') ?? null,
    lastName: stringField(profile, 'lastName') ?? null,
    following: typeof following === 'boolean' ? following : null,
    json,
  };
}
