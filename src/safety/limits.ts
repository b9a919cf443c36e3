/**
 * Buckets, defaults and hard ceilings from executor-protocol.md (Throttles).
 * Pure data + the rule "the user may lower a limit, never raise it past its ceiling".
 */
import type { ActionType, Bucket } from '../../contract/protocol';
import type { SafetyProblem } from '../shared/problem';

import { DAY, HOUR } from '../time';

export type Window = 'day' | 'week';

/** After LinkedIn's weekly invitation limit: no invitations for this long (nominal). */
export const INVITATION_LIMIT_CLOSE_MS = 7 * DAY;
/** When to suggest a retry after a sign-out (nominal); work resumes as soon as the user signs in. */
export const SESSION_RETRY_MS = HOUR;

export interface BucketLimits {
  day?: number;
  week?: number;
}

export const BUCKET_OF: Record<ActionType, Bucket> = {
  connect: 'invitations',
  withdraw: 'withdrawals',
  message: 'messages',
  react: 'reactions',
  unreact: 'reactions',
  comment: 'comments',
  follow_member: 'follows',
  unfollow_member: 'follows',
  follow_company: 'follows',
  unfollow_company: 'follows',
  share: 'shares',
  save: 'saves',
  unsave: 'saves',
};

export const DEFAULT_LIMITS: Record<Bucket, BucketLimits> = {
  invitations: { week: 80, day: 20 },
  messages: { day: 100 },
  comments: { day: 30 },
  reactions: { day: 150 },
  follows: { day: 100 },
  saves: { day: 200 },
  shares: { day: 20 },
  withdrawals: { day: 50 },
};

/** Hard ceilings: no setting goes past them. Invitations' daily ceiling is not
 * in the protocol; 150/week caps it in practice, and we cap a day at the week's. */
export const CEILINGS: Record<Bucket, BucketLimits> = {
  invitations: { week: 150, day: 150 },
  messages: { day: 150 },
  comments: { day: 60 },
  reactions: { day: 300 },
  follows: { day: 200 },
  saves: { day: 400 },
  shares: { day: 40 },
  withdrawals: { day: 100 },
};

/** The limits in force: the user's value where set, clamped to [0, ceiling]. */
export function effectiveLimits(user: Partial<Record<Bucket, BucketLimits>>): Record<Bucket, BucketLimits> {
  const out = {} as Record<Bucket, BucketLimits>;
  for (const bucket of Object.keys(DEFAULT_LIMITS) as Bucket[]) {
    const defaults = DEFAULT_LIMITS[bucket];
    const ceiling = CEILINGS[bucket];
    const chosen = user[bucket] ?? {};
    const limits: BucketLimits = {};
    for (const window of ['day', 'week'] as const) {
      const base = defaults[window];
      if (base === undefined) continue;
      const wanted = chosen[window] ?? base;
      limits[window] = Math.max(0, Math.min(Math.floor(wanted), ceiling[window] ?? base));
    }
    out[bucket] = limits;
  }
  return out;
}

/** A user's limits are valid when every value is an integer in [0, ceiling]: one problem per value that is not. */
export function checkUserLimits(user: Partial<Record<Bucket, BucketLimits>>): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  for (const [bucket, limits] of Object.entries(user) as [Bucket, BucketLimits][]) {
    const ceiling = CEILINGS[bucket];
    if (!ceiling) {
      problems.push({ key: 'problemLimitUnknownBucket', bucket });
      continue;
    }
    for (const window of ['day', 'week'] as const) {
      const value = limits[window];
      if (value === undefined) continue;
      const max = ceiling[window];
      if (max === undefined) problems.push({ key: 'problemLimitNoWindow', bucket, window });
      else if (!Number.isInteger(value) || value < 0) problems.push({ key: 'problemLimitNotWhole', bucket, window });
      else if (value > max) problems.push({ key: 'problemLimitAboveCeiling', bucket, window, value, max });
    }
  }
  return problems;
}
