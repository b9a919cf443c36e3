/**
 * Withdraw's search of the invitations we sent: the list is paged until the
 * invitation turns up, to name it (by invitee) or to complete it (its invitee
 * and shared secret, which the SDUI and legacy variants need).
 */
import { invitationPending, sentPendingInvitation } from '../voyager/relationship';
import {
  parseSentInvitations,
  sentInvitationsPath,
  SENT_MAX_PAGES,
  SENT_PAGE_SIZE,
  type SentInvitation,
} from '../voyager/sent-invitations';
import { relationshipTo } from './relationship-check';
import type { ResolvedProfile } from './resolve-profile';
import { failureOutcome, unreadableOutcome, type ActionContext, type Outcome } from './types';
import { invitationIdOf } from './withdraw-calls';

export const SENT_LIST = 'sent invitations';

/** Pages the sent list until `stop` says so or a page is short (paging.total reads 0: never trusted). */
export async function scanSentList(
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
export interface Target {
  urn: string;
  id: string;
  tail: string | null;
  sharedSecret: string | null;
  profile: ResolvedProfile | null;
}

export async function completeFromSentList(ctx: ActionContext, target: Target): Promise<Outcome | null> {
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

/** Our pending invitation to this person: cache, relationship (SENT + PENDING only), then the sent list. */
export async function findInvitation(
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
