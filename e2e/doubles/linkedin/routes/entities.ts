/** Normalized entities shared by several endpoints. */
import { invitationUrn, isConnected, memberDistance, miniProfileUrn, pendingInvitationTo, profileUrn, relationshipUrn } from '../state';
import type { DoubleState, Invitation, Member } from '../types';

export function profileEntity(m: Member): Record<string, unknown> {
  return {
    $type: 'com.linkedin.voyager.dash.identity.profile.Profile',
    entityUrn: profileUrn(m.tail),
    publicIdentifier: m.slug,
    firstName: m.firstName,
    lastName: m.lastName,
    '*memberRelationship': relationshipUrn(m.tail),
  };
}

export function miniProfileEntity(m: Member): Record<string, unknown> {
  return {
    $type: 'com.linkedin.voyager.identity.shared.MiniProfile',
    entityUrn: miniProfileUrn(m.tail),
    publicIdentifier: m.slug,
    firstName: m.firstName,
    lastName: m.lastName,
  };
}

export function dashInvitationEntity(inv: Invitation): Record<string, unknown> {
  return {
    $type: 'com.linkedin.voyager.dash.relationships.invitation.Invitation',
    entityUrn: invitationUrn(inv.id),
    invitationState: 'PENDING',
    invitationType: 'CONNECTION',
    sharedSecret: inv.sharedSecret,
  };
}

/** The member relationship entity, plus the pending invitation entity when there is one. */
export function relationshipEntities(state: DoubleState, m: Member): { relationship: Record<string, unknown>; invitation?: Record<string, unknown> } {
  const base = { $type: 'com.linkedin.voyager.dash.relationships.MemberRelationship', entityUrn: relationshipUrn(m.tail) };
  if (isConnected(state, m.tail)) {
    return { relationship: { ...base, memberRelationshipUnion: { '*connection': `urn:li:fsd_connection:${m.tail}` } } };
  }
  const pending = pendingInvitationTo(state, m.tail);
  const invitationUnion = pending ? { '*invitation': invitationUrn(pending.id) } : { noInvitation: {} };
  return {
    relationship: { ...base, memberRelationshipUnion: { noConnection: { memberDistance: memberDistance(m), invitationUnion } } },
    ...(pending ? { invitation: dashInvitationEntity(pending) } : {}),
  };
}
