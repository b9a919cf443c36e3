/** Normalized entities shared by several endpoints (v2 "Identity", D4, D5). */
import {
  invitationUrn,
  isConnected,
  memberDistance,
  memberUrn,
  miniProfileUrn,
  pendingInvitationTo,
  profileUrn,
  receivedInvitationFrom,
  relationshipUrn,
} from '../state';
import type { DoubleState, Invitation, Member } from '../types';

export const followingStateUrn = (entityUrn: string): string => `urn:li:fsd_followingState:${entityUrn}`;

/** D4: only WebTopCardCore-19 carries `*memberRelationship`. */
export function profileEntity(m: Member, withRelationship: boolean): Record<string, unknown> {
  return {
    $type: 'com.linkedin.voyager.dash.identity.profile.Profile',
    entityUrn: profileUrn(m.tail),
    objectUrn: memberUrn(m.memberId),
    publicIdentifier: m.slug,
    firstName: m.firstName,
    lastName: m.lastName,
    '*followingState': followingStateUrn(profileUrn(m.tail)),
    ...(withRelationship ? { '*memberRelationship': relationshipUrn(m.tail) } : {}),
  };
}

export function followingStateEntity(state: DoubleState, m: Member): Record<string, unknown> {
  return {
    $type: 'com.linkedin.voyager.dash.feed.FollowingState',
    entityUrn: followingStateUrn(profileUrn(m.tail)),
    following: state.following.has(`member:${m.tail}`),
  };
}

export function miniProfileEntity(m: Member): Record<string, unknown> {
  return {
    $type: 'com.linkedin.voyager.identity.shared.MiniProfile',
    entityUrn: miniProfileUrn(m.tail),
    objectUrn: memberUrn(m.memberId),
    publicIdentifier: m.slug,
    firstName: m.firstName,
    lastName: m.lastName,
  };
}

/** D5: invitationType SENT | RECEIVED (v2: only SENT + PENDING is ours). */
export function dashInvitationEntity(inv: Invitation): Record<string, unknown> {
  return {
    $type: 'com.linkedin.voyager.dash.relationships.invitation.Invitation',
    entityUrn: invitationUrn(inv.id),
    invitationState: 'PENDING',
    invitationType: inv.type ?? 'SENT',
    sentTime: inv.sentAt,
    sharedSecret: inv.sharedSecret,
  };
}

/** The member relationship entity, plus the pending (SENT or RECEIVED) invitation entity when there is one. */
export function relationshipEntities(
  state: DoubleState,
  m: Member,
): { relationship: Record<string, unknown>; invitation?: Record<string, unknown> } {
  const base = {
    $type: 'com.linkedin.voyager.dash.relationships.MemberRelationship',
    entityUrn: relationshipUrn(m.tail),
  };
  if (isConnected(state, m.tail)) {
    return { relationship: { ...base, memberRelationshipUnion: { '*connection': `urn:li:fsd_connection:${m.tail}` } } };
  }
  const pending = pendingInvitationTo(state, m.tail) ?? receivedInvitationFrom(state, m.tail);
  const invitationUnion = pending ? { '*invitation': invitationUrn(pending.id) } : { noInvitation: {} };
  return {
    relationship: {
      ...base,
      memberRelationshipUnion: { noConnection: { memberDistance: memberDistance(m), invitationUnion } },
    },
    ...(pending ? { invitation: dashInvitationEntity(pending) } : {}),
  };
}
