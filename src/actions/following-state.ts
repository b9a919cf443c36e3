/**
 * follow_member / unfollow_member / follow_company / unfollow_company.
 *
 * Endpoint (voyager-reference.md "Follow / unfollow", confidence high for the
 * shape, from the product docs):
 *   POST /voyager/api/feed/dash/followingStates/<urn:li:fsd_followingState:<entity urn>, URL-encoded>
 *   body {"patch": {"$set": {"following": true|false}}}  → 200/201/204
 * The read-back (GET on the same resource → data.following) is an assumption
 * (low confidence), used only to reconcile a write whose answer was lost.
 */
import type { Verdict } from '../voyager/classify';
import { dataOf } from '../voyager/normalized';
import { companyParams, memberParams } from '../../contract/params';
import { companyLabel, profileLabel } from './labels';
import { resolveCompany } from './resolve-company';
import { resolveProfile } from './resolve-profile';
import { defineAction, failureOutcome, succeeded, type ActionContext, type Outcome, type Reconciliation } from './types';

export function followingStatePath(entityUrn: string): string {
  return `/feed/dash/followingStates/${encodeURIComponent(`urn:li:fsd_followingState:${entityUrn}`)}`;
}

export function followingStateBody(following: boolean): { patch: { $set: { following: boolean } } } {
  return { patch: { $set: { following } } };
}

/** Read-back shape (assumed): { data: { following: boolean } }. */
export function parseFollowingState(json: unknown): boolean | undefined {
  const following = dataOf(json)?.following;
  return typeof following === 'boolean' ? following : undefined;
}

/** Did the intended following state take effect? (read-back, assumed shape) */
async function reconcileFollowing(intent: Record<string, unknown>, ctx: ActionContext): Promise<Reconciliation> {
  const { entityUrn, following } = intent;
  if (typeof entityUrn !== 'string' || typeof following !== 'boolean') return { kind: 'unknown', reason: 'intent incomplete' };
  const verdict = await ctx.voyager.call({ method: 'GET', path: followingStatePath(entityUrn) });
  const state = verdict.kind === 'ok' ? parseFollowingState(verdict.json) : undefined;
  if (state === undefined) return { kind: 'unknown', reason: `following state unreadable (HTTP ${verdict.status})` };
  if (state !== following) return { kind: 'not_done' };
  const key = entityUrn.startsWith('urn:li:fsd_company:') ? 'companyUrn' : 'profileUrn';
  return { kind: 'done', outcome: succeeded(following ? 'now following' : 'no longer following', { [key]: entityUrn, following }) };
}

async function setFollowing(
  ctx: ActionContext,
  entityUrn: string,
  following: boolean,
  output: Record<string, unknown>,
): Promise<Outcome> {
  const verdict: Verdict = await ctx.mutate(
    { method: 'POST', path: followingStatePath(entityUrn), body: followingStateBody(following) },
    { entityUrn, following },
  );
  if (verdict.kind !== 'ok') return failureOutcome(verdict, following ? `follow ${entityUrn}` : `unfollow ${entityUrn}`);
  return succeeded(following ? 'now following' : 'no longer following', { ...output, following });
}

function memberAction(type: 'follow_member' | 'unfollow_member', following: boolean) {
  return defineAction({
    type,
    bucket: 'follows',
    params: memberParams,
    summarize: (p) => `profile=${profileLabel(p.profile)}`,
    async execute(p, ctx) {
      const resolved = await resolveProfile(p.profile, ctx);
      if (!resolved.ok) return resolved.outcome;
      return setFollowing(ctx, resolved.profile.urn, following, { profileUrn: resolved.profile.urn });
    },
    reconcile: (_p, intent, ctx) => reconcileFollowing(intent, ctx),
  });
}

function companyAction(type: 'follow_company' | 'unfollow_company', following: boolean) {
  return defineAction({
    type,
    bucket: 'follows',
    params: companyParams,
    summarize: (p) => `company=${companyLabel(p.company)}`,
    async execute(p, ctx) {
      const resolved = await resolveCompany(p.company, ctx);
      if (!resolved.ok) return resolved.outcome;
      const companyUrn = `urn:li:fsd_company:${resolved.id}`;
      return setFollowing(ctx, companyUrn, following, { companyUrn });
    },
    reconcile: (_p, intent, ctx) => reconcileFollowing(intent, ctx),
  });
}

export const followMember = memberAction('follow_member', true);
export const unfollowMember = memberAction('unfollow_member', false);
export const followCompany = companyAction('follow_company', true);
export const unfollowCompany = companyAction('unfollow_company', false);
