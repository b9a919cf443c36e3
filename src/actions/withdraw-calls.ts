/**
 * The requests of withdraw's variants (withdraw.ts says which, in what order,
 * and what each answer means); pure, so the tests pin their shapes.
 */
import type { SduiAction } from '../voyager/sdui';

export const invitationIdOf = (urn: string): string => urn.slice(urn.lastIndexOf(':') + 1);

export function withdrawCall(invitationUrn: string) {
  return {
    method: 'POST' as const,
    path: `/voyagerRelationshipsDashInvitations/${encodeURIComponent(invitationUrn)}?action=withdraw`,
    body: { invitationType: 'CONNECTION' },
  };
}

export function withdrawSduiAction(args: {
  invitationId: string;
  tail: string;
  slug: string;
  firstName: string;
  lastName: string;
}): SduiAction {
  const firstFiveInviteCount = { key: 'guidedFlowNumSentInvites', namespace: '' };
  const guidedFlowUrlandProfileList = {
    key: 'guidedFlowUrlAndPictureList',
    namespace: 'guidedFlowUrlAndPictureListNameSpace',
  };
  return {
    id: 'com.linkedin.sdui.requests.mynetwork.addaWithdrawInvitation',
    screenId: 'com.linkedin.sdui.flagshipnav.mynetwork.invitations.WithdrawConfirmationDialog',
    payload: {
      inviterActionType: 'InviterActionType_WITHDRAW',
      invitationType: 'GenericInvitationType_CONNECTION',
      invitationUrn: { invitationId: args.invitationId },
      profileUrn: args.tail,
      inviteeVanityName: args.slug,
      firstName: args.firstName,
      lastName: args.lastName,
      queryName: 'ProfileMemberRelationshipRefreshById',
      firstFiveInviteCount,
      guidedFlowUrlandProfileList,
    },
    requestedStateKeys: [firstFiveInviteCount, guidedFlowUrlandProfileList],
    failureText: /Failed to withdraw invitation/i,
  };
}

export function legacyWithdrawCall(invitationId: string, sharedSecret: string) {
  return {
    method: 'POST' as const,
    path: `/relationships/invitations/${invitationId}?action=withdraw`,
    body: { invitationId, invitationSharedSecret: sharedSecret, isGenericInvitation: false },
  };
}

export function deleteWithdrawCall(invitationUrn: string) {
  return {
    method: 'DELETE' as const,
    path: `/voyagerRelationshipsDashMemberRelationships/${encodeURIComponent(invitationUrn)}`,
  };
}
