/** Body builders and response parsers against the shapes in voyager-reference.md. */
import { describe, expect, it } from 'vitest';
import { commentBody, commentsPath, findViewerComment, parseCommentResponse } from './comment';
import { CONNECT_PATH, connectBody, parseConnectResponse } from './connect';
import { followingStateBody, followingStatePath, parseFollowingState } from './following-state';
import { createMessageBody, findSentMessage, parseCreateMessage, trackingId } from './message';
import { parseViewerReaction, reactPath, unreactPath } from './reaction';
import { reactionField } from '../../contract/params';
import { companyLookupPath, parseCompanyLookup } from './resolve-company';
import { saveStateBody, saveStatePath } from './save-state';
import { SHARE_PATH, parseShareResponse, shareBody } from './share';
import { legacyWithdrawCall, withdrawCall } from './withdraw';
import { parseMe, parseProfileLookup, profileLookupPath } from '../voyager/identity';
import { parseSentInvitations, sentInvitationsPath } from '../voyager/sent-invitations';

describe('connect', () => {
  it('path and body; customMessage only with a note', () => {
    expect(CONNECT_PATH).toBe(
      '/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2&decorationId=com.linkedin.voyager.dash.deco.relationships.InvitationCreationResultWithInvitee-2',
    );
    expect(connectBody('urn:li:fsd_profile:ACoA1', null)).toEqual({ invitee: { inviteeUnion: { memberProfile: 'urn:li:fsd_profile:ACoA1' } } });
    expect(connectBody('urn:li:fsd_profile:ACoA1', 'Hi')).toEqual({
      invitee: { inviteeUnion: { memberProfile: 'urn:li:fsd_profile:ACoA1' } },
      customMessage: 'Hi',
    });
  });
  it('finds the created invitation anywhere in the answer', () => {
    expect(parseConnectResponse({ data: { '*invitation': 'urn:li:fsd_invitation:42' }, included: [] })).toBe('urn:li:fsd_invitation:42');
    expect(parseConnectResponse({ data: {} })).toBeUndefined();
  });
});

describe('withdraw', () => {
  it('DELETE on the URL-encoded invitation URN; legacy form kept', () => {
    expect(withdrawCall('urn:li:fsd_invitation:42')).toEqual({
      method: 'DELETE',
      path: '/voyagerRelationshipsDashMemberRelationships/urn%3Ali%3Afsd_invitation%3A42',
    });
    expect(legacyWithdrawCall('42', 'sec')).toEqual({
      method: 'POST',
      path: '/relationships/invitations/42?action=withdraw',
      body: { invitationId: '42', invitationSharedSecret: 'sec', isGenericInvitation: false },
    });
  });
  it('parses sent invitations, legacy URNs normalised', () => {
    expect(sentInvitationsPath(100)).toBe('/relationships/sentInvitationViewsV2?count=100&invitationType=CONNECTION&q=invitationType&start=100');
    const page = parseSentInvitations({
      data: { paging: { start: 0, count: 100, total: 2 }, '*elements': [] },
      included: [
        { entityUrn: 'urn:li:fsd_invitation:1', sharedSecret: 'a', '*toMember': 'urn:li:fs_miniProfile:ACoAX' },
        { entityUrn: 'urn:li:invitation:2', sharedSecret: 'b', '*invitee': 'urn:li:fsd_profile:ACoAY' },
        { entityUrn: 'urn:li:fs_miniProfile:ACoAX' },
      ],
    });
    expect(page).toEqual({
      total: 2,
      invitations: [
        { urn: 'urn:li:fsd_invitation:1', sharedSecret: 'a', inviteeTail: 'ACoAX' },
        { urn: 'urn:li:fsd_invitation:2', sharedSecret: 'b', inviteeTail: 'ACoAY' },
      ],
    });
  });
});

describe('message', () => {
  it('originToken inside message, trackingId 16 latin-1 chars, recipients at the top level', () => {
    const body = createMessageBody({ text: 'hi', originToken: 'tok', mailboxUrn: 'urn:li:fsd_profile:ME', recipientUrn: 'urn:li:fsd_profile:YOU', trackingId: 't' });
    expect(body).toEqual({
      message: { body: { attributes: [], text: 'hi' }, originToken: 'tok', renderContentUnions: [] },
      mailboxUrn: 'urn:li:fsd_profile:ME',
      trackingId: 't',
      dedupeByClientGeneratedToken: false,
      hostRecipientUrns: ['urn:li:fsd_profile:YOU'],
    });
    expect(Object.keys(body)).not.toContain('originToken');
    const id = trackingId();
    expect(id).toHaveLength(16);
    expect([...id].every((c) => c.charCodeAt(0) <= 255)).toBe(true);
    expect(trackingId(() => new Uint8Array([0, 255, 65, 66, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toBe('\u0000\u00ffAB\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f');
  });
  it('parses value.entityUrn and value.conversationUrn', () => {
    expect(parseCreateMessage({ value: { entityUrn: 'urn:li:msg_message:(a,1)', conversationUrn: 'urn:li:msg_conversation:(a,2)' } })).toEqual({
      messageUrn: 'urn:li:msg_message:(a,1)',
      conversationUrn: 'urn:li:msg_conversation:(a,2)',
    });
    expect(parseCreateMessage({ data: {} })).toBeUndefined();
  });
  it('recognises a sent message by its originToken on read-back', () => {
    const json = { included: [{ entityUrn: 'm1', originToken: 'other', body: { text: 'hi' } }, { entityUrn: 'm2', originToken: 'tok', body: { text: 'hi' }, conversationUrn: 'c' }] };
    expect(findSentMessage(json, 'tok', 'hi')).toEqual({ messageUrn: 'm2', conversationUrn: 'c' });
    expect(findSentMessage(json, 'nope', 'bye')).toBeUndefined();
  });
});

describe('reactions', () => {
  it('accepts the six types case-insensitively, FUNNY = ENTERTAINMENT, rejects others', () => {
    expect(reactionField.parse('like')).toBe('LIKE');
    expect(reactionField.parse(' Funny ')).toBe('ENTERTAINMENT');
    expect(reactionField.parse('empathy')).toBe('EMPATHY');
    expect(reactionField.safeParse('ANGRY').success).toBe(false);
    expect(reactionField.safeParse(3).success).toBe(false);
  });
  it('react and unreact paths', () => {
    expect(reactPath('urn:li:activity:1')).toBe('/voyagerSocialDashReactions?threadUrn=urn%3Ali%3Aactivity%3A1');
    expect(decodeURIComponent(unreactPath('urn:li:fsd_profile:ME', 'urn:li:activity:1', 'LIKE'))).toBe(
      '/voyagerSocialDashReactions/urn:li:fsd_reaction:(urn:li:fsd_profile:ME,urn:li:activity:1,LIKE)',
    );
    expect(parseViewerReaction({ data: { reactionType: 'PRAISE' } })).toBe('PRAISE');
    expect(parseViewerReaction({ data: { reactionType: null } })).toBeNull();
    expect(parseViewerReaction({ data: {} })).toBeUndefined();
  });
});

describe('comment', () => {
  it('body and parsers', () => {
    expect(commentBody('urn:li:activity:9', 'nice')).toEqual({
      commentary: { text: 'nice', attributesV2: [], $type: 'com.linkedin.voyager.dash.common.text.TextViewModel' },
      threadUrn: 'urn:li:activity:9',
    });
    expect(parseCommentResponse({ data: { entityUrn: 'urn:li:fsd_comment:(123,urn:li:activity:9)' } })).toBe('urn:li:fsd_comment:(123,urn:li:activity:9)');
    expect(commentsPath('urn:li:activity:9')).toContain('threadUrn=urn%3Ali%3Aactivity%3A9');
    const json = { included: [{ entityUrn: 'c1', commentary: { text: 'nice' }, commenterProfileUrn: 'urn:li:fsd_profile:ME' }] };
    expect(findViewerComment(json, 'urn:li:fsd_profile:ME', 'nice')).toBe('c1');
    expect(findViewerComment(json, 'urn:li:fsd_profile:OTHER', 'nice')).toBeUndefined();
  });
});

describe('follow, save, share, company, identity', () => {
  it('following state path is the URL-encoded followingState URN', () => {
    expect(followingStatePath('urn:li:fsd_profile:ACoA1')).toBe('/feed/dash/followingStates/urn%3Ali%3Afsd_followingState%3Aurn%3Ali%3Afsd_profile%3AACoA1');
    expect(followingStateBody(false)).toEqual({ patch: { $set: { following: false } } });
    expect(parseFollowingState({ data: { following: true } })).toBe(true);
  });
  it('save state path and body', () => {
    expect(decodeURIComponent(saveStatePath('urn:li:activity:5'))).toBe('/voyagerFeedDashSaveStates/urn:li:fsd_saveState:(SAVE,urn:li:activity:5)');
    expect(saveStateBody(true)).toEqual({ patch: { $set: { saved: true } } });
  });
  it('share body carries the parent and the commentary', () => {
    expect(SHARE_PATH).toMatch(/^\/graphql\?action=execute&queryId=voyagerContentcreationDashShares\.[0-9a-f]{32}$/);
    const body = shareBody('urn:li:activity:5', 'look');
    expect(body.variables.post.parentUrn).toBe('urn:li:activity:5');
    expect(body.variables.post.commentary).toEqual({ text: 'look', attributesV2: [] });
    expect(parseShareResponse({ value: { data: { x: { resourceKey: 'urn:li:share:77' } } } })).toBe('urn:li:share:77');
  });
  it('company lookup by universalName', () => {
    expect(companyLookupPath('acme')).toBe(
      '/organization/companies?decorationId=com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-12&q=universalName&universalName=acme',
    );
    expect(parseCompanyLookup({ data: { '*elements': ['urn:li:fs_normalized_company:1035'] } })).toBe('1035');
    expect(parseCompanyLookup({ data: { '*elements': [] } })).toBeUndefined();
  });
  it('me and profile lookup', () => {
    expect(
      parseMe({
        data: { plainId: 12, '*miniProfile': 'urn:li:fs_miniProfile:ACoAME' },
        included: [{ entityUrn: 'urn:li:fs_miniProfile:ACoAME', publicIdentifier: 'me' }],
      }),
    ).toEqual({ memberUrn: 'urn:li:fsd_profile:ACoAME', tail: 'ACoAME', publicIdentifier: 'me', plainId: 12 });
    expect(parseMe({ data: {} })).toBeUndefined();
    expect(profileLookupPath('j%C3%B6rg')).toBe(
      '/identity/dash/profiles?q=memberIdentity&memberIdentity=j%C3%B6rg&decorationId=com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-20',
    );
    expect(parseProfileLookup({ data: { '*elements': ['urn:li:fsd_profile:ACoAX'] }, included: [{ entityUrn: 'urn:li:fsd_profile:ACoAX', publicIdentifier: 'x' }] })).toMatchObject({
      urn: 'urn:li:fsd_profile:ACoAX',
      tail: 'ACoAX',
      publicIdentifier: 'x',
    });
    expect(parseProfileLookup({ data: { '*elements': [] } })).toBeUndefined();
  });
});
