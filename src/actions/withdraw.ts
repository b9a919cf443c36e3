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
import { invitationPending, sentPendingInvitation } from '../voyager/relationship';
import type { SduiAction } from '../voyager/sdui';
import {
  parseSentInvitations,
  sentInvitationsPath,
  SENT_MAX_PAGES,
  SENT_PAGE_SIZE,
  type SentInvitation,
} from '../voyager/sent-invitations';
import { invitationCacheKey } from './connect';
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
  type Reconciliation,
} from './types';
import { callAttempt, notApplicable, runVariants, settled, type Settled } from './variants';

export const WITHDRAW = 'withdraw';
export const SENT_LIST = 'sent invitations';

export const invitationIdOf = (urn: string): string => urn.slice(urn.lastIndexOf(':') + 1);

export function withdrawCall(invitationUrn: string) {
  return {
    method: 'POST' as const,
    path: `/voyagerRelationshipsDashInvitations/${encodeURIComponent(invitationUrn)}?action=withdraw`,
    body: { invitationType: 'CONNECTION' },
  };
}

export function withdrawSduiAction(args: {
  invitationId: string;
  tail: string;
  slug: string;
  firstName: string;
  lastName: string;
}): SduiAction {
  const firstFiveInviteCount = { key: 'guidedFlowNumSentInvites', namespace: '' };
  const guidedFlowUrlandProfileList = {
    key: 'guidedFlowUrlAndPictureList',
    namespace: 'guidedFlowUrlAndPictureListNameSpace',
  };
  return {
    id: 'com.linkedin.sdui.requests.mynetwork.addaWithdrawInvitation',
    screenId: 'com.linkedin.sdui.flagshipnav.mynetwork.invitations.WithdrawConfirmationDialog',
    payload: {
      inviterActionType: 'InviterActionType_WITHDRAW',
      invitationType: 'GenericInvitationType_CONNECTION',
      invitationUrn: { invitationId: args.invitationId },
      profileUrn: args.tail,
      inviteeVanityName: args.slug,
      firstName: args.firstName,
      lastName: args.lastName,
      queryName: 'ProfileMemberRelationshipRefreshById',
      firstFiveInviteCount,
      guidedFlowUrlandProfileList,
    },
    requestedStateKeys: [firstFiveInviteCount, guidedFlowUrlandProfileList],
    failureText: /Failed to withdraw invitation/i,
  };
}

export function legacyWithdrawCall(invitationId: string, sharedSecret: string) {
  return {
    method: 'POST' as const,
    path: `/relationships/invitations/${invitationId}?action=withdraw`,
    body: { invitationId, invitationSharedSecret: sharedSecret, isGenericInvitation: false },
  };
}

export function deleteWithdrawCall(invitationUrn: string) {
  return {
    method: 'DELETE' as const,
    path: `/voyagerRelationshipsDashMemberRelationships/${encodeURIComponent(invitationUrn)}`,
  };
}

/** Pages the sent list until `stop` says so or a page is short (paging.total reads 0: never trusted). */
async function scanSentList(
  ctx: ActionContext,
  stop: (page: SentInvitation[]) => boolean,
): Promise<{ ok: true } | { ok: false; outcome: Outcome }> {
  for (let page = 0; page < SENT_MAX_PAGES; page++) {
    const verdict = await ctx.linkedin.call({ method: 'GET', path: sentInvitationsPath(page * SENT_PAGE_SIZE) });
    if (verdict.kind !== 'ok') return { ok: false, outcome: failureOutcome(verdict, 'sent invitations', SENT_LIST) };
    const rows = parseSentInvitations(verdict.json);
    if (rows === undefined)
      return { ok: false, outcome: unreadableOutcome(SENT_LIST, verdict.status, 'no invitation collection') };
    if (stop(rows) || rows.length < SENT_PAGE_SIZE) return { ok: true };
  }
  return { ok: true };
}

/** What the variants need to know about the invitation; filled from the sent list when missing. */
interface Target {
  urn: string;
  id: string;
  tail: string | null;
  sharedSecret: string | null;
  profile: ResolvedProfile | null;
}

async function completeFromSentList(ctx: ActionContext, target: Target): Promise<Outcome | null> {
  if (target.tail !== null && target.sharedSecret !== null) return null;
  let row: SentInvitation | undefined;
  const scanned = await scanSentList(ctx, (rows) => {
    row = rows.find((r) => r.id === target.id);
    return row !== undefined;
  });
  if (!scanned.ok) return scanned.outcome;
  if (!row)
    return {
      status: 'failed',
      code: 'not_found',
      message: `invitation ${target.urn} is not among the pending invitations you sent`,
      output: { invitationUrn: target.urn },
    };
  target.tail ??= row.inviteeTail;
  target.sharedSecret ??= row.sharedSecret;
  return null;
}

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

/** Our pending invitation to this person: cache, relationship (SENT + PENDING only), then the sent list. */
async function findInvitation(
  profile: ResolvedProfile,
  ctx: ActionContext,
): Promise<{ ok: true; target: Target | null } | { ok: false; outcome: Outcome }> {
  const rel = await relationshipTo(profile, ctx, { fresh: true });
  if (!rel.ok) return rel;
  const pending = sentPendingInvitation(rel.rel);
  if (pending)
    return {
      ok: true,
      target: {
        urn: pending.urn,
        id: invitationIdOf(pending.urn),
        tail: profile.tail,
        sharedSecret: pending.sharedSecret,
        profile,
      },
    };
  // Only a relationship that says "no invitation of ours" may skip the list; unknown ones must look.
  if (invitationPending(rel.rel) === false) return { ok: true, target: null };
  let row: SentInvitation | undefined;
  const scanned = await scanSentList(ctx, (rows) => {
    row = rows.find((r) => r.inviteeTail === profile.tail);
    return row !== undefined;
  });
  if (!scanned.ok) return scanned;
  return {
    ok: true,
    target: row ? { urn: row.urn, id: row.id, tail: profile.tail, sharedSecret: row.sharedSecret, profile } : null,
  };
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
