/**
 * connect: send an invitation, with an optional note (voyager-reference.md
 * v2, "Invitations → Send"). Variants, in order:
 *
 * 1. Voyager (high: GL, TK verified 2026-09-09, MG)
 *      POST /voyager/api/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2
 *           &decorationId=com.linkedin.voyager.dash.deco.relationships.InvitationCreationResultWithInvitee-2
 *      body {"invitee":{"inviteeUnion":{"memberProfile":"urn:li:fsd_profile:<tail>"}},"customMessage"?:"<note>"}
 *    customMessage is omitted without a note (an empty one may spend a personalised invite).
 *    Success: data.value["*invitation"] or data.value.invitationUrn (read only data.value).
 * 2. SDUI mynetwork.addaAddConnection (low: MG; note-less only; the screen id is inferred).
 *
 * Business answers: CANT_RESEND_YET (pending, or withdrawn < ~3 weeks ago:
 * wait 21 days, never retry daily), PRIMARY_HANDLE_NOT_CONFIRMED (stop
 * inviting), 403 not invitable, 406 invalid state; the weekly limit in any
 * spelling and at any status (classify.ts). ALREADY_CONNECTED is an assumed
 * code (low): a fresh relationship read decides. Read-back: the relationship.
 */
import { connectParams } from '../../contract/params';
import { DAY, scaled } from '../time';
import type { Verdict } from '../voyager/classify';
import { dataOf, isRecord, stringField } from '../voyager/normalized';
import { sentPendingInvitation } from '../voyager/relationship';
import type { SduiAction } from '../voyager/sdui';
import { profileLabel } from './labels';
import { fetchRelationship, forgetRelationship, relationshipTo } from './relationship-check';
import { detailedProfile, resolveProfile, type ResolvedProfile } from './resolve-profile';
import {
  defineAction,
  exhaustedOutcome,
  failureOutcome,
  succeeded,
  unreadableOutcome,
  type ActionContext,
  type Outcome,
} from './types';
import { callAttempt, notApplicable, runVariants, settled, type Settled } from './variants';

export const CONNECT = 'connect';
export const CONNECT_PATH =
  '/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2&decorationId=com.linkedin.voyager.dash.deco.relationships.InvitationCreationResultWithInvitee-2';

/** v2: after a withdraw LinkedIn refuses a new invitation for about three weeks. */
export const RESEND_WAIT_MS = 21 * DAY;

export function connectBody(profileUrn: string, note: string | null): Record<string, unknown> {
  const body: Record<string, unknown> = { invitee: { inviteeUnion: { memberProfile: profileUrn } } };
  if (note) body.customMessage = note;
  return body;
}

export function connectSduiAction(args: {
  memberId: string;
  tail: string;
  firstName: string;
  lastName: string;
}): SduiAction {
  return {
    id: 'com.linkedin.sdui.requests.mynetwork.addaAddConnection',
    screenId: 'com.linkedin.sdui.flagshipnav.profile.Profile',
    payload: {
      inviteeUrn: { memberId: args.memberId },
      nonIterableProfileId: args.tail,
      renderMode: 'IconAndText',
      firstName: args.firstName,
      lastName: args.lastName,
    },
  };
}

/** The created invitation's URN from `data.value` only (v2). */
export function parseConnectResponse(json: unknown): string | undefined {
  const value = dataOf(json)?.value;
  if (!isRecord(value)) return undefined;
  const urn = stringField(value, '*invitation') ?? stringField(value, 'invitationUrn');
  return urn && /^urn:li:fsd_invitation:\d+$/.test(urn) ? urn : undefined;
}

/** Invitations we sent, per invitee: lets a later withdraw skip a lookup. */
export const invitationCacheKey = (tail: string) => `inv:${tail}`;
export const INVITATION_CACHE_TTL_MS = 30 * DAY;

function alreadyDone(message: string, output: Record<string, unknown>): Outcome {
  return succeeded(message, { ...output, alreadyDone: true });
}

/** What the relationship says now, as an outcome of a connect (null: no invitation and not connected). */
async function outcomeFromRelationship(
  ctx: ActionContext,
  tail: string,
  profileUrn: string,
  fresh: 'sent' | 'already',
): Promise<Outcome | null | 'unknown'> {
  const rel = await fetchRelationship(ctx, tail);
  if (!rel.ok || rel.rel.kind === 'unknown') return 'unknown';
  if (rel.rel.kind === 'connected') return alreadyDone('already connected', { profileUrn });
  const pending = sentPendingInvitation(rel.rel);
  if (!pending) return null;
  await ctx.cache.put(invitationCacheKey(tail), pending.urn, INVITATION_CACHE_TTL_MS);
  return fresh === 'sent'
    ? succeeded('invitation sent', { profileUrn, invitationUrn: pending.urn, confirmedByReadBack: true })
    : alreadyDone('an invitation is already pending', { profileUrn, invitationUrn: pending.urn });
}

async function businessAnswer(
  ctx: ActionContext,
  verdict: Exclude<Verdict, { kind: 'ok' }>,
  tail: string,
  profileUrn: string,
): Promise<Outcome> {
  if (verdict.kind === 'refused' && (verdict.code === 'CANT_RESEND_YET' || verdict.code === 'ALREADY_CONNECTED')) {
    const now = await outcomeFromRelationship(ctx, tail, profileUrn, 'already');
    if (now !== null && now !== 'unknown') return now;
    // Nothing pending: withdrawn less than ~3 weeks ago. Waiting a day would only be refused again.
    return {
      status: 'deferred',
      code: 'outbound_throttled',
      message: `LinkedIn will not take a new invitation to this person yet (${verdict.code}): an invitation was withdrawn less than 3 weeks ago`,
      output: { httpStatus: verdict.status },
      retryAt: ctx.now() + scaled(RESEND_WAIT_MS),
    };
  }
  if (verdict.kind === 'refused' && verdict.code === 'PRIMARY_HANDLE_NOT_CONFIRMED') {
    // The account must confirm its e-mail before it may invite anyone: close invitations like a limit.
    return {
      status: 'deferred',
      code: 'invitation_limit',
      message: 'LinkedIn asks this account to confirm its e-mail address before sending more invitations',
      output: { httpStatus: verdict.status },
    };
  }
  if (verdict.kind === 'refused' && verdict.status === 403) {
    return {
      status: 'failed',
      code: 'linkedin_error',
      message: 'LinkedIn does not allow inviting this member (HTTP 403)',
      output: { httpStatus: 403 },
    };
  }
  return failureOutcome(verdict, 'connect', CONNECT);
}

async function sendInvitation(ctx: ActionContext, profile: ResolvedProfile, note: string): Promise<Outcome> {
  const { urn: profileUrn, tail } = profile;
  const result = await runVariants<Verdict | Settled>(ctx, CONNECT, [
    {
      name: 'voyager',
      attempt: () =>
        callAttempt(() =>
          ctx.mutate(
            { method: 'POST', path: CONNECT_PATH, body: connectBody(profileUrn, note || null), invitation: true },
            { profileUrn, tail, variant: 'voyager' },
          ),
        ),
    },
    {
      name: 'sdui',
      async attempt() {
        if (note) return notApplicable('the server action carries no note');
        const details = await detailedProfile(profile, ctx);
        if (!details.ok) return settled(details.outcome);
        const { memberId, firstName, lastName } = details.lookup;
        if (!memberId) return notApplicable('the profile lookup gave no member id');
        const action = connectSduiAction({ memberId, tail, firstName: firstName ?? '', lastName: lastName ?? '' });
        return callAttempt(() =>
          ctx.mutate({ api: 'sdui', action, invitation: true }, { profileUrn, tail, variant: 'sdui' }),
        );
      },
    },
  ]);
  await forgetRelationship(ctx, tail);
  if (result.kind === 'exhausted') return exhaustedOutcome(CONNECT, result, 'connect');
  const verdict = result.value;
  if (verdict.kind === 'settled') return verdict.outcome;
  if (verdict.kind !== 'ok') return businessAnswer(ctx, verdict, tail, profileUrn);
  const invitationUrn = result.variant === 'voyager' ? parseConnectResponse(verdict.json) : undefined;
  if (invitationUrn) {
    await ctx.cache.put(invitationCacheKey(tail), invitationUrn, INVITATION_CACHE_TTL_MS);
    return succeeded('invitation sent', { profileUrn, invitationUrn });
  }
  // A 2xx without the invitation (SDUI has no success marker; Voyager's shape may have moved): read back.
  const now = await outcomeFromRelationship(ctx, tail, profileUrn, 'sent');
  if (now !== null && now !== 'unknown') return now;
  if (result.variant === 'sdui' && now === 'unknown')
    return succeeded('invitation probably sent (LinkedIn confirms no server action; the read-back was inconclusive)', {
      profileUrn,
      confirmed: false,
    });
  return unreadableOutcome(
    CONNECT,
    verdict.status,
    'a 2xx invitation answer without an invitation, and none is pending',
  );
}

export const connect = defineAction({
  type: 'connect',
  bucket: 'invitations',
  params: connectParams,
  summarize: (p) => `profile=${profileLabel(p.profile)}${p.note ? ` note=${p.note.length} chars` : ''}`,
  async execute(p, ctx) {
    const resolved = await resolveProfile(p.profile, ctx);
    if (!resolved.ok) return resolved.outcome;
    const { urn } = resolved.profile;
    const rel = await relationshipTo(resolved.profile, ctx, { fresh: false });
    if (rel.ok && rel.rel.kind === 'connected') return alreadyDone('already connected', { profileUrn: urn });
    const pending = rel.ok ? sentPendingInvitation(rel.rel) : null;
    if (pending)
      return alreadyDone('an invitation is already pending', { profileUrn: urn, invitationUrn: pending.urn });
    return sendInvitation(ctx, resolved.profile, p.note);
  },
  async reconcile(_p, intent, ctx) {
    const { profileUrn, tail } = intent;
    if (typeof profileUrn !== 'string' || typeof tail !== 'string')
      return { kind: 'unknown', reason: 'intent incomplete' };
    const now = await outcomeFromRelationship(ctx, tail, profileUrn, 'sent');
    if (now === 'unknown') return { kind: 'unknown', reason: 'relationship unreadable' };
    return now === null ? { kind: 'not_done' } : { kind: 'done', outcome: now };
  },
});
