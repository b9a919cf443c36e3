/**
 * message: a direct message to a 1st-degree connection, and to no one else
 * (voyager-reference.md v2, "Messaging", high).
 *   POST /voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage
 *   body {"message":{"body":{"attributes":[],"text":…},"renderContentUnions":[],"originToken":<uuid v4>},
 *         "mailboxUrn":<viewer fsd_profile>,"trackingId":<16 random bytes as latin-1>,
 *         "dedupeByClientGeneratedToken":false,"hostRecipientUrns":[<recipient fsd_profile>]}
 * Variants: `hostRecipientUrns` (never captured by MG), then, on "next
 * variant", the known thread's `message.conversationUrn` (MG verified).
 * The relationship is read fresh right before sending; unknown = not connected.
 * Read-back (medium-low; GraphQL hashes rotate): messengerConversations finds
 * the thread, messengerMessages finds our originToken (or our text, sent by
 * the viewer, after the send). There is no `q=recipient` finder.
 */
import { messageParams } from '../../contract/params';
import type { Verdict } from '../voyager/classify';
import { allObjects, dataOf, hasCollection, isRecord, mentions, stringField } from '../voyager/normalized';
import { profileLabel } from './labels';
import { relationshipTo } from './relationship-check';
import { resolveProfile } from './resolve-profile';
import {
  defineAction,
  exhaustedOutcome,
  failureOutcome,
  succeeded,
  unreadableOutcome,
  type ActionContext,
  type Outcome,
  type Reconciliation,
} from './types';
import { callAttempt, notApplicable, runVariants, settled, type Settled } from './variants';

export const MESSAGE = 'message';
export const CREATE_MESSAGE_PATH = '/voyagerMessagingDashMessengerMessages?action=createMessage';
/** Hashes as seen in 2026 clients (0d5e… MG verified 2026-09-12; 5846… several clients). Rotate: change here. */
export const CONVERSATIONS_QUERY = 'messengerConversations.0d5e6781bbee71c3e51c8843c6519f48';
export const MESSAGES_QUERY = 'messengerMessages.5846eeb71c981f11e0134cb6626cc314';

/** 16 random bytes, each as one character (code 0–255), as the web app does. */
export function trackingId(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  return String.fromCharCode(...random(16));
}

type Target = { hostRecipientUrn: string } | { conversationUrn: string };

export function createMessageBody(args: {
  text: string;
  originToken: string;
  mailboxUrn: string;
  trackingId: string;
  target: Target;
}) {
  const message: Record<string, unknown> = {
    body: { attributes: [], text: args.text },
    renderContentUnions: [],
    originToken: args.originToken,
  };
  if ('conversationUrn' in args.target) message.conversationUrn = args.target.conversationUrn;
  return {
    message,
    mailboxUrn: args.mailboxUrn,
    trackingId: args.trackingId,
    dedupeByClientGeneratedToken: false,
    ...('hostRecipientUrn' in args.target ? { hostRecipientUrns: [args.target.hostRecipientUrn] } : {}),
  };
}

export function parseCreateMessage(json: unknown): { messageUrn?: string; conversationUrn?: string } | undefined {
  const root = isRecord(json) ? json : undefined;
  const value = isRecord(root?.value) ? root.value : dataOf(json)?.value;
  if (!isRecord(value)) return undefined;
  const messageUrn = stringField(value, 'entityUrn');
  if (!messageUrn?.startsWith('urn:li:msg_message:')) return undefined;
  return { messageUrn, conversationUrn: stringField(value, 'conversationUrn') };
}

/** A Rest.li value inside `variables=(…)`: URL-encoded once, parentheses and commas included. */
const restliValue = (urn: string) => encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');

export function conversationsPath(mailboxUrn: string): string {
  return `/voyagerMessagingGraphQL/graphql?queryId=${CONVERSATIONS_QUERY}&variables=(mailboxUrn:${restliValue(mailboxUrn)})`;
}

export function messagesPath(conversationUrn: string): string {
  return `/voyagerMessagingGraphQL/graphql?queryId=${MESSAGES_QUERY}&variables=(conversationUrn:${restliValue(conversationUrn)})`;
}

/** The viewer's conversation with this person: one whose entity or participants mention the recipient's profile id. */
export function findConversation(json: unknown, recipientTail: string): string | undefined | null {
  const objects = allObjects(json);
  const conversations = objects.filter((o) => stringField(o, 'entityUrn')?.startsWith('urn:li:msg_conversation:'));
  if (!hasCollection(json)) return undefined;
  const participants = new Map(
    objects.flatMap((o) => (typeof o.entityUrn === 'string' ? [[o.entityUrn, o] as const] : [])),
  );
  const hit = conversations.find((c) => {
    const refs = Object.values(c)
      .flat()
      .filter((v): v is string => typeof v === 'string');
    return mentions(c, recipientTail) || refs.some((r) => mentions(participants.get(r), recipientTail));
  });
  return hit ? stringField(hit, 'entityUrn') : null;
}

/** Our message in a thread: by originToken, or by exact text from the viewer at or after the send; undefined = unreadable. */
export function findSentMessage(
  json: unknown,
  args: { originToken: string; text: string; viewerTail: string; notBefore: number },
): string | null | undefined {
  if (!hasCollection(json)) return undefined;
  const messages = allObjects(json).filter((o) => stringField(o, 'entityUrn')?.startsWith('urn:li:msg_message:'));
  const hit =
    messages.find((m) => m.originToken === args.originToken) ??
    messages.find(
      (m) =>
        isRecord(m.body) &&
        m.body.text === args.text &&
        mentions(m['*sender'] ?? m.sender, args.viewerTail) &&
        (typeof m.deliveredAt !== 'number' || m.deliveredAt >= args.notBefore),
    );
  return hit ? (stringField(hit, 'entityUrn') ?? null) : null;
}

async function conversationWith(
  ctx: ActionContext,
  recipientTail: string,
): Promise<{ ok: true; urn: string | null } | { ok: false; reason: string }> {
  const verdict = await ctx.linkedin.call({ method: 'GET', path: conversationsPath(ctx.viewer.memberUrn) });
  if (verdict.kind !== 'ok')
    return { ok: false, reason: `conversations unreadable (${verdict.kind}, HTTP ${verdict.status})` };
  const urn = findConversation(verdict.json, recipientTail);
  return urn === undefined ? { ok: false, reason: 'conversations answer unreadable' } : { ok: true, urn };
}

export const message = defineAction({
  type: 'message',
  bucket: 'messages',
  params: messageParams,
  summarize: (p) => `profile=${profileLabel(p.profile)} text=${p.text.length} chars`,
  async execute(p, ctx) {
    const resolved = await resolveProfile(p.profile, ctx);
    if (!resolved.ok) return resolved.outcome;
    const { urn, tail } = resolved.profile;
    const rel = await relationshipTo(resolved.profile, ctx, { fresh: true });
    if (!rel.ok) return rel.outcome;
    if (rel.rel.kind !== 'connected') {
      const why =
        rel.rel.kind === 'unknown'
          ? `relationship unknown (${rel.rel.reason})`
          : `distance ${rel.rel.distance ?? 'unknown'}`;
      return {
        status: 'refused',
        code: 'not_connected',
        message: `${profileLabel(p.profile)} is not a 1st-degree connection: ${why}`,
        output: { profileUrn: urn },
      };
    }
    const originToken = crypto.randomUUID();
    const sentAt = ctx.now();
    const send = (target: Target) =>
      ctx.mutate(
        {
          method: 'POST',
          path: CREATE_MESSAGE_PATH,
          body: createMessageBody({
            text: p.text,
            originToken,
            mailboxUrn: ctx.viewer.memberUrn,
            trackingId: trackingId(),
            target,
          }),
        },
        { originToken, text: p.text, recipientUrn: urn, recipientTail: tail, sentAt },
      );
    const result = await runVariants<Verdict | Settled>(ctx, MESSAGE, [
      { name: 'recipients', attempt: () => callAttempt(() => send({ hostRecipientUrn: urn })) },
      {
        name: 'conversation',
        async attempt() {
          const conversation = await conversationWith(ctx, tail);
          if (!conversation.ok) return settled(unreadableOutcome('messenger conversations', 200, conversation.reason));
          if (!conversation.urn) return notApplicable('no conversation with this person yet');
          const conversationUrn = conversation.urn;
          return callAttempt(() => send({ conversationUrn }));
        },
      },
    ]);
    if (result.kind === 'exhausted') return exhaustedOutcome(MESSAGE, result, 'message');
    const verdict = result.value;
    if (verdict.kind === 'settled') return verdict.outcome;
    if (verdict.kind === 'refused' && verdict.status === 403) {
      return {
        status: 'refused',
        code: 'not_connected',
        message: `LinkedIn refused the message: you may not message ${profileLabel(p.profile)} (HTTP 403)`,
        output: { profileUrn: urn },
      };
    }
    if (verdict.kind !== 'ok') return failureOutcome(verdict, 'message', MESSAGE);
    const sent = parseCreateMessage(verdict.json);
    if (!sent) return unreadableOutcome(MESSAGE, verdict.status, 'no value.entityUrn in the createMessage answer');
    return succeeded('message sent', { profileUrn: urn, ...sent });
  },
  async reconcile(_p, intent, ctx): Promise<Reconciliation> {
    const { originToken, text, recipientUrn, recipientTail, sentAt } = intent;
    if (
      typeof originToken !== 'string' ||
      typeof text !== 'string' ||
      typeof recipientUrn !== 'string' ||
      typeof recipientTail !== 'string'
    ) {
      return { kind: 'unknown', reason: 'intent incomplete' };
    }
    const conversation = await conversationWith(ctx, recipientTail);
    if (!conversation.ok) return { kind: 'unknown', reason: conversation.reason };
    if (!conversation.urn) return { kind: 'not_done' };
    const verdict = await ctx.linkedin.call({ method: 'GET', path: messagesPath(conversation.urn) });
    if (verdict.kind !== 'ok')
      return { kind: 'unknown', reason: `messages unreadable (${verdict.kind}, HTTP ${verdict.status})` };
    const messageUrn = findSentMessage(verdict.json, {
      originToken,
      text,
      viewerTail: ctx.viewer.tail,
      notBefore: typeof sentAt === 'number' ? sentAt - 60_000 : 0,
    });
    if (messageUrn === undefined) return { kind: 'unknown', reason: 'messages answer unreadable' };
    const done: Outcome = succeeded('message sent', {
      profileUrn: recipientUrn,
      conversationUrn: conversation.urn,
      ...(messageUrn ? { messageUrn } : {}),
    });
    return messageUrn ? { kind: 'done', outcome: done } : { kind: 'not_done' };
  },
});
