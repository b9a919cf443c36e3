/**
 * Enterprise policy: what an administrator sets in `chrome.storage.managed`
 * (a Chromium policy, `3rdparty.extensions.<id>`), laid over the local
 * settings. Pure: parsing and the overlay; managed-storage.ts reads it.
 *
 * Rules: a value set by policy wins over the local one and cannot be changed
 * from the extension; saving never writes it into local storage (remove the
 * policy and the user's own values are back). Policy limits only ever lower a
 * bucket's cap, never raise it past the hard ceiling.
 */
import { z } from '../../contract/zod';
import { BUCKETS, type Bucket } from '../../contract/protocol';
import { CEILINGS, DEFAULT_LIMITS, type BucketLimits } from '../safety/limits';
import type { ConnectionProblem, PolicyProblem, SafetyProblem } from '../shared/problem';
import { parseBackendUrl, parseToken } from './schema';
import type { Settings } from './store';

/** What the policy says, after validation. Absent: not set by policy. */
export interface ManagedPolicy {
  backendUrl?: string;
  token?: string;
  /** The organisation's caps per bucket and window (never above the hard ceilings). */
  limits: Partial<Record<Bucket, BucketLimits>>;
  /** True forces approval mode on; false or absent leaves it to the user. */
  forceApprovalMode: boolean;
  allowBackgroundTab?: boolean;
}

export interface ParsedPolicy {
  policy: ManagedPolicy;
  /** One problem per policy value that was ignored, for the administrator (the options page words it). */
  problems: PolicyProblem[];
}

export const NO_POLICY: ManagedPolicy = { limits: {}, forceApprovalMode: false };

/** The policy keys an administrator writes (public/managed_schema.json declares the same, see managed-schema.ts). */
export const POLICY_KEYS = [
  'backendUrl',
  'executorToken',
  'limits',
  'forceApprovalMode',
  'allowBackgroundTab',
] as const;

const limitValue = z.int().check(z.minimum(0));
const bucketLimitsSchema = z.object({ day: z.optional(limitValue), week: z.optional(limitValue) });

function parseLimits(raw: unknown, problems: PolicyProblem[]): Partial<Record<Bucket, BucketLimits>> {
  const out: Partial<Record<Bucket, BucketLimits>> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ key: 'problemPolicyLimitsNotObject' });
    return out;
  }
  for (const [bucket, value] of Object.entries(raw)) {
    if (!(BUCKETS as readonly string[]).includes(bucket)) {
      problems.push({ key: 'problemPolicyUnknownBucket', bucket });
      continue;
    }
    const b = bucket as Bucket;
    const parsed = z.safeParse(bucketLimitsSchema, value);
    if (!parsed.success) {
      problems.push({ key: 'problemPolicyLimitsNotWhole', bucket: b });
      continue;
    }
    const limits: BucketLimits = {};
    for (const window of ['day', 'week'] as const) {
      const wanted = parsed.data[window];
      if (wanted === undefined) continue;
      const ceiling = CEILINGS[b][window];
      if (ceiling === undefined) problems.push({ key: 'problemPolicyNoWindow', bucket: b, window });
      else limits[window] = Math.min(wanted, ceiling);
    }
    if (Object.keys(limits).length > 0) out[b] = limits;
  }
  return out;
}

/** Why a connection value of the policy was not applied: not a string, or refused as the options page would refuse it. */
function notApplied(name: string, parsed: { ok: false; problem: ConnectionProblem } | null): PolicyProblem {
  return parsed
    ? { key: 'problemPolicyIgnored', name, problem: parsed.problem }
    : { key: 'problemPolicyNotString', name };
}

/** Validates what `storage.managed` holds. Each bad value is dropped with a reason; the rest applies. */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const problems: PolicyProblem[] = [];
  const policy: ManagedPolicy = { limits: {}, forceApprovalMode: false };
  if (typeof raw !== 'object' || raw === null) return { policy, problems };
  const given = raw as Record<string, unknown>;
  for (const key of Object.keys(given))
    if (!(POLICY_KEYS as readonly string[]).includes(key)) problems.push({ key: 'problemPolicyUnknownKey', name: key });
  if (given.backendUrl !== undefined) {
    const url = typeof given.backendUrl === 'string' ? parseBackendUrl(given.backendUrl) : null;
    if (url?.ok) policy.backendUrl = url.value;
    else problems.push(notApplied('backendUrl', url));
  }
  if (given.executorToken !== undefined) {
    const token = typeof given.executorToken === 'string' ? parseToken(given.executorToken) : null;
    if (token?.ok) policy.token = token.value;
    else problems.push(notApplied('executorToken', token));
  }
  if (given.limits !== undefined) policy.limits = parseLimits(given.limits, problems);
  for (const key of ['forceApprovalMode', 'allowBackgroundTab'] as const) {
    const value = given[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') problems.push({ key: 'problemPolicyNotBoolean', name: key });
    else if (key === 'forceApprovalMode') policy.forceApprovalMode = value;
    else policy.allowBackgroundTab = value;
  }
  return { policy, problems };
}

/** The settings in force: the policy's values over the local ones, limits lowered to the policy's caps. */
export function applyPolicy(local: Settings, policy: ManagedPolicy): Settings {
  const limits: Settings['limits'] = { ...local.limits };
  for (const [bucket, caps] of Object.entries(policy.limits) as [Bucket, BucketLimits][]) {
    const lowered: BucketLimits = { ...local.limits[bucket] };
    for (const window of ['day', 'week'] as const) {
      const cap = caps[window];
      const base = local.limits[bucket]?.[window] ?? DEFAULT_LIMITS[bucket][window];
      if (cap !== undefined && base !== undefined) lowered[window] = Math.min(base, cap);
    }
    limits[bucket] = lowered;
  }
  return {
    ...local,
    ...(policy.backendUrl !== undefined ? { backendUrl: policy.backendUrl } : {}),
    ...(policy.token !== undefined ? { token: policy.token } : {}),
    ...(policy.allowBackgroundTab !== undefined ? { allowBackgroundTab: policy.allowBackgroundTab } : {}),
    ...(policy.forceApprovalMode ? { approvalMode: true } : {}),
    limits,
  };
}

/** A settings field the policy fixes: shown read-only, never saved locally. */
export type LockedField = 'backendUrl' | 'token' | 'allowBackgroundTab' | 'approvalMode';

export function lockedFields(policy: ManagedPolicy): LockedField[] {
  const locked: LockedField[] = [];
  if (policy.backendUrl !== undefined) locked.push('backendUrl');
  if (policy.token !== undefined) locked.push('token');
  if (policy.allowBackgroundTab !== undefined) locked.push('allowBackgroundTab');
  if (policy.forceApprovalMode) locked.push('approvalMode');
  return locked;
}

/**
 * A save's patch without the fields the policy fixes, so saving never overwrites (or stores) them.
 * A limit saved as the very value the policy lowered it to is no change: the local value stays,
 * and comes back when the policy goes.
 */
export function withoutLocked(patch: Partial<Settings>, policy: ManagedPolicy, local: Settings): Partial<Settings> {
  const out: Partial<Settings> = { ...patch };
  for (const field of lockedFields(policy)) delete out[field];
  if (!patch.limits) return out;
  const inForce = applyPolicy(local, policy).limits;
  const limits: Settings['limits'] = {};
  for (const [bucket, saved] of Object.entries(patch.limits) as [Bucket, BucketLimits][]) {
    const kept: BucketLimits = { ...saved };
    for (const window of ['day', 'week'] as const) {
      const capped = policy.limits[bucket]?.[window] !== undefined;
      if (!capped || saved[window] !== inForce[bucket]?.[window]) continue;
      const own = local.limits[bucket]?.[window];
      if (own === undefined) delete kept[window];
      else kept[window] = own;
    }
    limits[bucket] = kept;
  }
  out.limits = limits;
  return out;
}

/** The caps a user may choose up to: the hard ceiling, or the organisation's lower one. */
export function policyCeilings(policy: ManagedPolicy): Record<Bucket, BucketLimits> {
  const out = {} as Record<Bucket, BucketLimits>;
  for (const bucket of BUCKETS) {
    const ceiling: BucketLimits = { ...CEILINGS[bucket] };
    for (const window of ['day', 'week'] as const) {
      const cap = policy.limits[bucket]?.[window];
      const hard = ceiling[window];
      if (cap !== undefined && hard !== undefined) ceiling[window] = Math.min(cap, hard);
    }
    out[bucket] = ceiling;
  }
  return out;
}

/** A user's limits against the organisation's caps: one problem per value above them. */
export function checkPolicyLimits(user: Partial<Record<Bucket, BucketLimits>>, policy: ManagedPolicy): SafetyProblem[] {
  const errors: SafetyProblem[] = [];
  for (const [bucket, limits] of Object.entries(user) as [Bucket, BucketLimits][]) {
    for (const window of ['day', 'week'] as const) {
      const cap = policy.limits[bucket]?.[window];
      const value = limits[window];
      if (cap !== undefined && value !== undefined && value > cap)
        errors.push({ key: 'problemLimitAbovePolicy', bucket, window, value, cap });
    }
  }
  return errors;
}
