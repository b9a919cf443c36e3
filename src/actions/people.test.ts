/** Identity, company, follow and messaging builders and parsers against v2. */
import { describe, expect, it } from 'vitest';
import { followSduiAction, followingStateBody, followingStatePath } from './following-state';
import {
  conversationsPath,
  createMessageBody,
  findConversation,
  findSentMessage,
  messagesPath,
  parseCreateMessage,
  trackingId,
} from './message';
import { companyLookupPath, parseCompanyLookup } from './resolve-company';
import { PROFILE_DECORATIONS, parseMe, parseProfileLookup, profileLookupPath } from '../voyager/identity';

describe('identity', () => {
  it('me', () => {
    expect(
      parseMe({
        data: { plainId: 12, '*miniProfile': 'urn:li:fs_miniProfile:ACoAME' },
        included: [{ entityUrn: 'urn:li:fs_miniProfile:ACoAME', publicIdentifier: 'me' }],
      }),
    ).toEqual({ memberUrn: 'urn:li:fsd_profile:ACoAME', tail: 'ACoAME', publicIdentifier: 'me', plainId: 12 });
    expect(parseMe({ data: {} })).toBeUndefined();
  });
  it('profile lookup: decorations in v2 order, member id, names and following state', () => {
    expect(PROFILE_DECORATIONS).toEqual([
      'com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-19',
      'com.linkedin.voyager.dash.deco.identity.profile.FullProfileWithEntities-96',
    ]);
    expect(profileLookupPath('j%C3%B6rg', PROFILE_DECORATIONS[0])).toBe(
      '/identity/dash/profiles?q=memberIdentity&memberIdentity=j%C3%B6rg&decorationId=com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-19',
    );
    const json = {
      data: { '*elements': ['urn:li:fsd_profile:ACoAX'] },
      included: [
        {
          entityUrn: 'urn:li:fsd_profile:ACoAX',
          publicIdentifier: 'x',
          objectUrn: 'urn:li:member:55',
          firstName: 'X',
          lastName: 'Y',
          '*followingState': 'urn:li:fsd_followingState:urn:li:fsd_profile:ACoAX',
        },
        { entityUrn: 'urn:li:fsd_followingState:urn:li:fsd_profile:ACoAX', following: true },
      ],
    };
    expect(parseProfileLookup(json)).toMatchObject({
      urn: 'urn:li:fsd_profile:ACoAX',
      tail: 'ACoAX',
      publicIdentifier: 'x',
      memberId: '55',
      firstName: 'X',
      lastName: 'Y',
      following: true,
    });
  });
  it('`[]` is "none", a missing collection is unreadable (never "not found")', () => {
    expect(parseProfileLookup({ data: { '*elements': [] } })).toBeNull();
    expect(parseProfileLookup({ data: { foo: 1 } })).toBeUndefined();
    expect(parseProfileLookup({ data: { '*elements': ['urn:li:fs_miniProfile:X'] } })).toBeUndefined();
  });
});

describe('company', () => {
  it('lookup by universal name, with followingInfo', () => {
    expect(companyLookupPath('acme')).toBe(
      '/organization/companies?decorationId=com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-12&q=universalName&universalName=acme',
    );
    const json = {
      data: { '*elements': ['urn:li:fs_normalized_company:1035'] },
      included: [{ entityUrn: 'urn:li:fs_normalized_company:1035', followingInfo: { following: false } }],
    };
    expect(parseCompanyLookup(json)).toEqual({ id: '1035', following: false });
    expect(parseCompanyLookup({ data: { '*elements': [] } })).toBeNull();
    expect(parseCompanyLookup({ data: {} })).toBeUndefined();
  });
});

describe('follow', () => {
  it('the followingState URN, URL-encoded; the SDUI follow state enum', () => {
    expect(followingStatePath('urn:li:fsd_profile:ACoA1')).toBe(
      '/feed/dash/followingStates/urn%3Ali%3Afsd_followingState%3Aurn%3Ali%3Afsd_profile%3AACoA1',
    );
    expect(followingStateBody(false)).toEqual({ patch: { $set: { following: false } } });
    expect(followSduiAction('9', true).payload).toEqual({
      followStateType: 'FollowStateType_FOLLOW_ACTIVE',
      memberUrn: { memberId: '9' },
    });
    expect(followSduiAction('9', false).payload.followStateType).toBe('FollowStateType_FOLLOW_INACTIVE');
  });
});

describe('message', () => {
  const base = { text: 'hi', originToken: 'tok', mailboxUrn: 'urn:li:fsd_profile:ME', trackingId: 't' };
  it('originToken inside message; recipients at the top level, or the known thread inside message', () => {
    expect(createMessageBody({ ...base, target: { hostRecipientUrn: 'urn:li:fsd_profile:YOU' } })).toEqual({
      message: { body: { attributes: [], text: 'hi' }, renderContentUnions: [], originToken: 'tok' },
      mailboxUrn: 'urn:li:fsd_profile:ME',
      trackingId: 't',
      dedupeByClientGeneratedToken: false,
      hostRecipientUrns: ['urn:li:fsd_profile:YOU'],
    });
    const viaThread = createMessageBody({
      ...base,
      target: { conversationUrn: 'urn:li:msg_conversation:(urn:li:fsd_profile:ME,2-a)' },
    });
    expect(viaThread).not.toHaveProperty('hostRecipientUrns');
    expect(viaThread.message).toMatchObject({
      conversationUrn: 'urn:li:msg_conversation:(urn:li:fsd_profile:ME,2-a)',
      originToken: 'tok',
    });
    const id = trackingId();
    expect(id).toHaveLength(16);
    expect([...id].every((c) => c.charCodeAt(0) <= 255)).toBe(true);
  });
  it('parses value.entityUrn; an answer without a message URN is unreadable', () => {
    expect(
      parseCreateMessage({
        value: { entityUrn: 'urn:li:msg_message:(a,1)', conversationUrn: 'urn:li:msg_conversation:(a,2)' },
      }),
    ).toEqual({
      messageUrn: 'urn:li:msg_message:(a,1)',
      conversationUrn: 'urn:li:msg_conversation:(a,2)',
    });
    expect(parseCreateMessage({ data: { value: { entityUrn: 'urn:li:msg_message:(a,3)' } } })).toMatchObject({
      messageUrn: 'urn:li:msg_message:(a,3)',
    });
    expect(parseCreateMessage({ data: {} })).toBeUndefined();
  });
  it('GraphQL read-back paths encode the URN once, parentheses included', () => {
    expect(conversationsPath('urn:li:fsd_profile:ME')).toBe(
      '/voyagerMessagingGraphQL/graphql?queryId=messengerConversations.0d5e6781bbee71c3e51c8843c6519f48&variables=(mailboxUrn:urn%3Ali%3Afsd_profile%3AME)',
    );
    expect(messagesPath('urn:li:msg_conversation:(urn:li:fsd_profile:ME,2-a)')).toBe(
      '/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.5846eeb71c981f11e0134cb6626cc314&variables=(conversationUrn:urn%3Ali%3Amsg_conversation%3A%28urn%3Ali%3Afsd_profile%3AME%2C2-a%29)',
    );
  });
  it('finds the conversation through its participants, and our message by originToken or by text from the viewer', () => {
    const conversations = {
      data: {
        data: {
          messengerConversationsBySyncToken: { '*elements': ['urn:li:msg_conversation:(urn:li:fsd_profile:ME,2-a)'] },
        },
      },
      included: [
        {
          entityUrn: 'urn:li:msg_conversation:(urn:li:fsd_profile:ME,2-a)',
          '*conversationParticipants': ['urn:li:msg_messagingParticipant:urn:li:fsd_profile:YOU'],
        },
        {
          entityUrn: 'urn:li:msg_messagingParticipant:urn:li:fsd_profile:YOU',
          hostIdentityUrn: 'urn:li:fsd_profile:YOU',
        },
      ],
    };
    expect(findConversation(conversations, 'YOU')).toBe('urn:li:msg_conversation:(urn:li:fsd_profile:ME,2-a)');
    expect(findConversation(conversations, 'SOMEONE')).toBeNull();
    expect(findConversation({ data: {} }, 'YOU')).toBeUndefined();
    const messages = {
      data: {
        data: {
          messengerMessagesBySyncToken: { '*elements': ['urn:li:msg_message:(ME,1)', 'urn:li:msg_message:(ME,2)'] },
        },
      },
      included: [
        {
          entityUrn: 'urn:li:msg_message:(ME,1)',
          originToken: 'other',
          body: { text: 'hi' },
          '*sender': 'urn:li:msg_messagingParticipant:urn:li:fsd_profile:YOU',
          deliveredAt: 5,
        },
        {
          entityUrn: 'urn:li:msg_message:(ME,2)',
          body: { text: 'hi' },
          '*sender': 'urn:li:msg_messagingParticipant:urn:li:fsd_profile:ME',
          deliveredAt: 10,
        },
      ],
    };
    expect(findSentMessage(messages, { originToken: 'other', text: 'x', viewerTail: 'ME', notBefore: 0 })).toBe(
      'urn:li:msg_message:(ME,1)',
    );
    expect(findSentMessage(messages, { originToken: 'tok', text: 'hi', viewerTail: 'ME', notBefore: 0 })).toBe(
      'urn:li:msg_message:(ME,2)',
    );
    expect(findSentMessage(messages, { originToken: 'tok', text: 'hi', viewerTail: 'ME', notBefore: 11 })).toBeNull();
    expect(
      findSentMessage({ data: {} }, { originToken: 'tok', text: 'hi', viewerTail: 'ME', notBefore: 0 }),
    ).toBeUndefined();
  });
});
