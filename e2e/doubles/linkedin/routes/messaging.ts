/**
 * Messaging (v2 "Messaging": send high; read-backs medium-low, D9 low).
 * Both send forms (hostRecipientUrns, message.conversationUrn) are accepted.
 */
import { badRequest, HttpError, json, notFound } from '../http';
import { newMessagingId } from '../ids';
import { isConnected, profileUrn } from '../state';
import { emptyArray, exactObject, literal, string } from '../shape';
import type { DoubleState, Member, StoredMessage } from '../types';
import { restliVariable } from './restli';
import { PROFILE_URN, type Route } from './types';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const CONVERSATION_URN = /^urn:li:msg_conversation:\(urn:li:fsd_profile:([A-Za-z0-9_-]+),([A-Za-z0-9_-]+)\)$/;

const conversationUrn = (viewerTail: string, threadId: string): string =>
  `urn:li:msg_conversation:(${profileUrn(viewerTail)},${threadId})`;

function messageEntity(m: StoredMessage): Record<string, unknown> {
  return {
    $type: 'com.linkedin.messenger.Message',
    entityUrn: m.urn,
    conversationUrn: m.conversationUrn,
    originToken: m.originToken,
    body: { text: m.text },
    deliveredAt: m.deliveredAt,
  };
}

/** The recipient: from hostRecipientUrns (exactly one) or from an existing conversation. */
function recipientOf(state: DoubleState, root: Record<string, unknown>, message: Record<string, unknown>): Member {
  if (message.conversationUrn !== undefined) {
    if (root.hostRecipientUrns !== undefined)
      throw badRequest('unexpected key: body.hostRecipientUrns (with body.message.conversationUrn)');
    const urn = string(message.conversationUrn, 'body.message.conversationUrn', { pattern: CONVERSATION_URN });
    const [, owner, threadId] = CONVERSATION_URN.exec(urn) ?? [];
    if (owner !== state.viewer.tail) throw badRequest('body.message.conversationUrn is not in the viewer mailbox');
    const tail = [...state.conversations].find(([, id]) => id === threadId)?.[0];
    const member = tail === undefined ? undefined : state.members.get(tail);
    if (!member) throw notFound();
    return member;
  }
  const urns = root.hostRecipientUrns;
  if (urns === undefined) throw badRequest('missing key: body.hostRecipientUrns');
  // Assumption: one recipient per message (group conversations are out of scope).
  if (!Array.isArray(urns) || urns.length !== 1)
    throw badRequest('body.hostRecipientUrns must hold exactly one profile URN');
  const urn = string(urns[0], 'body.hostRecipientUrns[0]', { pattern: PROFILE_URN });
  const member = state.members.get(PROFILE_URN.exec(urn)?.[1] ?? '');
  if (!member) throw notFound();
  return member;
}

const createMessage: Route = {
  endpoint: 'message',
  method: 'POST',
  path: /^\/voyagerMessagingDashMessengerMessages$/,
  query: { action: 'createMessage' },
  body: 'json',
  write: true,
  handle: ({ state, body, now }) => {
    const root = exactObject(
      body,
      'body',
      ['message', 'mailboxUrn', 'trackingId', 'dedupeByClientGeneratedToken'],
      ['hostRecipientUrns'],
    );
    const message = exactObject(
      root.message,
      'body.message',
      ['body', 'originToken', 'renderContentUnions'],
      ['conversationUrn'],
    );
    const msgBody = exactObject(message.body, 'body.message.body', ['attributes', 'text']);
    emptyArray(msgBody.attributes, 'body.message.body.attributes');
    const text = string(msgBody.text, 'body.message.body.text', { min: 1, max: 8000 });
    const originToken = string(message.originToken, 'body.message.originToken', { pattern: UUID_V4 });
    emptyArray(message.renderContentUnions, 'body.message.renderContentUnions');
    const mailbox = string(root.mailboxUrn, 'body.mailboxUrn');
    if (mailbox !== profileUrn(state.viewer.tail)) throw badRequest('body.mailboxUrn is not the viewer');
    const trackingId = string(root.trackingId, 'body.trackingId', { min: 16, max: 16 });
    if ([...trackingId].some((c) => c.charCodeAt(0) > 255))
      throw badRequest('body.trackingId must be 16 bytes (codes 0..255)');
    literal(root.dedupeByClientGeneratedToken, 'body.dedupeByClientGeneratedToken', false);
    const recipient = recipientOf(state, root, message);
    // LinkedIn refuses a direct message to someone who is not a 1st-degree connection.
    if (!isConnected(state, recipient.tail))
      throw new HttpError({ status: 403, json: { status: 403, message: 'recipient is not a connection' } });
    let threadId = state.conversations.get(recipient.tail);
    if (!threadId) {
      threadId = newMessagingId();
      state.conversations.set(recipient.tail, threadId);
    }
    const stored: StoredMessage = {
      urn: `urn:li:msg_message:(${profileUrn(state.viewer.tail)},${newMessagingId()})`,
      conversationUrn: conversationUrn(state.viewer.tail, threadId),
      recipientTail: recipient.tail,
      text,
      originToken,
      deliveredAt: now,
    };
    state.messages.push(stored);
    return json(200, { value: messageEntity(stored) });
  },
};

const MAILBOX_VARIABLES = /^\(mailboxUrn:.+\)$/;
const CONVERSATION_VARIABLES = /^\(conversationUrn:.+\)$/;
const participantUrn = (tail: string): string => `urn:li:msg_messagingParticipant:${profileUrn(tail)}`;

function participantEntity(tail: string): Record<string, unknown> {
  return {
    $type: 'com.linkedin.messenger.MessagingParticipant',
    entityUrn: participantUrn(tail),
    hostIdentityUrn: profileUrn(tail),
  };
}

/** D9 'conversations' (low; hashes rotate: another hash has no route → 400). */
const conversations: Route = {
  endpoint: 'conversations',
  method: 'GET',
  path: /^\/voyagerMessagingGraphQL\/graphql$/,
  query: { queryId: 'messengerConversations.0d5e6781bbee71c3e51c8843c6519f48', variables: MAILBOX_VARIABLES },
  body: 'none',
  write: false,
  handle: ({ state, rawQuery }) => {
    const mailbox = restliVariable(rawQuery, 'mailboxUrn', PROFILE_URN);
    if (mailbox !== profileUrn(state.viewer.tail)) throw badRequest('variables.mailboxUrn is not the viewer');
    const threads = [...state.conversations].filter(([tail]) => state.members.has(tail));
    const urns = threads.map(([, id]) => conversationUrn(state.viewer.tail, id));
    const included = threads.flatMap(([tail, id]) => [
      {
        $type: 'com.linkedin.messenger.Conversation',
        entityUrn: conversationUrn(state.viewer.tail, id),
        '*conversationParticipants': [participantUrn(state.viewer.tail), participantUrn(tail)],
      },
      participantEntity(tail),
    ]);
    if (threads.length > 0) included.push(participantEntity(state.viewer.tail));
    return json(200, { data: { data: { messengerConversationsBySyncToken: { '*elements': urns } } }, included });
  },
};

/** D9 'messages' (low): the viewer's messages in one conversation, newest first. */
const messages: Route = {
  endpoint: 'messages',
  method: 'GET',
  path: /^\/voyagerMessagingGraphQL\/graphql$/,
  query: { queryId: 'messengerMessages.5846eeb71c981f11e0134cb6626cc314', variables: CONVERSATION_VARIABLES },
  body: 'none',
  write: false,
  handle: ({ state, rawQuery }) => {
    const urn = restliVariable(rawQuery, 'conversationUrn', CONVERSATION_URN);
    const [, owner, threadId] = CONVERSATION_URN.exec(urn) ?? [];
    if (owner !== state.viewer.tail || ![...state.conversations.values()].includes(threadId ?? '')) throw notFound();
    const list = state.messages.filter((m) => m.conversationUrn === urn).reverse();
    return json(200, {
      data: { data: { messengerMessagesBySyncToken: { '*elements': list.map((m) => m.urn) } } },
      included: list.map((m) => ({
        $type: 'com.linkedin.messenger.Message',
        entityUrn: m.urn,
        body: { text: m.text },
        originToken: m.originToken,
        deliveredAt: m.deliveredAt,
        '*sender': participantUrn(state.viewer.tail),
      })),
    });
  },
};

/** v2: "There is no q=recipient finder." */
const byRecipient: Route = {
  endpoint: 'messages.recipient',
  method: 'GET',
  path: /^\/voyagerMessagingDashMessengerMessages$/,
  query: { q: 'recipient' },
  body: 'any',
  write: false,
  violation: 'q=recipient on voyagerMessagingDashMessengerMessages (v2: there is no q=recipient finder)',
  handle: () => {
    throw badRequest('unknown finder: recipient');
  },
};

export const messagingRoutes: Route[] = [createMessage, conversations, messages, byRecipient];
