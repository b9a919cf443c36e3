/**
 * Invitations (voyager-reference.md "Invitations").
 * connect + list sent: high confidence. withdraw (DELETE on the invitation
 * URN, no body): medium/low confidence — the product docs name it, the body
 * shape is unconfirmed; the double accepts no body only.
 */
import { json, noContent, notFound, serviceError } from '../http';
import { newEntityId, newSharedSecret } from '../ids';
import { invitationUrn, isConnected, miniProfileUrn, pendingInvitationTo, profileUrn } from '../state';
import { exactObject, string } from '../shape';
import type { Invitation } from '../types';
import { dashInvitationEntity, miniProfileEntity } from './entities';
import { COUNT_1_100, NON_NEGATIVE, PROFILE_URN, type Route } from './types';

function parseConnectBody(body: unknown): { tail: string; message?: string } {
  const root = exactObject(body, 'body', ['invitee'], ['customMessage']);
  const invitee = exactObject(root.invitee, 'body.invitee', ['inviteeUnion']);
  const union = exactObject(invitee.inviteeUnion, 'body.invitee.inviteeUnion', ['memberProfile']);
  const urn = string(union.memberProfile, 'body.invitee.inviteeUnion.memberProfile', { pattern: PROFILE_URN });
  const tail = PROFILE_URN.exec(urn)?.[1] ?? '';
  if (root.customMessage === undefined) return { tail };
  return { tail, message: string(root.customMessage, 'body.customMessage', { min: 1, max: 300 }) };
}

const connect: Route = {
  endpoint: 'connect',
  method: 'POST',
  path: /^\/voyagerRelationshipsDashMemberRelationships$/,
  query: {
    action: 'verifyQuotaAndCreateV2',
    decorationId: 'com.linkedin.voyager.dash.deco.relationships.InvitationCreationResultWithInvitee-2',
  },
  body: 'json',
  write: true,
  handle: ({ state, body, now }) => {
    const { tail, message } = parseConnectBody(body);
    const member = state.members.get(tail);
    if (!member) throw notFound();
    if (pendingInvitationTo(state, tail)) throw serviceError(400, 'CANT_RESEND_YET');
    // Assumption (not in the reference): LinkedIn's answer to inviting a 1st-degree
    // connection is modelled as 400 with data.code ALREADY_CONNECTED.
    if (isConnected(state, tail)) throw serviceError(400, 'ALREADY_CONNECTED');
    const inv: Invitation = { id: newEntityId(), inviteeTail: tail, sharedSecret: newSharedSecret(), sentAt: now, ...(message ? { message } : {}) };
    state.invitations.set(inv.id, inv);
    return json(200, {
      data: {
        $type: 'com.linkedin.voyager.dash.relationships.invitation.InvitationCreationResult',
        '*invitation': invitationUrn(inv.id),
        invitationUrn: invitationUrn(inv.id),
        '*invitee': profileUrn(tail),
      },
      included: [dashInvitationEntity(inv)],
    });
  },
};

const sentInvitations: Route = {
  endpoint: 'sentInvitations',
  method: 'GET',
  path: /^\/relationships\/sentInvitationViewsV2$/,
  query: { count: COUNT_1_100, invitationType: 'CONNECTION', q: 'invitationType', start: NON_NEGATIVE },
  body: 'none',
  write: false,
  handle: ({ state, query }) => {
    const start = Number(query.start);
    const count = Number(query.count);
    const all = [...state.invitations.values()].reverse(); // newest first
    const page = all.slice(start, start + count);
    const viewUrn = (id: string): string => `urn:li:fs_relSentInvitationView:${id}`;
    const included = page.flatMap((inv) => {
      const invitee = state.members.get(inv.inviteeTail);
      return [
        { $type: 'com.linkedin.voyager.relationships.invitation.SentInvitationView', entityUrn: viewUrn(inv.id), '*invitation': invitationUrn(inv.id) },
        {
          $type: 'com.linkedin.voyager.relationships.invitation.Invitation',
          entityUrn: invitationUrn(inv.id),
          sharedSecret: inv.sharedSecret,
          invitationState: 'PENDING',
          invitationType: 'CONNECTION',
          sentTime: inv.sentAt,
          '*toMember': miniProfileUrn(inv.inviteeTail),
        },
        ...(invitee ? [miniProfileEntity(invitee)] : []),
      ];
    });
    return json(200, {
      data: { paging: { start, count, total: all.length }, '*elements': page.map((inv) => viewUrn(inv.id)) },
      included,
    });
  },
};

const withdraw: Route = {
  endpoint: 'withdraw',
  method: 'DELETE',
  path: /^\/voyagerRelationshipsDashMemberRelationships\/urn:li:fsd_invitation:([0-9]+)$/,
  query: {},
  body: 'none',
  write: true,
  handle: ({ state, params }) => {
    if (!state.invitations.delete(params[0] ?? '')) throw notFound();
    return noContent();
  },
};

export const invitationRoutes: Route[] = [connect, sentInvitations, withdraw];
