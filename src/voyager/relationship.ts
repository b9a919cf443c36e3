/**
 * The 1st-degree check (voyager-reference.md v2 "Relationship", medium-high).
 * `memberRelationshipUnion` says connected, or not connected with a distance
 * and maybe an invitation, which may be ours (SENT) or theirs (RECEIVED):
 * only SENT + PENDING is ours to report or withdraw. Anything else is
 * "unknown", which callers treat as not connected and never as "done".
 */
import { dataOf, entityByUrn, isRecord, stringField, type Entity } from './normalized';

export type Relationship =
  | { kind: 'connected' }
  | { kind: 'not_connected'; distance: string | null; invitation: RelationshipInvitation | null }
  | { kind: 'unknown'; reason: string };

export interface RelationshipInvitation {
  urn: string;
  state: string | null;
  /** SENT (ours) or RECEIVED (theirs); null when LinkedIn did not say. */
  direction: string | null;
  sharedSecret: string | null;
}

export function relationshipUrn(tail: string): string {
  return `urn:li:fsd_memberRelationship:${tail}`;
}

export function relationshipPath(tail: string): string {
  return `/voyagerRelationshipsDashMemberRelationships/${encodeURIComponent(relationshipUrn(tail))}`;
}

const CONNECTED_KEYS = ['*connection', 'connection', 'connectedMember', '*connectedMember'];

export function parseRelationshipEntity(entity: Entity | undefined, json: unknown): Relationship {
  const union = entity?.memberRelationshipUnion;
  if (!isRecord(union)) return { kind: 'unknown', reason: 'no memberRelationshipUnion' };
  const connected = CONNECTED_KEYS.some((k) => union[k] !== undefined && union[k] !== null);
  const noConnection = union.noConnection;
  if (connected && noConnection !== undefined) return { kind: 'unknown', reason: 'contradictory relationship data' };
  if (connected) return { kind: 'connected' };
  if (!isRecord(noConnection)) return { kind: 'unknown', reason: 'unrecognised memberRelationshipUnion' };
  const distance = typeof noConnection.memberDistance === 'string' ? noConnection.memberDistance : null;
  const invitationUnion = noConnection.invitationUnion;
  const invitationRef = isRecord(invitationUnion)
    ? (stringField(invitationUnion, '*invitation') ?? stringField(invitationUnion, 'invitation'))
    : undefined;
  if (!invitationRef) return { kind: 'not_connected', distance, invitation: null };
  const invitation = entityByUrn(json, invitationRef);
  return {
    kind: 'not_connected',
    distance,
    invitation: {
      urn: invitationRef,
      state: stringField(invitation, 'invitationState') ?? null,
      direction: stringField(invitation, 'invitationType') ?? null,
      sharedSecret: stringField(invitation, 'sharedSecret') ?? null,
    },
  };
}

/** From a direct GET of the relationship resource. */
export function parseRelationshipResponse(json: unknown): Relationship {
  return parseRelationshipEntity(dataOf(json), json);
}

/** From a profile lookup: the profile entity's `*memberRelationship` points into `included`. */
export function relationshipFromProfileLookup(json: unknown, profileUrn: string): Relationship {
  const profile = entityByUrn(json, profileUrn);
  const ref = stringField(profile, '*memberRelationship');
  if (!ref) return { kind: 'unknown', reason: 'profile lookup carried no relationship' };
  return parseRelationshipEntity(entityByUrn(json, ref), json);
}

/** Our pending invitation: SENT and PENDING, both said explicitly (a RECEIVED one is never ours). */
export function sentPendingInvitation(rel: Relationship): { urn: string; sharedSecret: string | null } | null {
  if (rel.kind !== 'not_connected' || !rel.invitation) return null;
  if (rel.invitation.state !== 'PENDING' || rel.invitation.direction !== 'SENT') return null;
  return { urn: rel.invitation.urn, sharedSecret: rel.invitation.sharedSecret };
}

/**
 * Whether our invitation to this person is pending, as the withdraw read-back
 * needs it: `noInvitation` = no; SENT + PENDING = yes; anything else = unknown.
 */
export function invitationPending(rel: Relationship): boolean | 'unknown' {
  if (rel.kind === 'connected') return false;
  if (rel.kind === 'unknown') return 'unknown';
  if (!rel.invitation) return false;
  if (sentPendingInvitation(rel)) return true;
  return rel.invitation.direction === 'RECEIVED' ? false : 'unknown';
}
