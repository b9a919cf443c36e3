/**
 * Messaging (voyager-reference.md "Messaging": high for createMessage).
 * The read-back (`q=recipient`) is an assumed shape, low confidence: it exists
 * so a send whose answer was lost can be resolved without sending again.
 */
import { badRequest, HttpError, json, notFound } from '../http';
import { newMessagingId } from '../ids';
import { isConnected, profileUrn } from '../state';
import { emptyArray, exactObject, literal, string } from '../shape';
import type { DoubleState, Member, StoredMessage } from '../types';
import { COUNT_1_100, PROFILE_URN, type Route } from './types';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const CONVERSATION_URN = /^urn:li:msg_conversation:\(urn:li:fsd_profile:([A-Za-z0-9_-]+),([A-Za-z0-9_-]+)\)$/;

const conversationUrn = (viewerTail: string, threadId: string): string => `urn:li:msg_conversation:(${profileUrn(viewerTail)},${threadId})`;

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
    if (root.hostRecipientUrns !== undefined) throw badRequest('unexpected key: body.hostRecipientUrns (with body.message.conversationUrn)');
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
  if (!Array.isArray(urns) || urns.length !== 1) throw badRequest('body.hostRecipientUrns must hold exactly one profile URN');
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
    const root = exactObject(body, 'body', ['message', 'mailboxUrn', 'trackingId', 'dedupeByClientGeneratedToken'], ['hostRecipientUrns']);
    const message = exactObject(root.message, 'body.message', ['body', 'originToken', 'renderContentUnions'], ['conversationUrn']);
    const msgBody = exactObject(message.body, 'body.message.body', ['attributes', 'text']);
    emptyArray(msgBody.attributes, 'body.message.body.attributes');
    const text = string(msgBody.text, 'body.message.body.text', { min: 1, max: 8000 });
    const originToken = string(message.originToken, 'body.message.originToken', { pattern: UUID_V4 });
    emptyArray(message.renderContentUnions, 'body.message.renderContentUnions');
    const mailbox = string(root.mailboxUrn, 'body.mailboxUrn');
    if (mailbox !== profileUrn(state.viewer.tail)) throw badRequest('body.mailboxUrn is not the viewer');
    const trackingId = string(root.trackingId, 'body.trackingId', { min: 16, max: 16 });
    if ([...trackingId].some((c) => c.charCodeAt(0) > 255)) throw badRequest('body.trackingId must be 16 bytes (codes 0..255)');
    literal(root.dedupeByClientGeneratedToken, 'body.dedupeByClientGeneratedToken', false);
    const recipient = recipientOf(state, root, message);
    // LinkedIn refuses a direct message to someone who is not a 1st-degree connection.
    if (!isConnected(state, recipient.tail)) throw new HttpError({ status: 403, json: { status: 403, message: 'recipient is not a connection' } });
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

const messagesByRecipient: Route = {
  endpoint: 'messages',
  method: 'GET',
  path: /^\/voyagerMessagingDashMessengerMessages$/,
  query: { q: 'recipient', mailboxUrn: PROFILE_URN, recipient: PROFILE_URN, count: COUNT_1_100 },
  body: 'none',
  write: false,
  handle: ({ state, query }) => {
    if (query.mailboxUrn !== profileUrn(state.viewer.tail)) throw badRequest('mailboxUrn is not the viewer');
    const tail = PROFILE_URN.exec(query.recipient ?? '')?.[1] ?? '';
    if (!state.members.has(tail)) throw notFound();
    const mine = state.messages.filter((m) => m.recipientTail === tail).reverse().slice(0, Number(query.count));
    return json(200, { data: { '*elements': mine.map((m) => m.urn) }, included: mine.map(messageEntity) });
  },
};

export const messagingRoutes: Route[] = [createMessage, messagesByRecipient];
