/**
 * follow_member / unfollow_member / follow_company / unfollow_company
 * (voyager-reference.md v2, "Follow / unfollow").
 *
 * Voyager (member medium: TK captured unfollow 2026-09-09; company high: MG, TQ):
 *   POST /voyager/api/feed/dash/followingStates/<enc urn:li:fsd_followingState:<entity urn>>
 *   body {"patch":{"$set":{"following":true|false}}}, no query string → 200 with an empty body (or 201)
 * Members fall back to SDUI mynetwork.addaUpdateFollowState (MG verified
 * FOLLOW_ACTIVE; FOLLOW_INACTIVE for unfollow is inferred).
 * Read-backs: a member's FollowingState from the profile lookup (low; a
 * metered view), a company's followingInfo.following from the company
 * lookup. Whether GET works on followingStates is unknown: never sent.
 * Setting a state twice is harmless (v2): a read-back is used where one
 * exists, and where none answers the same state is simply set again.
 */
import { companyParams, memberParams } from '../../contract/params';
import type { Verdict } from '../voyager/classify';
import type { SduiAction } from '../voyager/sdui';
import { companyLabel, profileLabel } from './labels';
import { readCompanyFollowing, resolveCompany } from './resolve-company';
import { detailedProfile, lookupProfile, resolveProfile } from './resolve-profile';
import {
  defineAction,
  exhaustedOutcome,
  failureOutcome,
  succeeded,
  type ActionContext,
  type Outcome,
  type Reconciliation,
} from './types';
import { callAttempt, notApplicable, runVariants, settled, type Settled, type Variant } from './variants';

export const FOLLOW = 'follow';

export function followingStatePath(entityUrn: string): string {
  return `/feed/dash/followingStates/${encodeURIComponent(`urn:li:fsd_followingState:${entityUrn}`)}`;
}

export function followingStateBody(following: boolean): { patch: { $set: { following: boolean } } } {
  return { patch: { $set: { following } } };
}

export function followSduiAction(memberId: string, following: boolean): SduiAction {
  return {
    id: 'com.linkedin.sdui.requests.mynetwork.addaUpdateFollowState',
    screenId: 'com.linkedin.sdui.flagshipnav.profile.Profile',
    payload: {
      followStateType: following ? 'FollowStateType_FOLLOW_ACTIVE' : 'FollowStateType_FOLLOW_INACTIVE',
      memberUrn: { memberId },
    },
  };
}

const doneMessage = (following: boolean) => (following ? 'now following' : 'no longer following');

/** The member's following state now, from a fresh (metered) profile lookup. */
async function memberFollowing(ctx: ActionContext, tail: string): Promise<boolean | string> {
  const found = await lookupProfile(ctx, tail, `profile ${tail}`);
  if (!found.ok) return found.outcome.message;
  return found.lookup.following ?? 'the profile lookup carried no following state';
}

/** The company read-back needs the slug (the lookup is by universal name); a company given by id has none. */
async function readBack(
  ctx: ActionContext,
  entityUrn: string,
  following: boolean,
  companySlug: string | null,
): Promise<Reconciliation> {
  const isCompany = entityUrn.startsWith('urn:li:fsd_company:');
  const state = !isCompany
    ? await memberFollowing(ctx, entityUrn.slice('urn:li:fsd_profile:'.length))
    : companySlug
      ? await readCompanyFollowing(ctx, companySlug)
      : 'a company given by id has no known read-back (the lookup is by universal name)';
  // Following sets a state: where LinkedIn cannot tell us, setting it again is the safe reconcile (v2).
  if (typeof state === 'string') return { kind: 'resend', reason: state };
  if (state !== following) return { kind: 'not_done' };
  return {
    kind: 'done',
    outcome: succeeded(doneMessage(following), { [isCompany ? 'companyUrn' : 'profileUrn']: entityUrn, following }),
  };
}

async function setFollowing(
  ctx: ActionContext,
  entityUrn: string,
  following: boolean,
  output: Record<string, unknown>,
  sdui: Variant<Verdict | Settled> | null,
  companySlug: string | null = null,
): Promise<Outcome> {
  const what = `${following ? 'follow' : 'unfollow'} ${entityUrn}`;
  const voyager: Variant<Verdict | Settled> = {
    name: 'voyager',
    attempt: () =>
      callAttempt(() =>
        ctx.mutate(
          { method: 'POST', path: followingStatePath(entityUrn), body: followingStateBody(following) },
          { entityUrn, following, companySlug },
        ),
      ),
  };
  const result = await runVariants(ctx, FOLLOW, sdui ? [voyager, sdui] : [voyager]);
  if (result.kind === 'exhausted') return exhaustedOutcome(FOLLOW, result, what);
  const verdict = result.value;
  if (verdict.kind === 'settled') return verdict.outcome;
  if (verdict.kind !== 'ok') return failureOutcome(verdict, what, FOLLOW);
  if (result.variant !== 'sdui') return succeeded(doneMessage(following), { ...output, following });
  // A server action's 200 is "probably applied": read back.
  const check = await readBack(ctx, entityUrn, following, companySlug);
  if (check.kind === 'done') return succeeded(doneMessage(following), { ...output, following });
  return check.kind === 'not_done'
    ? {
        status: 'failed',
        code: 'linkedin_error',
        message: `LinkedIn answered ${what} but the read-back shows no change`,
        output: { httpStatus: 200 },
      }
    : succeeded(`${doneMessage(following)} (LinkedIn accepted; the read-back was inconclusive)`, {
        ...output,
        following,
        confirmed: false,
      });
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
      const profile = resolved.profile;
      const sdui: Variant<Verdict | Settled> = {
        name: 'sdui',
        async attempt() {
          const details = await detailedProfile(profile, ctx);
          if (!details.ok) return settled(details.outcome);
          const { memberId } = details.lookup;
          if (!memberId) return notApplicable('the profile lookup gave no member id');
          return callAttempt(() =>
            ctx.mutate(
              { api: 'sdui', action: followSduiAction(memberId, following) },
              { entityUrn: profile.urn, following },
            ),
          );
        },
      };
      return setFollowing(ctx, profile.urn, following, { profileUrn: profile.urn }, sdui);
    },
    reconcile: (_p, intent, ctx) => reconcileFollowing(intent, ctx),
  });
}

function reconcileFollowing(intent: Record<string, unknown>, ctx: ActionContext): Promise<Reconciliation> {
  const { entityUrn, following, companySlug } = intent;
  if (typeof entityUrn !== 'string' || typeof following !== 'boolean')
    return Promise.resolve({ kind: 'unknown', reason: 'intent incomplete' });
  return readBack(ctx, entityUrn, following, typeof companySlug === 'string' ? companySlug : null);
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
      return setFollowing(
        ctx,
        companyUrn,
        following,
        { companyUrn },
        null,
        p.company.kind === 'slug' ? p.company.slug : null,
      );
    },
    reconcile: (_p, intent, ctx) => reconcileFollowing(intent, ctx),
  });
}

export const followMember = memberAction('follow_member', true);
export const unfollowMember = memberAction('unfollow_member', false);
export const followCompany = companyAction('follow_company', true);
export const unfollowCompany = companyAction('unfollow_company', false);
