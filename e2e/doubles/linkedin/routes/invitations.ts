/**
 * Connect and the sent list (v2 "Invitations": send high, list medium-high;
 * D6, D7 low). Withdraw variants are in withdraw.ts.
 */
import { HttpError, json, notFound, serviceError } from '../http';
import { newEntityId, newSharedSecret } from '../ids';
import { cantResendYet, invitationUrn, isConnected, miniProfileUrn } from '../state';
import { exactObject, string } from '../shape';
import type { Invitation } from '../types';
import { dashInvitationEntity, miniProfileEntity } from './entities';
import { COUNT_1_100, NON_NEGATIVE, PROFILE_URN, type Route, type RouteContext } from './types';

function parseConnectBody(body: unknown, violate: RouteContext['violate']): { tail: string; message?: string } {
  const root = exactObject(body, 'body', ['invitee'], ['customMessage']);
  const invitee = exactObject(root.invitee, 'body.invitee', ['inviteeUnion']);
  const union = exactObject(invitee.inviteeUnion, 'body.invitee.inviteeUnion', ['memberProfile']);
  const urn = string(union.memberProfile, 'body.invitee.inviteeUnion.memberProfile', { pattern: PROFILE_URN });
  const tail = PROFILE_URN.exec(urn)?.[1] ?? '';
  if (root.customMessage === undefined) return { tail };
  // v2: omit customMessage without a note; an empty string may spend a personalised invite.
  if (root.customMessage === '') violate('connect with an empty customMessage (v2: omit it when there is no note)');
  return { tail, message: string(root.customMessage, 'body.customMessage', { min: 1, max: 300 }) };
}

/** The business checks both connect variants share (v2 "Send", D6); undefined = invitable now. */
export function connectRefusal(ctx: Pick<RouteContext, 'state' | 'now'>, tail: string): HttpError | undefined {
  const member = ctx.state.members.get(tail);
  if (!member) return notFound();
  // D6 assumption (low): inviting a 1st-degree connection → 400 ALREADY_CONNECTED.
  if (isConnected(ctx.state, tail)) return serviceError(400, 'ALREADY_CONNECTED');
  if (cantResendYet(ctx.state, tail, ctx.now)) return serviceError(400, 'CANT_RESEND_YET');
  // v2: 403 means the target is not invitable (no CSRF text, so not read as a stale token).
  if (member.invitable === false) return new HttpError({ status: 403, json: { status: 403 } });
  return undefined;
}

export function createInvitation(ctx: Pick<RouteContext, 'state' | 'now'>, tail: string, message?: string): Invitation {
  const inv: Invitation = {
    id: newEntityId(),
    inviteeTail: tail,
    sharedSecret: newSharedSecret(),
    sentAt: ctx.now,
    type: 'SENT',
    ...(message ? { message } : {}),
  };
  ctx.state.invitations.set(inv.id, inv);
  return inv;
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
  handle: (ctx) => {
    const { tail, message } = parseConnectBody(ctx.body, ctx.violate);
    const refusal = connectRefusal(ctx, tail);
    if (refusal) throw refusal;
    const inv = createInvitation(ctx, tail, message);
    const urn = invitationUrn(inv.id);
    // D6: the result sits in data.value (v2: read only data.value).
    return json(200, {
      data: { value: { '*invitation': urn, invitationUrn: urn } },
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
    // D7: legacy fs_relInvitation URNs with the fsd_invitation id.
    const viewUrn = (id: string): string => `urn:li:fs_relInvitationView:${id}`;
    const relUrn = (id: string): string => `urn:li:fs_relInvitation:${id}`;
    const included = page.flatMap((inv) => {
      const invitee = state.members.get(inv.inviteeTail);
      return [
        {
          $type: 'com.linkedin.voyager.relationships.invitation.InvitationView',
          entityUrn: viewUrn(inv.id),
          '*invitation': relUrn(inv.id),
        },
        {
          $type: 'com.linkedin.voyager.relationships.invitation.Invitation',
          entityUrn: relUrn(inv.id),
          mailboxItemId: inv.id,
          '*toMember': miniProfileUrn(inv.inviteeTail),
          sharedSecret: inv.sharedSecret,
          sentTime: inv.sentAt,
          customMessage: inv.message !== undefined,
          message: inv.message ?? null,
        },
        ...(invitee ? [miniProfileEntity(invitee)] : []),
      ];
    });
    // v2: paging.total has read 0; clients stop on a short page.
    return json(200, {
      data: { data: { '*elements': page.map((inv) => viewUrn(inv.id)), paging: { start, count, total: 0 } } },
      included,
    });
  },
};

export const invitationRoutes: Route[] = [connect, sentInvitations];
