/**
 * withdraw: cancel a pending invitation WE sent, by its URN or by the
 * invitee (voyager-reference.md v2, "Withdraw", medium). Variants, in order:
 *
 * 1. Voyager (several clients; no 2026 capture)
 *      POST /voyager/api/voyagerRelationshipsDashInvitations/<enc urn:li:fsd_invitation:<id>>?action=withdraw
 *      body {"invitationType":"CONNECTION"} → 200/204
 * 2. SDUI mynetwork.addaWithdrawInvitation (what the 2026 UI sends; two 2026-08 captures):
 *    200 = done; 200 with "Failed to withdraw invitation" = refused.
 * 3. Legacy (low) POST /voyager/api/relationships/invitations/<id>?action=withdraw
 *      body {"invitationId","invitationSharedSecret","isGenericInvitation":false}
 * 4. Last resort (low; never captured) DELETE voyagerRelationshipsDashMemberRelationships/<enc invitation urn>,
 *    only after 1–3 answered "next variant"; never remembered as the one to start with.
 *
 * Only SENT + PENDING invitations are ours: a RECEIVED one is never withdrawn.
 * Read-back: the relationship (noInvitation = done, SENT+PENDING = not done,
 * anything else unknown), or the sent list when the invitee is unknown.
 * A withdraw blocks re-inviting that person for about three weeks.
 */
import { z } from '../../contract/zod';
import { withdrawParams } from '../../contract/params';
import type { Verdict } from '../voyager/classify';
import { invitationPending } from '../voyager/relationship';
import { invitationCacheKey } from './connect';
import { profileLabel } from './labels';
import { fetchRelationship, forgetRelationship } from './relationship-check';
import { detailedProfile, resolveProfile } from './resolve-profile';
import {
  defineAction,
  exhaustedOutcome,
  failureOutcome,
  succeeded,
  type ActionContext,
  type Outcome,
  type Reconciliation,
} from './types';
import { callAttempt, notApplicable, runVariants, settled, type Settled } from './variants';
import {
  deleteWithdrawCall,
  invitationIdOf,
  legacyWithdrawCall,
  withdrawCall,
  withdrawSduiAction,
} from './withdraw-calls';
import { completeFromSentList, findInvitation, scanSentList, type Target } from './withdraw-sent-list';

export const WITHDRAW = 'withdraw';

async function withdrawInvitation(ctx: ActionContext, target: Target): Promise<Outcome> {
  const intent = { invitationUrn: target.urn, tail: target.tail };
  const result = await runVariants<Verdict | Settled>(ctx, WITHDRAW, [
    {
      name: 'voyager',
      attempt: () => callAttempt(() => ctx.mutate(withdrawCall(target.urn), { ...intent, variant: 'voyager' })),
    },
    {
      name: 'sdui',
      async attempt() {
        const missing = await completeFromSentList(ctx, target);
        if (missing) return settled(missing);
        if (target.tail === null) return notApplicable('the invitee is unknown');
        target.profile ??= { urn: `urn:li:fsd_profile:${target.tail}`, tail: target.tail };
        const details = await detailedProfile(target.profile, ctx);
        if (!details.ok) return settled(details.outcome);
        const { publicIdentifier, firstName, lastName } = details.lookup;
        const action = withdrawSduiAction({
          invitationId: target.id,
          tail: target.tail,
          slug: publicIdentifier ?? '',
          firstName: firstName ?? '',
          lastName: lastName ?? '',
        });
        return callAttempt(() =>
          ctx.mutate({ api: 'sdui', action }, { ...intent, tail: target.tail, variant: 'sdui' }),
        );
      },
    },
    {
      name: 'legacy',
      async attempt() {
        const missing = await completeFromSentList(ctx, target);
        if (missing) return settled(missing);
        if (target.sharedSecret === null) return notApplicable('no shared secret');
        const secret = target.sharedSecret;
        return callAttempt(() =>
          ctx.mutate(legacyWithdrawCall(target.id, secret), { ...intent, tail: target.tail, variant: 'legacy' }),
        );
      },
    },
    {
      name: 'delete',
      neverFirst: true,
      attempt: () =>
        callAttempt(() =>
          ctx.mutate(deleteWithdrawCall(target.urn), { ...intent, tail: target.tail, variant: 'delete' }),
        ),
    },
  ]);
  if (target.tail) {
    await ctx.cache.delete(invitationCacheKey(target.tail));
    await forgetRelationship(ctx, target.tail);
  }
  if (result.kind === 'exhausted') return exhaustedOutcome(WITHDRAW, result, `withdraw ${target.urn}`);
  const verdict = result.value;
  if (verdict.kind === 'settled') return verdict.outcome;
  if (verdict.kind === 'ok') return succeeded('invitation withdrawn', { invitationUrn: target.urn });
  if (verdict.kind === 'refused') {
    return {
      status: 'failed',
      code: 'not_found',
      message: `invitation ${target.urn} is not pending (withdrawn or accepted already, received rather than sent, or unknown): ${verdict.detail}`,
      output: { invitationUrn: target.urn, httpStatus: verdict.status },
    };
  }
  return failureOutcome(verdict, `withdraw ${target.urn}`, WITHDRAW);
}

export const withdraw = defineAction({
  type: 'withdraw',
  bucket: 'withdrawals',
  params: withdrawParams,
  summarize: (p) =>
    p.invitationUrn ? `invitation=${p.invitationUrn.urn}` : p.profile ? `profile=${profileLabel(p.profile)}` : '',
  async execute(p, ctx) {
    if (p.invitationUrn) {
      const { urn, id } = p.invitationUrn;
      return withdrawInvitation(ctx, { urn, id, tail: null, sharedSecret: null, profile: null });
    }
    if (!p.profile)
      return {
        status: 'refused',
        code: 'invalid_action',
        message: 'params: exactly one of invitationUrn or profile is required',
        output: {},
      };
    const resolved = await resolveProfile(p.profile, ctx);
    if (!resolved.ok) return resolved.outcome;
    const { tail } = resolved.profile;
    // Warm path: the invitation we sent earlier is remembered; one request.
    const cached = await ctx.cache.get(invitationCacheKey(tail), (v) => z.string().safeParse(v).data);
    if (cached && !resolved.profile.lookup) {
      const outcome = await withdrawInvitation(ctx, {
        urn: cached,
        id: invitationIdOf(cached),
        tail,
        sharedSecret: null,
        profile: resolved.profile,
      });
      if (outcome.code !== 'not_found') return outcome;
    }
    const found = await findInvitation(resolved.profile, ctx);
    if (!found.ok) return found.outcome;
    if (!found.target)
      return {
        status: 'failed',
        code: 'not_found',
        message: `no pending invitation sent to ${profileLabel(p.profile)}`,
        output: {},
      };
    return withdrawInvitation(ctx, found.target);
  },
  async reconcile(_p, intent, ctx): Promise<Reconciliation> {
    const { invitationUrn, tail } = intent;
    if (typeof invitationUrn !== 'string') return { kind: 'unknown', reason: 'intent incomplete' };
    const done: Reconciliation = { kind: 'done', outcome: succeeded('invitation withdrawn', { invitationUrn }) };
    if (typeof tail === 'string') {
      const rel = await fetchRelationship(ctx, tail);
      if (!rel.ok) return { kind: 'unknown', reason: rel.outcome.message };
      const pending = invitationPending(rel.rel);
      if (pending === 'unknown')
        return { kind: 'unknown', reason: 'the relationship does not say whether our invitation is pending' };
      return pending ? { kind: 'not_done' } : done;
    }
    const id = invitationIdOf(invitationUrn);
    let listed = false;
    const scanned = await scanSentList(ctx, (rows) => (listed = rows.some((r) => r.id === id)));
    if (!scanned.ok) return { kind: 'unknown', reason: scanned.outcome.message };
    return listed ? { kind: 'not_done' } : done;
  },
});
