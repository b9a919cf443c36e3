/**
 * The typed protocol between the extension's pages (popup, options) and the
 * service worker, which owns all data. Zod-validated on both sides; replies
 * are `{ ok: true, data }` or `{ ok: false, error }`.
 */
import { z } from '../../contract/zod';
import { parseCompany, parsePost, parseProfile, type ParseResult } from '../../contract/inputs';
import type { ProbeInputs } from '../diagnostics/probes';
import { bucketSchema } from '../../contract/protocol';
import { auditFilterSchema } from './audit-filter';
import { approvalDecisionRequestSchema } from './approval-view';
import type { CheckField, CheckProblem, ReplyError } from './problem';

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status/get') }),
  z.object({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('settings/saveConnection'), backendUrl: z.string(), token: z.string() }),
  z.object({ type: z.literal('executor/pause') }),
  z.object({ type: z.literal('executor/resume'), confirmEarlyChallengeResume: z._default(z.boolean(), false) }),
  z.object({ type: z.literal('executor/pumpNow') }),
  z.object({
    type: z.literal('settings/saveSafety'),
    limits: z.partialRecord(bucketSchema, z.object({ day: z.optional(z.number()), week: z.optional(z.number()) })),
    workingHours: z.nullable(z.unknown()),
    spacingSeconds: z.number(),
    warmup: z.boolean(),
    /** null: the user has not decided (the popup's question stays open). */
    allowBackgroundTab: z.nullable(z.boolean()),
    /** "Ask me before sending words in my name"; absent: unchanged. */
    approvalMode: z.optional(z.boolean()),
  }),
  /** The popup's one-time question: may a LinkedIn tab be opened in the background? */
  z.object({ type: z.literal('settings/backgroundTab'), allow: z.boolean() }),
  z.object({ type: z.literal('settings/testConnection'), backendUrl: z.string(), token: z.string() }),
  z.object({ type: z.literal('account/rebind'), confirm: z.literal(true) }),
  z.object({ type: z.literal('data/reset'), confirm: z.literal(true) }),
  z.object({
    type: z.literal('audit/query'),
    filter: auditFilterSchema,
    before: z.nullable(z.number()),
    limit: z.int().check(z.gte(1), z.lte(5000)),
  }),
  /** Check LinkedIn (options): read-only probes; each input optional, as typed (the worker parses it again). */
  z.object({
    type: z.literal('linkedin/check'),
    profile: z.optional(z.string().check(z.maxLength(2048))),
    company: z.optional(z.string().check(z.maxLength(2048))),
    post: z.optional(z.string().check(z.maxLength(2048))),
  }),
  /** "Check again" (popup): re-check every suspended action type now. */
  z.object({ type: z.literal('linkedin/recheck') }),
  /** Approve or reject actions waiting in the approval queue. */
  approvalDecisionRequestSchema,
]);
export type Request = z.infer<typeof requestSchema>;

// The answers' schemas live in replies.ts: only the pages parse them, so the worker's bundle does not carry them.
export type { AuditRow, ReplyData, SettingsView, StatusView } from './replies';

export type { CheckField } from './problem';

/** A Check LinkedIn input the contract's parser refused: its field, and the parser's reason as it is. */
export type CheckInputProblem = Extract<CheckProblem, { key: 'problemCheckInput' }>;

export type CheckInputsResult = { ok: true; inputs: ProbeInputs } | { ok: false; errors: CheckInputProblem[] };

/**
 * Parses the Check LinkedIn inputs; blank means "not given". Shared so that
 * the page refuses a bad value before sending and the worker never trusts it.
 */
export function parseCheckInputs(raw: Partial<Record<CheckField, string>>): CheckInputsResult {
  const errors: CheckInputProblem[] = [];
  const read = <T>(field: CheckField, parse: (input: unknown) => ParseResult<T>): T | null => {
    const text = raw[field]?.trim();
    if (!text) return null;
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    errors.push({ key: 'problemCheckInput', field, reason: parsed.reason });
    return null;
  };
  const inputs: ProbeInputs = {
    profile: read('profile', parseProfile),
    company: read('company', parseCompany),
    post: read('post', parsePost),
  };
  return errors.length === 0 ? { ok: true, inputs } : { ok: false, errors };
}

/** A refused request says what went wrong as problems (shared/problem.ts): the page words them. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };
