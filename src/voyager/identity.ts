/**
 * Who is signed in (`GET /me`, confidence high) and slug → profile URN
 * (`identity/dash/profiles?q=memberIdentity`, confidence high).
 */
import type { Viewer } from '../actions/types';
import type { VoyagerClient } from './client';
import type { Verdict } from './classify';
import { dataOf, elementUrns, entityByUrn, stringField, urnTail } from './normalized';

/** The decoration the profile lookup asks for; clients use -15/-20. Change here if LinkedIn moves it. */
export const PROFILE_DECORATION = 'com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-20';

export type MeResult = { ok: true; viewer: Viewer & { plainId: number | null } } | { ok: false; verdict: Verdict };

export function parseMe(json: unknown): (Viewer & { plainId: number | null }) | undefined {
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

export async function fetchMe(voyager: VoyagerClient): Promise<MeResult> {
  const verdict = await voyager.call({ method: 'GET', path: '/me' });
  if (verdict.kind !== 'ok') return { ok: false, verdict };
  const viewer = parseMe(verdict.json);
  if (!viewer) return { ok: false, verdict: { kind: 'error', status: verdict.status, code: 'unexpected_shape', json: verdict.json } };
  return { ok: true, viewer };
}

export interface ProfileLookup {
  urn: string;
  tail: string;
  publicIdentifier: string | null;
  /** The lookup's JSON: it also carries the relationship, which callers may read. */
  json: unknown;
}

/** `memberIdentity` takes a vanity slug (encoded once by the caller) or a member/profile id. */
export function profileLookupPath(encodedIdentity: string): string {
  return `/identity/dash/profiles?q=memberIdentity&memberIdentity=${encodedIdentity}&decorationId=${PROFILE_DECORATION}`;
}

export function parseProfileLookup(json: unknown): ProfileLookup | undefined {
  const [urn] = elementUrns(json);
  if (!urn?.startsWith('urn:li:fsd_profile:')) return undefined;
  const tail = urnTail(urn);
  if (!tail) return undefined;
  return { urn, tail, publicIdentifier: stringField(entityByUrn(json, urn), 'publicIdentifier') ?? null, json };
}
