/**
 * The typed protocol between the extension's pages (popup, options) and the
 * service worker, which owns all data. Zod-validated on both sides; replies
 * are `{ ok: true, data }` or `{ ok: false, error }`.
 */
import { z } from 'zod';
import { parseCompany, parsePost, parseProfile, type ParseResult } from '../../contract/inputs';
import type { ProbeInputs } from '../diagnostics/probes';
import {
  accountSchema,
  bucketLimitSchema,
  bucketSchema,
  pauseReasonSchema,
  suspensionSchema,
} from '../../contract/protocol';
import { workingHoursSchema } from '../safety/working-hours';
import { auditFilterSchema } from './audit-filter';
import {
  approvalAuditSchema,
  approvalDecisionReplySchema,
  approvalDecisionRequestSchema,
  approvalsViewSchema,
  inHandItemSchema,
} from './approval-view';

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status/get') }),
  z.object({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('settings/saveConnection'), backendUrl: z.string(), token: z.string() }),
  z.object({ type: z.literal('executor/pause') }),
  z.object({ type: z.literal('executor/resume'), confirmEarlyChallengeResume: z.boolean().default(false) }),
  z.object({ type: z.literal('executor/pumpNow') }),
  z.object({
    type: z.literal('settings/saveSafety'),
    limits: z.partialRecord(bucketSchema, z.object({ day: z.number().optional(), week: z.number().optional() })),
    workingHours: z.unknown().nullable(),
    spacingSeconds: z.number(),
    warmup: z.boolean(),
    /** null: the user has not decided (the popup's question stays open). */
    allowBackgroundTab: z.boolean().nullable(),
    /** "Ask me before sending words in my name"; absent: unchanged. */
    approvalMode: z.boolean().optional(),
  }),
  /** The popup's one-time question: may a LinkedIn tab be opened in the background? */
  z.object({ type: z.literal('settings/backgroundTab'), allow: z.boolean() }),
  z.object({ type: z.literal('settings/testConnection'), backendUrl: z.string(), token: z.string() }),
  z.object({ type: z.literal('account/rebind'), confirm: z.literal(true) }),
  z.object({ type: z.literal('data/reset'), confirm: z.literal(true) }),
  z.object({
    type: z.literal('audit/query'),
    filter: auditFilterSchema,
    before: z.number().nullable(),
    limit: z.number().int().min(1).max(5000),
  }),
  /** Check LinkedIn (options): read-only probes; each input optional, as typed (the worker parses it again). */
  z.object({
    type: z.literal('linkedin/check'),
    profile: z.string().max(2048).optional(),
    company: z.string().max(2048).optional(),
    post: z.string().max(2048).optional(),
  }),
  /** "Check again" (popup): re-check every suspended action type now. */
  z.object({ type: z.literal('linkedin/recheck') }),
  /** Approve or reject actions waiting in the approval queue. */
  approvalDecisionRequestSchema,
]);
export type Request = z.infer<typeof requestSchema>;

export const auditViewSchema = z.object({
  at: z.number(),
  actionId: z.string(),
  type: z.string(),
  paramsSummary: z.string(),
  status: z.string(),
  code: z.string().nullable(),
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
  backendUrl: z.string().nullable(),
  signedIn: z.boolean(),
  account: accountSchema.nullable(),
  boundAccount: accountSchema.nullable(),
  pause: z.object({ until: z.number(), reason: pauseReasonSchema }).nullable(),
  limits: z.array(bucketLimitSchema),
  queue: z.object({ running: z.number(), outbox: z.number(), queuedAtBackend: z.number().nullable() }),
  /** The actions in hand, waiting for approval first, then in the order they go out. */
  inHand: z.array(inHandItemSchema),
  approvals: approvalsViewSchema,
  recent: z.array(auditViewSchema),
  lastError: z.string().nullable(),
  /** Action types suspended because LinkedIn changed an endpoint (as the heartbeat reports them), with the next re-check. */
  suspended: z.array(suspensionSchema.extend({ recheckAt: z.string() })),
  /** A background tab was needed and the user has not said whether one may be opened: ask (once). */
  askBackgroundTab: z.boolean(),
  now: z.number(),
});
export type StatusView = z.infer<typeof statusViewSchema>;

const limitPairSchema = z.object({ day: z.number().optional(), week: z.number().optional() });

export const settingsViewSchema = z.object({
  backendUrl: z.string().nullable(),
  token: z.string().nullable(),
  allowBackgroundTab: z.boolean().nullable(),
  approvalMode: z.boolean(),
  limits: z.partialRecord(bucketSchema, limitPairSchema),
  defaults: z.record(bucketSchema, limitPairSchema),
  ceilings: z.record(bucketSchema, limitPairSchema),
  workingHours: workingHoursSchema.nullable(),
  spacingSeconds: z.number(),
  warmupStartedAt: z.number().nullable(),
  /** Shown next to the warm-up switch while it is off (new or long-idle account). */
  warmupAdvice: z.string().nullable(),
  boundAccount: accountSchema.nullable(),
  signedInAccount: accountSchema.nullable(),
  /** What the organisation's policy sets (read-only on the options page), and the policy values it ignored. */
  policy: z.object({
    locked: z.array(z.enum(['backendUrl', 'token', 'allowBackgroundTab', 'approvalMode'])),
    limits: z.partialRecord(bucketSchema, limitPairSchema),
    problems: z.array(z.string()),
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
  code: z.string().nullable(),
  message: z.string(),
  httpStatus: z.number().nullable(),
  mutated: z.boolean(),
  linkedinRequests: z.number(),
  account: z.string().nullable(),
  /** Who approved or rejected the action, and when (actions that waited for approval only). */
  approval: z.optional(approvalAuditSchema),
  /** The chain link: exports carry both, so a complete export can be verified outside the browser. */
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

/** diagnostics/probes.ts `ProbeResult` on the wire (the router's handler type keeps the two in step). */
export const probeResultSchema = z.object({
  endpoint: z.string(),
  variant: z.string().optional(),
  status: z.enum(['ok', 'changed', 'failed', 'skipped']),
  httpStatus: z.number().nullable(),
  unexpected: z.array(z.string()),
  note: z.string().optional(),
});

export type CheckField = 'profile' | 'company' | 'post';
/** How an error names each Check LinkedIn input. */
export const CHECK_FIELD_NAMES: Record<CheckField, string> = {
  profile: 'Profile',
  company: 'Company page',
  post: 'Post',
};

export type CheckInputsResult =
  | { ok: true; inputs: ProbeInputs }
  | { ok: false; errors: { field: CheckField; message: string }[] };

/**
 * Parses the Check LinkedIn inputs; blank means "not given". Shared so that
 * the page refuses a bad value before sending and the worker never trusts it.
 */
export function parseCheckInputs(raw: Partial<Record<CheckField, string>>): CheckInputsResult {
  const errors: { field: CheckField; message: string }[] = [];
  const read = <T>(field: CheckField, parse: (input: unknown) => ParseResult<T>): T | null => {
    const text = raw[field]?.trim();
    if (!text) return null;
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    errors.push({ field, message: `${CHECK_FIELD_NAMES[field]}: ${parsed.reason}` });
    return null;
  };
  const inputs: ProbeInputs = {
    profile: read('profile', parseProfile),
    company: read('company', parseCompany),
    post: read('post', parsePost),
  };
  return errors.length === 0 ? { ok: true, inputs } : { ok: false, errors };
}

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
  'audit/query': z.object({ rows: z.array(auditRowSchema), nextBefore: z.number().nullable(), total: z.number() }),
  'linkedin/check': z.object({
    results: z.array(probeResultSchema),
    stoppedBy: z.string().nullable(),
    checkedAt: z.string(),
  }),
  'linkedin/recheck': z.object({ checked: z.number(), stillSuspended: z.array(z.string()) }),
  'approval/decide': z.object({ outcome: approvalDecisionReplySchema, status: statusViewSchema }),
} satisfies Record<Request['type'], z.ZodType>;

export type ReplyData<T extends Request['type']> = z.infer<(typeof replySchemas)[T]>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { message: string; field?: string } };
