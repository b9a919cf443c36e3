/** Invitation request builders and answer parsers against voyager-reference.md v2 and the decisions it leaves open. */
import { describe, expect, it } from 'vitest';
import { CONNECT_PATH, connectBody, connectSduiAction, parseConnectResponse } from './connect';
import { deleteWithdrawCall, legacyWithdrawCall, withdrawCall, withdrawSduiAction } from './withdraw-calls';
import { parseSentInvitations, sentInvitationsPath } from '../voyager/sent-invitations';
import { sduiEnvelope, sduiPath } from '../voyager/sdui';

describe('connect', () => {
  it('path and body; customMessage only with a note', () => {
    expect(CONNECT_PATH).toBe(
      '/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2&decorationId=com.linkedin.voyager.dash.deco.relationships.InvitationCreationResultWithInvitee-2',
    );
    expect(connectBody('urn:li:fsd_profile:ACoA1', null)).toEqual({
      invitee: { inviteeUnion: { memberProfile: 'urn:li:fsd_profile:ACoA1' } },
    });
    expect(connectBody('urn:li:fsd_profile:ACoA1', '')).not.toHaveProperty('customMessage');
    expect(connectBody('urn:li:fsd_profile:ACoA1', 'Hi')).toEqual({
      invitee: { inviteeUnion: { memberProfile: 'urn:li:fsd_profile:ACoA1' } },
      customMessage: 'Hi',
    });
  });
  it('reads the invitation from data.value only', () => {
    expect(parseConnectResponse({ data: { value: { '*invitation': 'urn:li:fsd_invitation:42' } } })).toBe(
      'urn:li:fsd_invitation:42',
    );
    expect(parseConnectResponse({ data: { value: { invitationUrn: 'urn:li:fsd_invitation:43' } } })).toBe(
      'urn:li:fsd_invitation:43',
    );
    // Elsewhere in the answer (e.g. an included invitation) is not ours to trust.
    expect(
      parseConnectResponse({ data: { code: 'X' }, included: [{ entityUrn: 'urn:li:fsd_invitation:44' }] }),
    ).toBeUndefined();
    expect(parseConnectResponse({ data: { value: { '*invitation': 'urn:li:fs_relInvitation:1' } } })).toBeUndefined();
  });
  it('the SDUI fallback carries the numeric member id and no note', () => {
    const action = connectSduiAction({ memberId: '123', tail: 'ACoA1', firstName: 'A', lastName: 'B' });
    expect(action.id).toBe('com.linkedin.sdui.requests.mynetwork.addaAddConnection');
    expect(action.payload).toEqual({
      inviteeUrn: { memberId: '123' },
      nonIterableProfileId: 'ACoA1',
      renderMode: 'IconAndText',
      firstName: 'A',
      lastName: 'B',
    });
  });
});

describe('withdraw variants', () => {
  const urn = 'urn:li:fsd_invitation:42';
  it('1: POST voyagerRelationshipsDashInvitations action=withdraw', () => {
    expect(withdrawCall(urn)).toEqual({
      method: 'POST',
      path: '/voyagerRelationshipsDashInvitations/urn%3Ali%3Afsd_invitation%3A42?action=withdraw',
      body: { invitationType: 'CONNECTION' },
    });
  });
  it('2: the SDUI withdraw payload, string enums, both state keys requested', () => {
    const action = withdrawSduiAction({
      invitationId: '42',
      tail: 'ACoA1',
      slug: 'ada',
      firstName: 'Ada',
      lastName: 'L',
    });
    expect(action.payload).toMatchObject({
      inviterActionType: 'InviterActionType_WITHDRAW',
      invitationType: 'GenericInvitationType_CONNECTION',
      invitationUrn: { invitationId: '42' },
      profileUrn: 'ACoA1',
      inviteeVanityName: 'ada',
      queryName: 'ProfileMemberRelationshipRefreshById',
    });
    expect(action.requestedStateKeys).toEqual([
      { key: 'guidedFlowNumSentInvites', namespace: '' },
      { key: 'guidedFlowUrlAndPictureList', namespace: 'guidedFlowUrlAndPictureListNameSpace' },
    ]);
    expect(action.failureText?.test('… Failed to withdraw invitation …')).toBe(true);
  });
  it('3: legacy, 4: DELETE last resort', () => {
    expect(legacyWithdrawCall('42', 'sec')).toEqual({
      method: 'POST',
      path: '/relationships/invitations/42?action=withdraw',
      body: { invitationId: '42', invitationSharedSecret: 'sec', isGenericInvitation: false },
    });
    expect(deleteWithdrawCall(urn)).toEqual({
      method: 'DELETE',
      path: '/voyagerRelationshipsDashMemberRelationships/urn%3Ali%3Afsd_invitation%3A42',
    });
  });
});

describe('SDUI envelope', () => {
  it('repeats the arguments at the top level with states and the screen', () => {
    const envelope = sduiEnvelope({ id: 'com.x.y', screenId: 'S', payload: { a: 1 } });
    const args = {
      $type: 'proto.sdui.actions.requests.RequestedArguments',
      payload: { a: 1 },
      requestedStateKeys: [],
      requestMetadata: { $type: 'proto.sdui.common.RequestMetadata' },
    };
    expect(envelope).toEqual({
      requestId: 'com.x.y',
      serverRequest: { requestId: 'com.x.y', requestedArguments: args },
      requestedArguments: { ...args, states: [], screenId: 'S' },
    });
    expect(sduiPath('com.linkedin.sdui.reactions.delete')).toBe(
      '/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.reactions.delete',
    );
  });
});

describe('sent invitations (v2 real shape)', () => {
  it('reads fs_relInvitation rows under data.data, ignoring paging.total 0', () => {
    expect(sentInvitationsPath(100)).toBe(
      '/relationships/sentInvitationViewsV2?count=100&invitationType=CONNECTION&q=invitationType&start=100',
    );
    const json = {
      data: {
        data: {
          '*elements': ['urn:li:fs_relInvitationView:7', 'urn:li:fs_relInvitationView:8'],
          paging: { start: 0, count: 100, total: 0 },
        },
      },
      included: [
        { entityUrn: 'urn:li:fs_relInvitationView:7', '*invitation': 'urn:li:fs_relInvitation:7' },
        {
          entityUrn: 'urn:li:fs_relInvitation:7',
          sharedSecret: 's7',
          '*toMember': 'urn:li:fs_miniProfile:ACoAX',
          sentTime: 1,
          customMessage: false,
        },
        { entityUrn: 'urn:li:fs_relInvitationView:8', '*invitation': 'urn:li:fs_relInvitation:8' },
        { entityUrn: 'urn:li:fs_relInvitation:8', sharedSecret: 's8', '*toMember': 'urn:li:fs_miniProfile:ACoAY' },
      ],
    };
    expect(parseSentInvitations(json)).toEqual([
      { urn: 'urn:li:fsd_invitation:7', id: '7', sharedSecret: 's7', inviteeTail: 'ACoAX' },
      { urn: 'urn:li:fsd_invitation:8', id: '8', sharedSecret: 's8', inviteeTail: 'ACoAY' },
    ]);
  });
  it('inline elements and data["*elements"] work too; no collection is unreadable, an empty one is empty', () => {
    expect(
      parseSentInvitations({
        data: {
          elements: [
            { invitation: { entityUrn: 'urn:li:fs_relInvitation:9', '*toMember': 'urn:li:fs_miniProfile:Z' } },
          ],
        },
      }),
    ).toEqual([{ urn: 'urn:li:fsd_invitation:9', id: '9', sharedSecret: null, inviteeTail: 'Z' }]);
    expect(parseSentInvitations({ data: { '*elements': [] } })).toEqual([]);
    expect(parseSentInvitations({ data: {} })).toBeUndefined();
    expect(parseSentInvitations('<html>')).toBeUndefined();
  });
});
