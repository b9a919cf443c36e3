/**
 * withdraw: cancel a pending invitation, by its URN or by the invitee.
 *
 * Endpoint (voyager-reference.md "Withdraw", confidence medium/low):
 *   DELETE /voyager/api/voyagerRelationshipsDashMemberRelationships/<URL-encoded urn:li:fsd_invitation:<id>>
 * (body shape unconfirmed: none is sent). Older clients used
 *   POST /voyager/api/relationships/invitations/<id>?action=withdraw
 *   {"invitationId":"<id>","invitationSharedSecret":"<secret>","isGenericInvitation":false}
 * — kept as `legacyWithdrawCall` so switching is a one-line change here.
 */
import { z } from 'zod';
import type { VoyagerCall } from '../voyager/client';
import { pendingInvitation } from '../voyager/relationship';
import { parseSentInvitations, sentInvitationsPath, SENT_PAGE_SIZE } from '../voyager/sent-invitations';
import { invitationCacheKey } from './connect';
import { withdrawParams } from '../../contract/params';
import { profileLabel } from './labels';
import { fetchRelationship, forgetRelationship, relationshipTo } from './relationship-check';
import { resolveProfile, type ResolvedProfile } from './resolve-profile';
import { defineAction, failureOutcome, succeeded, type ActionContext, type Outcome, type Reconciliation } from './types';

export function withdrawCall(invitationUrn: string): VoyagerCall {
  return { method: 'DELETE', path: `/voyagerRelationshipsDashMemberRelationships/${encodeURIComponent(invitationUrn)}` };
}

export function legacyWithdrawCall(invitationId: string, sharedSecret: string): VoyagerCall {
  return {
    method: 'POST',
    path: `/relationships/invitations/${invitationId}?action=withdraw`,
    body: { invitationId, invitationSharedSecret: sharedSecret, isGenericInvitation: false },
  };
}

/** Finds our pending invitation to this person: cache, relationship, then the sent list. */
async function findInvitation(profile: ResolvedProfile, ctx: ActionContext): Promise<{ ok: true; urn: string | null } | { ok: false; outcome: Outcome }> {
  const rel = await relationshipTo(profile, ctx, { fresh: true });
  if (!rel.ok) return rel;
  const pending = pendingInvitation(rel.rel);
  if (pending) return { ok: true, urn: pending.urn };
  for (let start = 0; start < 1000; start += SENT_PAGE_SIZE) {
    const verdict = await ctx.voyager.call({ method: 'GET', path: sentInvitationsPath(start) });
    if (verdict.kind !== 'ok') return { ok: false, outcome: failureOutcome(verdict, 'sent invitations') };
    const page = parseSentInvitations(verdict.json);
    const match = page.invitations.find((i) => i.inviteeTail === profile.tail);
    if (match) return { ok: true, urn: match.urn };
    if (page.invitations.length < SENT_PAGE_SIZE || (page.total !== null && start + SENT_PAGE_SIZE >= page.total)) break;
  }
  return { ok: true, urn: null };
}

async function deleteInvitation(ctx: ActionContext, invitationUrn: string, tail: string | null): Promise<Outcome> {
  const verdict = await ctx.mutate(withdrawCall(invitationUrn), { invitationUrn, tail });
  if (tail) {
    await ctx.cache.delete(invitationCacheKey(tail));
    await forgetRelationship(ctx, tail);
  }
  if (verdict.kind !== 'ok') return failureOutcome(verdict, `withdraw ${invitationUrn}`);
  return succeeded('invitation withdrawn', { invitationUrn });
}

export const withdraw = defineAction({
  type: 'withdraw',
  bucket: 'withdrawals',
  params: withdrawParams,
  summarize: (p) => (p.invitationUrn ? `invitation=${p.invitationUrn.urn}` : p.profile ? `profile=${profileLabel(p.profile)}` : ''),
  async execute(p, ctx) {
    if (p.invitationUrn) return deleteInvitation(ctx, p.invitationUrn.urn, null);
    if (!p.profile) return { status: 'refused', code: 'invalid_action', message: 'params: exactly one of invitationUrn or profile is required', output: {} };
    const resolved = await resolveProfile(p.profile, ctx);
    if (!resolved.ok) return resolved.outcome;
    const { tail } = resolved.profile;
    // Warm path: the invitation we sent earlier is remembered; one request.
    const cached = await ctx.cache.get(invitationCacheKey(tail), (v) => z.string().safeParse(v).data);
    if (cached && !resolved.profile.lookup) {
      const outcome = await deleteInvitation(ctx, cached, tail);
      if (outcome.code !== 'not_found') return outcome;
    }
    const found = await findInvitation(resolved.profile, ctx);
    if (!found.ok) return found.outcome;
    if (!found.urn) return { status: 'failed', code: 'not_found', message: `no pending invitation to ${profileLabel(p.profile)}`, output: {} };
    return deleteInvitation(ctx, found.urn, tail);
  },
  async reconcile(_p, intent, ctx): Promise<Reconciliation> {
    const { invitationUrn, tail } = intent;
    if (typeof invitationUrn !== 'string') return { kind: 'unknown', reason: 'intent incomplete' };
    if (typeof tail === 'string') {
      const rel = await fetchRelationship(ctx, tail);
      if (!rel.ok) return { kind: 'unknown', reason: rel.outcome.message };
      return pendingInvitation(rel.rel)?.urn === invitationUrn ? { kind: 'not_done' } : { kind: 'done', outcome: succeeded('invitation withdrawn', { invitationUrn }) };
    }
    for (let start = 0; start < 1000; start += SENT_PAGE_SIZE) {
      const verdict = await ctx.voyager.call({ method: 'GET', path: sentInvitationsPath(start) });
      if (verdict.kind !== 'ok') return { kind: 'unknown', reason: `sent invitations unreadable (HTTP ${verdict.status})` };
      const page = parseSentInvitations(verdict.json);
      if (page.invitations.some((i) => i.urn === invitationUrn)) return { kind: 'not_done' };
      if (page.invitations.length < SENT_PAGE_SIZE) break;
    }
    return { kind: 'done', outcome: succeeded('invitation withdrawn', { invitationUrn }) };
  },
});
