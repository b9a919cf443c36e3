/**
 * The 1st-degree check (voyager-reference.md "Relationship", confidence high).
 * `memberRelationshipUnion` says connected, or not connected with a distance
 * and maybe a pending invitation. Anything else is "unknown", which callers
 * must treat as not connected: never assume a connection.
 */
import { dataOf, entityByUrn, isRecord, stringField, type Entity } from './normalized';

export type Relationship =
  | { kind: 'connected' }
  | { kind: 'not_connected'; distance: string | null; invitation: { urn: string; state: string | null; sharedSecret: string | null } | null }
  | { kind: 'unknown'; reason: string };

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
  const invitationRef = isRecord(invitationUnion) ? (stringField(invitationUnion, '*invitation') ?? stringField(invitationUnion, 'invitation')) : undefined;
  if (!invitationRef) return { kind: 'not_connected', distance, invitation: null };
  const invitation = entityByUrn(json, invitationRef);
  return {
    kind: 'not_connected',
    distance,
    invitation: {
      urn: invitationRef,
      state: stringField(invitation, 'invitationState') ?? null,
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

/** A pending invitation, when the relationship shows one (state missing counts as pending). */
export function pendingInvitation(rel: Relationship): { urn: string; sharedSecret: string | null } | null {
  if (rel.kind !== 'not_connected' || !rel.invitation) return null;
  if (rel.invitation.state !== null && rel.invitation.state !== 'PENDING') return null;
  return { urn: rel.invitation.urn, sharedSecret: rel.invitation.sharedSecret };
}
