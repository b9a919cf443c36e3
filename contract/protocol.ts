/**
 * Zod schemas of ../shared/executor-protocol.md (version 1.1): the contract
 * between the backend (server/) and the executor (src/), imported by both.
 * Unknown fields are ignored everywhere (zod objects strip them by default),
 * as the protocol asks for forward compatibility.
 */
import { z } from './zod';

export const ACTION_TYPES = [
  'connect',
  'withdraw',
  'message',
  'react',
  'unreact',
  'comment',
  'follow_member',
  'unfollow_member',
  'follow_company',
  'unfollow_company',
  'share',
  'save',
  'unsave',
] as const;
export const actionTypeSchema = z.enum(ACTION_TYPES);
export type ActionType = z.infer<typeof actionTypeSchema>;

export const accountSchema = z.object({
  memberUrn: z.string(),
  publicIdentifier: z.nullable(z.string()),
});
export type Account = z.infer<typeof accountSchema>;

/** The largest `requestedBy` kept, serialised as JSON (UTF-8 bytes): the audit log holds it for every action. */
export const REQUESTED_BY_MAX_BYTES = 4096;
export const ACTION_TYPE_MAX = 64;

/**
 * An id the executor puts in a URL path (`/actions/{id}/result`) and stores:
 * "." or ".." would be resolved away by the URL parser and "/" would change
 * the path, so a result could land on another endpoint.
 */
/** True for an id that is safe as one URL path segment: not "." or "..", no "/". */
export function isPathSafeId(id: string): boolean {
  return id.length >= 1 && id.length <= 200 && id !== '.' && id !== '..' && !id.includes('/');
}

const pathSafeId = z.string().check(
  z.minLength(1),
  z.maxLength(200),
  z.refine((s) => s !== '.' && s !== '..', { message: 'must not be "." or ".."' }),
  z.refine((s) => !s.includes('/'), { message: 'must not contain "/"' }),
);

function serialisedBytes(value: unknown): number {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? 0 : new TextEncoder().encode(json).length;
  } catch {
    // Too deep to serialise: certainly too big to keep.
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The envelope of a leased action. `type` and `params` stay loose here: they
 * are validated per type later, so that a bad action can still be reported
 * against its id with a message naming the field. What the executor stores
 * or echoes is bounded here, whatever the backend sends.
 */
export const leasedActionSchema = z.object({
  id: pathSafeId,
  type: z.string().check(z.maxLength(ACTION_TYPE_MAX, { message: `must be at most ${ACTION_TYPE_MAX} characters` })),
  params: z.unknown(),
  idempotencyKey: pathSafeId,
  createdAt: z.optional(z.string().check(z.maxLength(64))),
  leaseExpiresAt: z.optional(z.iso.datetime({ offset: true })),
  requestedBy: z.optional(
    z.unknown().check(
      z.refine((v) => serialisedBytes(v) <= REQUESTED_BY_MAX_BYTES, {
        message: `must be at most ${REQUESTED_BY_MAX_BYTES} bytes as JSON`,
      }),
    ),
  ),
});
export type LeasedAction = z.infer<typeof leasedActionSchema>;

export const leaseRequestSchema = z.object({
  max: z.int().check(z.gte(1), z.lte(25)),
  accept: z.array(actionTypeSchema),
  account: z.nullable(accountSchema),
});
export type LeaseRequest = z.infer<typeof leaseRequestSchema>;

export const leaseResponseSchema = z.object({
  // Validated one by one so that one malformed action does not hide the others.
  actions: z.array(z.unknown()),
  pollAfterMs: z.optional(z.number().check(z.nonnegative())),
  queued: z.optional(z.int().check(z.nonnegative())),
});
export type LeaseResponse = z.infer<typeof leaseResponseSchema>;

export const RESULT_STATUSES = ['succeeded', 'failed', 'refused', 'deferred'] as const;
export const resultStatusSchema = z.enum(RESULT_STATUSES);
export type ResultStatus = z.infer<typeof resultStatusSchema>;

export const RESULT_CODES = [
  'invalid_action',
  'unsupported_action',
  'not_connected',
  'account_mismatch',
  'not_found',
  'invitation_limit',
  'outbound_throttled',
  'challenge',
  'session_expired',
  'lease_expired',
  'rejected_by_user',
  'linkedin_changed',
  'linkedin_error',
] as const;
export const resultCodeSchema = z.enum(RESULT_CODES);
export type ResultCode = z.infer<typeof resultCodeSchema>;

/** The status each code goes with, straight from the protocol's table. */
export const STATUS_OF_CODE: Record<ResultCode, ResultStatus> = {
  invalid_action: 'refused',
  unsupported_action: 'refused',
  not_connected: 'refused',
  account_mismatch: 'refused',
  not_found: 'failed',
  invitation_limit: 'deferred',
  outbound_throttled: 'deferred',
  challenge: 'deferred',
  session_expired: 'deferred',
  lease_expired: 'failed',
  rejected_by_user: 'refused',
  linkedin_changed: 'deferred',
  linkedin_error: 'failed',
};

export const actionResultSchema = z.object({
  idempotencyKey: z.string(),
  status: resultStatusSchema,
  code: z.nullable(resultCodeSchema),
  message: z.string(),
  output: z.record(z.string(), z.unknown()),
  retryAt: z.nullable(z.string()),
  attempts: z.int().check(z.gte(1)),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type ActionResult = z.infer<typeof actionResultSchema>;

export const BUCKETS = [
  'invitations',
  'messages',
  'comments',
  'reactions',
  'follows',
  'saves',
  'shares',
  'withdrawals',
] as const;
export const bucketSchema = z.enum(BUCKETS);
export type Bucket = z.infer<typeof bucketSchema>;

export const EXECUTOR_STATES = ['active', 'paused', 'signed_out', 'unconfigured'] as const;
export const PAUSE_REASONS = ['user', 'challenge', 'rate_limited', 'working_hours'] as const;
export const pauseReasonSchema = z.enum(PAUSE_REASONS);
export type PauseReason = z.infer<typeof pauseReasonSchema>;

export const suspensionSchema = z.object({
  type: actionTypeSchema,
  endpoint: z.string(),
  since: z.string(),
  reason: z.string(),
});
export type Suspension = z.infer<typeof suspensionSchema>;

export const bucketLimitSchema = z.object({
  bucket: bucketSchema,
  window: z.enum(['day', 'week']),
  limit: z.int().check(z.nonnegative()),
  used: z.int().check(z.nonnegative()),
  resetsAt: z.nullable(z.string()),
  nextAvailableAt: z.nullable(z.string()),
});
export type BucketLimit = z.infer<typeof bucketLimitSchema>;

export const heartbeatSchema = z.object({
  state: z.enum(EXECUTOR_STATES),
  pausedUntil: z.nullable(z.string()),
  pauseReason: z.nullable(pauseReasonSchema),
  account: z.nullable(accountSchema),
  limits: z.array(bucketLimitSchema),
  queue: z.object({ running: z.int().check(z.nonnegative()), outbox: z.int().check(z.nonnegative()) }),
  /** Actions held for the user's approval (v1.1, optional). */
  approvals: z.optional(z.object({ pending: z.int().check(z.nonnegative()), oldestAt: z.nullable(z.string()) })),
  /** Action types taken out of `accept` because their LinkedIn endpoint changed (v1.1, optional). */
  suspended: z.optional(z.array(suspensionSchema)),
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const heartbeatResponseSchema = z.object({
  pollAfterMs: z.optional(z.number().check(z.nonnegative())),
  queued: z.optional(z.int().check(z.nonnegative())),
});
export type HeartbeatResponse = z.infer<typeof heartbeatResponseSchema>;

export const wakeFrameSchema = z.object({ type: z.literal('wake') });
