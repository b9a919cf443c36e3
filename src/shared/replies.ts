/**
 * The worker's answers to the pages (messages.ts has the requests), as zod
 * schemas: a page parses every answer before using it. Apart from messages.ts
 * so that only the pages' bundles carry them, not the service worker's, which
 * is loaded on every wake-up (the worker needs only their types).
 */
import { z } from '../../contract/zod';
import {
  accountSchema,
  bucketLimitSchema,
  bucketSchema,
  pauseReasonSchema,
  suspensionSchema,
} from '../../contract/protocol';
import { workingHoursSchema } from '../safety/working-hours';
import type { Request } from './messages';
import { policyProblemSchema } from './problem';
import { PROBE_NOTES } from '../diagnostics/probe-note';
import {
  approvalAuditSchema,
  approvalDecisionReplySchema,
  approvalsViewSchema,
  inHandItemSchema,
} from './approval-view';

export const auditViewSchema = z.object({
  at: z.number(),
  actionId: z.string(),
  type: z.string(),
  paramsSummary: z.string(),
  status: z.string(),
  code: z.nullable(z.string()),
  message: z.string(),
  linkedinRequests: z.number(),
});

export const VIEW_STATES = [
  'unconfigured',
  'auth_rejected',
  'signed_out',
  'account_mismatch',
  'paused',
  'active',
] as const;

export const statusViewSchema = z.object({
  state: z.enum(VIEW_STATES),
  configured: z.boolean(),
  backendUrl: z.nullable(z.string()),
  signedIn: z.boolean(),
  account: z.nullable(accountSchema),
  boundAccount: z.nullable(accountSchema),
  pause: z.nullable(z.object({ until: z.number(), reason: pauseReasonSchema })),
  limits: z.array(bucketLimitSchema),
  queue: z.object({ running: z.number(), outbox: z.number(), queuedAtBackend: z.nullable(z.number()) }),
  /** The actions in hand, waiting for approval first, then in the order they go out. */
  inHand: z.array(inHandItemSchema),
  approvals: approvalsViewSchema,
  recent: z.array(auditViewSchema),
  lastError: z.nullable(z.string()),
  /** Action types suspended because LinkedIn changed an endpoint (as the heartbeat reports them), with the next re-check. */
  suspended: z.array(z.extend(suspensionSchema, { recheckAt: z.string() })),
  /** A background tab was needed and the user has not said whether one may be opened: ask (once). */
  askBackgroundTab: z.boolean(),
  now: z.number(),
});
export type StatusView = z.infer<typeof statusViewSchema>;

const limitPairSchema = z.object({ day: z.optional(z.number()), week: z.optional(z.number()) });

export const settingsViewSchema = z.object({
  backendUrl: z.nullable(z.string()),
  token: z.nullable(z.string()),
  allowBackgroundTab: z.nullable(z.boolean()),
  approvalMode: z.boolean(),
  limits: z.partialRecord(bucketSchema, limitPairSchema),
  defaults: z.record(bucketSchema, limitPairSchema),
  ceilings: z.record(bucketSchema, limitPairSchema),
  workingHours: z.nullable(workingHoursSchema),
  spacingSeconds: z.number(),
  warmupStartedAt: z.nullable(z.number()),
  /** Shown next to the warm-up switch while it is off (new or long-idle account). */
  warmupAdvice: z.nullable(z.string()),
  boundAccount: z.nullable(accountSchema),
  signedInAccount: z.nullable(accountSchema),
  /** What the organisation's policy sets (read-only on the options page), and the policy values it ignored. */
  policy: z.object({
    locked: z.array(z.enum(['backendUrl', 'token', 'allowBackgroundTab', 'approvalMode'])),
    limits: z.partialRecord(bucketSchema, limitPairSchema),
    problems: z.array(policyProblemSchema),
  }),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const auditRowSchema = z.object({
  seq: z.number(),
  at: z.number(),
  actionId: z.string(),
  type: z.string(),
  bucket: z.string(),
  paramsSummary: z.string(),
  idempotencyKey: z.string(),
  requestedBy: z.unknown(),
  startedAt: z.number(),
  finishedAt: z.number(),
  status: z.string(),
  code: z.nullable(z.string()),
  message: z.string(),
  httpStatus: z.nullable(z.number()),
  mutated: z.boolean(),
  linkedinRequests: z.number(),
  account: z.nullable(z.string()),
  /** Who approved or rejected the action, and when (actions that waited for approval only). */
  approval: z.optional(approvalAuditSchema),
  /** The chain link: exports carry both, so a complete export can be verified outside the browser. */
  prevHash: z.nullable(z.string()),
  hash: z.nullable(z.string()),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

/** diagnostics/probes.ts `ProbeResult` on the wire (the router's handler type keeps the two in step). */
export const probeResultSchema = z.object({
  endpoint: z.string(),
  variant: z.optional(z.string()),
  status: z.enum(['ok', 'changed', 'failed', 'skipped']),
  httpStatus: z.nullable(z.number()),
  unexpected: z.array(z.string()),
  unreadable: z.optional(z.boolean()),
  note: z.optional(z.enum(PROBE_NOTES)),
});

/** The reply schema for each request type. */
export const replySchemas = {
  'status/get': statusViewSchema,
  'settings/get': settingsViewSchema,
  'settings/saveConnection': settingsViewSchema,
  'executor/pause': statusViewSchema,
  'executor/resume': statusViewSchema,
  'executor/pumpNow': z.null(),
  'settings/saveSafety': settingsViewSchema,
  'settings/backgroundTab': statusViewSchema,
  'settings/testConnection': z.object({ ok: z.boolean(), message: z.string() }),
  'account/rebind': settingsViewSchema,
  'data/reset': settingsViewSchema,
  'audit/query': z.object({ rows: z.array(auditRowSchema), nextBefore: z.nullable(z.number()), total: z.number() }),
  'linkedin/check': z.object({
    results: z.array(probeResultSchema),
    stoppedBy: z.nullable(z.string()),
    checkedAt: z.string(),
  }),
  'linkedin/recheck': z.object({ checked: z.number(), stillSuspended: z.array(z.string()) }),
  'approval/decide': z.object({ outcome: approvalDecisionReplySchema, status: statusViewSchema }),
} satisfies Record<Request['type'], z.ZodMiniType>;

export type ReplyData<T extends Request['type']> = z.infer<(typeof replySchemas)[T]>;
