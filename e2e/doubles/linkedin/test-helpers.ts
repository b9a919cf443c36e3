/** Paths, bodies and envelopes for the double's unit tests (what the client is meant to send, per v2 + D1–D15). */
import { afterEach, beforeEach } from 'vitest';
import { startLinkedInDouble } from './server';
import type { LinkedInDouble, Member, RecordedRequest } from './types';

/** A fresh double per test; call at the top of a test file. */
export function useDouble(): () => LinkedInDouble {
  let li: LinkedInDouble | undefined;
  beforeEach(async () => {
    li = await startLinkedInDouble();
  });
  afterEach(async () => {
    await li?.close();
    li = undefined;
  });
  return () => {
    if (!li) throw new Error('no double running');
    return li;
  };
}

export function dig(v: unknown, ...keys: (string | number)[]): unknown {
  let cur = v;
  for (const k of keys)
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}

export const enc = encodeURIComponent;
export const lastOf = (li: LinkedInDouble): RecordedRequest | undefined => li.requests.at(-1);
export const profileUrn = (m: Member): string => `urn:li:fsd_profile:${m.tail}`;

export const TOP_CARD = 'com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-19';
export const FULL_PROFILE = 'com.linkedin.voyager.dash.deco.identity.profile.FullProfileWithEntities-96';
export const profilePath = (identity: string, deco = TOP_CARD): string =>
  `/identity/dash/profiles?q=memberIdentity&memberIdentity=${identity}&decorationId=${deco}`;
export const relPath = (m: Member): string =>
  `/voyagerRelationshipsDashMemberRelationships/${enc(`urn:li:fsd_memberRelationship:${m.tail}`)}`;
export const companyPath = (slug: string): string =>
  `/organization/companies?decorationId=com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-12&q=universalName&universalName=${slug}`;

export const CONNECT =
  '/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2&decorationId=com.linkedin.voyager.dash.deco.relationships.InvitationCreationResultWithInvitee-2';
export const connectBody = (m: Member, customMessage?: string): Record<string, unknown> => ({
  invitee: { inviteeUnion: { memberProfile: profileUrn(m) } },
  ...(customMessage !== undefined ? { customMessage } : {}),
});
export const sentPath = (start: number, count: number): string =>
  `/relationships/sentInvitationViewsV2?count=${count}&invitationType=CONNECTION&q=invitationType&start=${start}`;
export const withdrawPath = (id: string): string =>
  `/voyagerRelationshipsDashInvitations/${enc(`urn:li:fsd_invitation:${id}`)}?action=withdraw`;
export const legacyWithdrawPath = (id: string): string => `/relationships/invitations/${id}?action=withdraw`;
export const deletePath = (id: string): string =>
  `/voyagerRelationshipsDashMemberRelationships/${enc(`urn:li:fsd_invitation:${id}`)}`;

export const MESSAGE = '/voyagerMessagingDashMessengerMessages?action=createMessage';
export const TRACKING = String.fromCharCode(0, 1, 2, 31, 127, 128, 200, 255, 10, 34, 92, 65, 66, 67, 68, 69);
export function messageBody(
  li: LinkedInDouble,
  text: string,
  recipient: Member | null,
  over: Record<string, unknown> = {},
  conversationUrn?: string,
) {
  return {
    message: {
      body: { attributes: [], text },
      originToken: crypto.randomUUID(),
      renderContentUnions: [],
      ...(conversationUrn ? { conversationUrn } : {}),
    },
    mailboxUrn: profileUrn(li.viewer),
    trackingId: TRACKING,
    dedupeByClientGeneratedToken: false,
    ...(recipient ? { hostRecipientUrns: [profileUrn(recipient)] } : {}),
    ...over,
  };
}
export const conversationsPath = (mailbox: string): string =>
  `/voyagerMessagingGraphQL/graphql?queryId=messengerConversations.0d5e6781bbee71c3e51c8843c6519f48&variables=(mailboxUrn:${enc(mailbox)})`;
export const messagesPath = (conversation: string): string =>
  `/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.5846eeb71c981f11e0134cb6626cc314&variables=(conversationUrn:${enc(conversation)})`;

export const reactPath = (thread: string): string => `/voyagerSocialDashReactions?threadUrn=${enc(thread)}`;
export const reactionsPath = (thread: string, start: number, count: number): string =>
  `/voyagerSocialDashReactions?q=reactionType&threadUrn=${enc(thread)}&decorationId=com.linkedin.voyager.dash.deco.social.ReactionsByTypeWithProfileActions-13&start=${start}&count=${count}`;
export const COMMENT =
  '/voyagerSocialDashNormComments?decorationId=com.linkedin.voyager.dash.deco.social.NormComment-43';
export const commentBody = (threadUrn: string, text: string) => ({
  commentary: { text, attributesV2: [], $type: 'com.linkedin.voyager.dash.common.text.TextViewModel' },
  threadUrn,
});
export const commentsPath = (thread: string): string => `/feed/comments?q=comments&updateId=${enc(thread)}`;
export const followPath = (entityUrn: string): string =>
  `/feed/dash/followingStates/${enc(`urn:li:fsd_followingState:${entityUrn}`)}`;
export const followBody = (following: boolean) => ({ patch: { $set: { following } } });
export const savePath = (thread: string): string =>
  `/voyagerFeedDashSaveStates/${enc(`urn:li:fsd_saveState:(SAVE,${thread})`)}`;
export const saveBody = (saved: boolean) => ({ patch: { $set: { saved } } });

export const REPOST_ID = 'voyagerFeedDashReposts.a0663ae5c654123343da36617d2dbfde';
export const RESHARE_ID = 'voyagerContentcreationDashShares.80089eb2e82a2dfa23cb621fb09eb7bf';
export const graphqlPath = (queryId: string): string => `/graphql?action=execute&queryId=${queryId}`;
export const repostBody = (rootContentUrn: string) => ({
  variables: { entity: { rootContentUrn } },
  queryId: REPOST_ID,
});
export function reshareBody(parentUrn: string, text: string, origin = 'RESHARE') {
  return {
    variables: {
      post: {
        allowedCommentersScope: 'ALL',
        intendedShareLifeCycleState: 'PUBLISHED',
        origin,
        parentUrn,
        visibilityDataUnion: { visibilityType: 'ANYONE' },
        commentary: { text, attributesV2: [] },
      },
    },
    queryId: RESHARE_ID,
    includeWebMetadata: true,
  };
}

// SDUI (D3)
export const SDUI = {
  withdraw: {
    id: 'com.linkedin.sdui.requests.mynetwork.addaWithdrawInvitation',
    screen: 'com.linkedin.sdui.flagshipnav.mynetwork.invitations.WithdrawConfirmationDialog',
  },
  connect: {
    id: 'com.linkedin.sdui.requests.mynetwork.addaAddConnection',
    screen: 'com.linkedin.sdui.flagshipnav.profile.Profile',
  },
  unreact: { id: 'com.linkedin.sdui.reactions.delete', screen: 'com.linkedin.sdui.flagshipnav.feed.UpdateDetail' },
  follow: {
    id: 'com.linkedin.sdui.requests.mynetwork.addaUpdateFollowState',
    screen: 'com.linkedin.sdui.flagshipnav.profile.Profile',
  },
  save: { id: 'com.linkedin.sdui.update.saveState', screen: 'com.linkedin.sdui.flagshipnav.feed.MainFeed' },
  share: {
    id: 'com.linkedin.sdui.feed.requests.createInstantRepost',
    screen: 'com.linkedin.sdui.flagshipnav.feed.MainFeed',
  },
} as const;
export const WITHDRAW_STATE_KEYS = [
  { key: 'guidedFlowNumSentInvites', namespace: '' },
  { key: 'guidedFlowUrlAndPictureList', namespace: 'guidedFlowUrlAndPictureListNameSpace' },
];

export function envelope(
  a: { id: string; screen: string },
  payload: unknown,
  opts: {
    stateKeys?: unknown[];
    metadata?: Record<string, unknown>;
    server?: Record<string, unknown>;
    top?: Record<string, unknown>;
  } = {},
) {
  const ra = {
    $type: 'proto.sdui.actions.requests.RequestedArguments',
    payload,
    requestedStateKeys: opts.stateKeys ?? [],
    requestMetadata: { $type: 'proto.sdui.common.RequestMetadata', ...opts.metadata },
  };
  return {
    requestId: a.id,
    serverRequest: { requestId: a.id, requestedArguments: ra, ...opts.server },
    requestedArguments: { ...ra, states: [], screenId: a.screen },
    ...opts.top,
  };
}

export function withdrawEnvelope(id: string, m: Member) {
  return envelope(
    SDUI.withdraw,
    {
      inviterActionType: 'InviterActionType_WITHDRAW',
      invitationType: 'GenericInvitationType_CONNECTION',
      invitationUrn: { invitationId: id },
      profileUrn: m.tail,
      inviteeVanityName: m.slug,
      firstName: m.firstName,
      lastName: m.lastName,
      queryName: 'ProfileMemberRelationshipRefreshById',
      firstFiveInviteCount: { key: 'guidedFlowNumSentInvites', namespace: '' },
      guidedFlowUrlandProfileList: {
        key: 'guidedFlowUrlAndPictureList',
        namespace: 'guidedFlowUrlAndPictureListNameSpace',
      },
    },
    { stateKeys: WITHDRAW_STATE_KEYS },
  );
}

export function unreactEnvelope(activityId: string, reactionType = 'ReactionType_LIKE') {
  return envelope(
    SDUI.unreact,
    {
      threadUrn: {
        threadUrnActivityThreadUrn: {
          __typename: 'proto_com_linkedin_common_ActivityUrn',
          activityUrn: { activityId },
        },
      },
      reactionType,
      reactionSource: 'Update',
    },
    {
      metadata: {
        currentActor: {
          $type: 'proto.sdui.bindings.core.Bindable',
          key: { key: { value: { $case: 'id', id: `identitySwitcherActorContext-urn:li:activity:${activityId}` } } },
          content: { $case: 'stringBinding', stringBinding: {} },
        },
      },
      server: {
        onClientRequestFailureAction: { actions: [] },
        isApfcEnabled: false,
        isStreaming: false,
        rumPageKey: '',
      },
      top: { states: [] },
    },
  );
}

export const connectEnvelope = (m: Member) =>
  envelope(SDUI.connect, {
    inviteeUrn: { memberId: m.memberId },
    nonIterableProfileId: m.tail,
    renderMode: 'IconAndText',
    firstName: m.firstName,
    lastName: m.lastName,
  });
export const followEnvelope = (m: Member, active: boolean) =>
  envelope(SDUI.follow, {
    followStateType: active ? 'FollowStateType_FOLLOW_ACTIVE' : 'FollowStateType_FOLLOW_INACTIVE',
    memberUrn: { memberId: m.memberId },
  });
export const saveEnvelope = (activityId: string, isSaved: boolean) =>
  envelope(SDUI.save, {
    isSaved,
    saveObjectUrn: {
      saveEntityUrnFeedUpdateUrn: { feedUpdateUrn: { updateUrnActivityUrn: { activityUrn: { activityId } } } },
    },
  });
export const repostEnvelope = (activityId: string) =>
  envelope(SDUI.share, { threadUrn: { threadUrnActivityThreadUrn: { activityUrn: { activityId } } } });
