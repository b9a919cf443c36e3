/**
 * message: a direct message to a 1st-degree connection, and to no one else.
 *
 * Endpoint (voyager-reference.md "Messaging", confidence high):
 *   POST /voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage
 *   body {"message":{"body":{"attributes":[],"text":…},"originToken":<uuid v4>,"renderContentUnions":[]},
 *         "mailboxUrn":<viewer fsd_profile>,"trackingId":<16 random bytes as latin-1>,
 *         "dedupeByClientGeneratedToken":false,"hostRecipientUrns":[<recipient fsd_profile>]}
 *   → value.entityUrn, value.conversationUrn
 * The relationship is read fresh right before sending; unknown = not connected.
 * Read-back for a lost answer (assumed shape, low confidence):
 *   GET voyagerMessagingDashMessengerMessages?q=recipient&mailboxUrn=…&recipient=…&count=20
 */
import { includedOf, isRecord } from '../voyager/normalized';
import { messageParams } from '../../contract/params';
import { profileLabel } from './labels';
import { relationshipTo } from './relationship-check';
import { resolveProfile } from './resolve-profile';
import { defineAction, failureOutcome, succeeded, type Reconciliation } from './types';

export const CREATE_MESSAGE_PATH = '/voyagerMessagingDashMessengerMessages?action=createMessage';

/** 16 random bytes, each as one character (code 0–255), as the web app does. */
export function trackingId(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  return String.fromCharCode(...random(16));
}

export function createMessageBody(args: { text: string; originToken: string; mailboxUrn: string; recipientUrn: string; trackingId: string }) {
  return {
    message: { body: { attributes: [], text: args.text }, originToken: args.originToken, renderContentUnions: [] },
    mailboxUrn: args.mailboxUrn,
    trackingId: args.trackingId,
    dedupeByClientGeneratedToken: false,
    hostRecipientUrns: [args.recipientUrn],
  };
}

export function parseCreateMessage(json: unknown): { messageUrn?: string; conversationUrn?: string } | undefined {
  const root = isRecord(json) ? json : undefined;
  const value = isRecord(root?.value) ? root.value : isRecord(root?.data) && isRecord(root.data.value) ? root.data.value : undefined;
  if (!value) return undefined;
  return {
    messageUrn: typeof value.entityUrn === 'string' ? value.entityUrn : undefined,
    conversationUrn: typeof value.conversationUrn === 'string' ? value.conversationUrn : undefined,
  };
}

export function messagesByRecipientPath(mailboxUrn: string, recipientUrn: string): string {
  return `/voyagerMessagingDashMessengerMessages?q=recipient&mailboxUrn=${encodeURIComponent(mailboxUrn)}&recipient=${encodeURIComponent(recipientUrn)}&count=20`;
}

/** The message we sent, recognised by its originToken (or, failing that, its exact text). */
export function findSentMessage(json: unknown, originToken: string, text: string): { messageUrn?: string; conversationUrn?: string } | undefined {
  const messages = includedOf(json);
  const hit =
    messages.find((m) => m.originToken === originToken) ??
    messages.find((m) => isRecord(m.body) && m.body.text === text && m.originToken === undefined);
  if (!hit) return undefined;
  return {
    messageUrn: typeof hit.entityUrn === 'string' ? hit.entityUrn : undefined,
    conversationUrn: typeof hit.conversationUrn === 'string' ? hit.conversationUrn : undefined,
  };
}

export const message = defineAction({
  type: 'message',
  bucket: 'messages',
  params: messageParams,
  summarize: (p) => `profile=${profileLabel(p.profile)} text=${p.text.length} chars`,
  async execute(p, ctx) {
    const resolved = await resolveProfile(p.profile, ctx);
    if (!resolved.ok) return resolved.outcome;
    const { urn } = resolved.profile;
    const rel = await relationshipTo(resolved.profile, ctx, { fresh: true });
    if (!rel.ok) return rel.outcome;
    if (rel.rel.kind !== 'connected') {
      const why = rel.rel.kind === 'unknown' ? `relationship unknown (${rel.rel.reason})` : `distance ${rel.rel.distance ?? 'unknown'}`;
      return { status: 'refused', code: 'not_connected', message: `${profileLabel(p.profile)} is not a 1st-degree connection: ${why}`, output: { profileUrn: urn } };
    }
    const originToken = crypto.randomUUID();
    const verdict = await ctx.mutate(
      {
        method: 'POST',
        path: CREATE_MESSAGE_PATH,
        body: createMessageBody({ text: p.text, originToken, mailboxUrn: ctx.viewer.memberUrn, recipientUrn: urn, trackingId: trackingId() }),
      },
      { originToken, text: p.text, recipientUrn: urn },
    );
    if (verdict.kind !== 'ok') return failureOutcome(verdict, 'message');
    const sent = parseCreateMessage(verdict.json);
    if (!sent) return { status: 'failed', code: 'linkedin_error', message: 'message answer had an unexpected shape', output: { httpStatus: verdict.status } };
    return succeeded('message sent', { profileUrn: urn, ...sent });
  },
  async reconcile(_p, intent, ctx): Promise<Reconciliation> {
    const { originToken, text, recipientUrn } = intent;
    if (typeof originToken !== 'string' || typeof text !== 'string' || typeof recipientUrn !== 'string') return { kind: 'unknown', reason: 'intent incomplete' };
    const verdict = await ctx.voyager.call({ method: 'GET', path: messagesByRecipientPath(ctx.viewer.memberUrn, recipientUrn) });
    if (verdict.kind !== 'ok') return { kind: 'unknown', reason: `conversation unreadable (HTTP ${verdict.status})` };
    const found = findSentMessage(verdict.json, originToken, text);
    return found ? { kind: 'done', outcome: succeeded('message sent', { profileUrn: recipientUrn, ...found }) } : { kind: 'not_done' };
  },
});
