/**
 * SDUI "mynetwork" actions (D3 low): withdraw (v2 variant 2, two 2026
 * captures), connect (MG, low; note-less only), follow a member (MG verified
 * follow; unfollow via FOLLOW_INACTIVE inferred). Enums are strings: an
 * integer fails oneOf/literal → SDUI 500.
 */
import { type HttpError, rsc, rscFailure } from '../http';
import { connectRefusal, createInvitation } from '../routes/invitations';
import { exactObject, isRecord, literal, oneOf, string } from '../shape';
import { invitationById, withdrawInvitation } from '../state';
import type { Member } from '../types';
import { defineAction, type SduiContext } from './types';

const OK = JSON.stringify({ actions: [] });
const DIGITS = /^[0-9]+$/;
const TAIL = /^[A-Za-z0-9_-]+$/;

function memberById(ctx: SduiContext, memberId: string): Member | undefined {
  for (const m of ctx.state.members.values()) if (m.memberId === memberId) return m;
  return undefined;
}

export const withdrawSdui = defineAction({
  id: 'com.linkedin.sdui.requests.mynetwork.addaWithdrawInvitation',
  endpoint: 'withdraw.sdui',
  screen: 'com.linkedin.sdui.flagshipnav.mynetwork.invitations.WithdrawConfirmationDialog',
  stateKeys: [
    { key: 'guidedFlowNumSentInvites', namespace: '' },
    { key: 'guidedFlowUrlAndPictureList', namespace: 'guidedFlowUrlAndPictureListNameSpace' },
  ],
  parse(payload) {
    const at = 'payload';
    const p = exactObject(payload, at, [
      'inviterActionType',
      'invitationType',
      'invitationUrn',
      'profileUrn',
      'inviteeVanityName',
      'firstName',
      'lastName',
      'queryName',
      'firstFiveInviteCount',
      'guidedFlowUrlandProfileList',
    ]);
    oneOf(p.inviterActionType, `${at}.inviterActionType`, ['InviterActionType_WITHDRAW'] as const);
    oneOf(p.invitationType, `${at}.invitationType`, ['GenericInvitationType_CONNECTION'] as const);
    const id = string(
      exactObject(p.invitationUrn, `${at}.invitationUrn`, ['invitationId']).invitationId,
      `${at}.invitationUrn.invitationId`,
      { pattern: DIGITS },
    );
    const tail = string(p.profileUrn, `${at}.profileUrn`, { pattern: TAIL });
    const slug = string(p.inviteeVanityName, `${at}.inviteeVanityName`, { min: 1 });
    string(p.firstName, `${at}.firstName`);
    string(p.lastName, `${at}.lastName`);
    literal(p.queryName, `${at}.queryName`, 'ProfileMemberRelationshipRefreshById');
    const count = exactObject(p.firstFiveInviteCount, `${at}.firstFiveInviteCount`, ['key', 'namespace']);
    literal(count.key, `${at}.firstFiveInviteCount.key`, 'guidedFlowNumSentInvites');
    literal(count.namespace, `${at}.firstFiveInviteCount.namespace`, '');
    const list = exactObject(p.guidedFlowUrlandProfileList, `${at}.guidedFlowUrlandProfileList`, ['key', 'namespace']);
    literal(list.key, `${at}.guidedFlowUrlandProfileList.key`, 'guidedFlowUrlAndPictureList');
    literal(list.namespace, `${at}.guidedFlowUrlandProfileList.namespace`, 'guidedFlowUrlAndPictureListNameSpace');
    return { id, tail, slug };
  },
  subject: (p) => p.id,
  apply(ctx, p) {
    const inv = invitationById(ctx.state, p.id);
    if (inv?.type === 'RECEIVED') ctx.violate('withdraw of a RECEIVED invitation (v2: never withdraw RECEIVED)');
    const invitee = inv ? ctx.state.members.get(inv.inviteeTail) : undefined;
    // D3: RECEIVED, unknown or already withdrawn → 200 with the failure text.
    if (!inv || inv.type === 'RECEIVED' || inv.inviteeTail !== p.tail || invitee?.slug !== p.slug)
      return rscFailure('Failed to withdraw invitation');
    withdrawInvitation(ctx.state, inv, ctx.now);
    return rsc(OK);
  },
});

export const connectSdui = defineAction({
  id: 'com.linkedin.sdui.requests.mynetwork.addaAddConnection',
  endpoint: 'connect.sdui',
  screen: 'com.linkedin.sdui.flagshipnav.profile.Profile',
  stateKeys: [],
  parse(payload) {
    const at = 'payload';
    const p = exactObject(payload, at, ['inviteeUrn', 'nonIterableProfileId', 'renderMode', 'firstName', 'lastName']);
    const memberId = string(
      exactObject(p.inviteeUrn, `${at}.inviteeUrn`, ['memberId']).memberId,
      `${at}.inviteeUrn.memberId`,
      { pattern: DIGITS },
    );
    const tail = string(p.nonIterableProfileId, `${at}.nonIterableProfileId`, { pattern: TAIL });
    oneOf(p.renderMode, `${at}.renderMode`, ['IconAndText'] as const);
    string(p.firstName, `${at}.firstName`);
    string(p.lastName, `${at}.lastName`);
    return { memberId, tail };
  },
  apply(ctx, p) {
    const member = ctx.state.members.get(p.tail);
    if (!member || member.memberId !== p.memberId) return rscFailure('Failed to send invitation');
    const refusal = connectRefusal(ctx, p.tail);
    if (refusal) return rscFailure(`Failed to send invitation${codeOf(refusal)}`);
    createInvitation(ctx, p.tail);
    return rsc(OK);
  },
});

function codeOf(e: HttpError): string {
  const body = e.reply.json;
  const code = isRecord(body) && isRecord(body.data) ? body.data.code : undefined;
  return typeof code === 'string' ? `: ${code}` : `: HTTP ${e.reply.status}`;
}

export const followSdui = defineAction({
  id: 'com.linkedin.sdui.requests.mynetwork.addaUpdateFollowState',
  endpoint: 'follow.sdui',
  screen: 'com.linkedin.sdui.flagshipnav.profile.Profile',
  stateKeys: [],
  parse(payload) {
    const p = exactObject(payload, 'payload', ['followStateType', 'memberUrn']);
    const type = oneOf(p.followStateType, 'payload.followStateType', [
      'FollowStateType_FOLLOW_ACTIVE',
      'FollowStateType_FOLLOW_INACTIVE',
    ] as const);
    const memberId = string(
      exactObject(p.memberUrn, 'payload.memberUrn', ['memberId']).memberId,
      'payload.memberUrn.memberId',
      { pattern: DIGITS },
    );
    return { following: type === 'FollowStateType_FOLLOW_ACTIVE', memberId };
  },
  apply(ctx, p) {
    const member = memberById(ctx, p.memberId);
    if (!member) return rscFailure('Failed to update follow state');
    if (p.following) ctx.state.following.add(`member:${member.tail}`);
    else ctx.state.following.delete(`member:${member.tail}`);
    return rsc(OK);
  },
});
