/**
 * connect: send an invitation, with an optional note.
 *
 * Endpoint (voyager-reference.md "Invitations → Send", confidence high):
 *   POST /voyager/api/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2
 *        &decorationId=com.linkedin.voyager.dash.deco.relationships.InvitationCreationResultWithInvitee-2
 *   body {"invitee":{"inviteeUnion":{"memberProfile":"urn:li:fsd_profile:<tail>"}},"customMessage"?:"<note>"}
 * Errors: 429 FUSE_LIMIT_EXCEEDED (or 403 quota) = weekly limit; 400 CANT_RESEND_YET =
 * already pending. "ALREADY_CONNECTED" as a 400 code is an assumption (low confidence):
 * a fresh relationship read decides in that case.
 */
import { findUrns } from '../voyager/normalized';
import { pendingInvitation, relationshipPath, parseRelationshipResponse } from '../voyager/relationship';
import { DAY } from '../time';
import { connectParams } from '../../contract/params';
import { profileLabel } from './labels';
import { fetchRelationship, forgetRelationship, relationshipTo } from './relationship-check';
import { resolveProfile } from './resolve-profile';
import { defineAction, failureOutcome, succeeded, type ActionContext, type Outcome } from './types';

export const CONNECT_PATH =
  '/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2&decorationId=com.linkedin.voyager.dash.deco.relationships.InvitationCreationResultWithInvitee-2';

export function connectBody(profileUrn: string, note: string | null): Record<string, unknown> {
  const body: Record<string, unknown> = { invitee: { inviteeUnion: { memberProfile: profileUrn } } };
  if (note) body.customMessage = note;
  return body;
}

/** The created invitation's URN, wherever the normalized answer puts it. */
export function parseConnectResponse(json: unknown): string | undefined {
  return findUrns(json, /^urn:li:fsd_invitation:\d+$/)[0];
}

/** Invitations we sent, per invitee: lets a later withdraw skip a lookup. */
export const invitationCacheKey = (tail: string) => `inv:${tail}`;
export const INVITATION_CACHE_TTL_MS = 30 * DAY;

function alreadyDone(message: string, output: Record<string, unknown>): Outcome {
  return succeeded(message, { ...output, alreadyDone: true });
}

async function sendInvitation(ctx: ActionContext, profileUrn: string, tail: string, note: string): Promise<Outcome> {
  const verdict = await ctx.mutate(
    { method: 'POST', path: CONNECT_PATH, body: connectBody(profileUrn, note || null), invitation: true },
    { profileUrn, tail },
  );
  await forgetRelationship(ctx, tail);
  if (verdict.kind === 'ok') {
    const invitationUrn = parseConnectResponse(verdict.json);
    if (!invitationUrn) return { status: 'failed', code: 'linkedin_error', message: 'invitation answer had no invitation URN', output: { httpStatus: verdict.status } };
    await ctx.cache.put(invitationCacheKey(tail), invitationUrn, INVITATION_CACHE_TTL_MS);
    return succeeded('invitation sent', { profileUrn, invitationUrn });
  }
  if (verdict.kind === 'error' && (verdict.code === 'CANT_RESEND_YET' || verdict.code === 'ALREADY_CONNECTED')) {
    // Pending, just withdrawn, or connected: a fresh read tells which.
    const fresh = await fetchRelationship(ctx, tail);
    if (fresh.ok && fresh.rel.kind === 'connected') return alreadyDone('already connected', { profileUrn });
    const pending = fresh.ok ? pendingInvitation(fresh.rel) : null;
    if (pending) return alreadyDone('an invitation is already pending', { profileUrn, invitationUrn: pending.urn });
    return { status: 'deferred', code: 'outbound_throttled', message: `LinkedIn: cannot resend yet (${verdict.code})`, output: { httpStatus: verdict.status }, retryAt: ctx.now() + DAY };
  }
  return failureOutcome(verdict, 'connect');
}

export const connect = defineAction({
  type: 'connect',
  bucket: 'invitations',
  params: connectParams,
  summarize: (p) => `profile=${profileLabel(p.profile)}${p.note ? ` note=${p.note.length} chars` : ''}`,
  async execute(p, ctx) {
    const resolved = await resolveProfile(p.profile, ctx);
    if (!resolved.ok) return resolved.outcome;
    const { urn, tail } = resolved.profile;
    const rel = await relationshipTo(resolved.profile, ctx, { fresh: false });
    if (rel.ok && rel.rel.kind === 'connected') return alreadyDone('already connected', { profileUrn: urn });
    const pending = rel.ok ? pendingInvitation(rel.rel) : null;
    if (pending) return alreadyDone('an invitation is already pending', { profileUrn: urn, invitationUrn: pending.urn });
    return sendInvitation(ctx, urn, tail, p.note);
  },
  async reconcile(_p, intent, ctx) {
    const { profileUrn, tail } = intent;
    if (typeof profileUrn !== 'string' || typeof tail !== 'string') return { kind: 'unknown', reason: 'intent incomplete' };
    const verdict = await ctx.voyager.call({ method: 'GET', path: relationshipPath(tail) });
    if (verdict.kind !== 'ok') return { kind: 'unknown', reason: `relationship unreadable (HTTP ${verdict.status})` };
    const rel = parseRelationshipResponse(verdict.json);
    const pending = pendingInvitation(rel);
    if (pending) return { kind: 'done', outcome: succeeded('invitation sent', { profileUrn, invitationUrn: pending.urn }) };
    if (rel.kind === 'connected') return { kind: 'done', outcome: alreadyDone('already connected', { profileUrn }) };
    return rel.kind === 'unknown' ? { kind: 'unknown', reason: rel.reason } : { kind: 'not_done' };
  },
});
