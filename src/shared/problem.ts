/**
 * What went wrong, as data for a page to word: a catalogue key (`public/_locales`) and its typed
 * substitutions, e.g. `{ key: 'problemLimitAboveCeiling', bucket: 'follows', window: 'day',
 * value: 500, max: 200 }`. The service worker and the pure modules it runs (settings validation,
 * the policy's parse, Check LinkedIn) report problems this way and never build a sentence; the
 * page says it in the user's language (ui/shared/problem-text.ts). The schemas are the pages'
 * (they parse every answer, see replies.ts); the worker imports the types only.
 */
import { z } from '../../contract/zod';
import { bucketSchema } from '../../contract/protocol';

const windowSchema = z.enum(['day', 'week']);
const plain = <const K extends string>(key: K) => z.object({ key: z.literal(key) });

/** The Check LinkedIn inputs, as the options page names them. */
export const CHECK_FIELDS = ['profile', 'company', 'post'] as const;
export type CheckField = (typeof CHECK_FIELDS)[number];

/** A backend URL or executor token refused (settings/schema.ts). */
const connectionProblems = [
  plain('problemUrlRequired'),
  z.object({ key: z.literal('problemUrlNotUrl'), text: z.string() }),
  plain('problemUrlCredentials'),
  z.object({ key: z.literal('problemUrlScheme'), scheme: z.string() }),
  plain('problemUrlNotOrigin'),
  plain('problemUrlPlainHttp'),
  plain('problemTokenRequired'),
  z.object({ key: z.literal('problemTokenTooLong'), max: z.number() }),
  plain('problemTokenCharacters'),
] as const;
export const connectionProblemSchema = z.discriminatedUnion('key', connectionProblems);

/** A safety setting refused: limits (safety/limits.ts, the policy's caps), spacing, working hours. */
const safetyProblems = [
  z.object({ key: z.literal('problemLimitUnknownBucket'), bucket: z.string() }),
  z.object({ key: z.literal('problemLimitNoWindow'), bucket: bucketSchema, window: windowSchema }),
  z.object({ key: z.literal('problemLimitNotWhole'), bucket: bucketSchema, window: windowSchema }),
  z.object({
    key: z.literal('problemLimitAboveCeiling'),
    bucket: bucketSchema,
    window: windowSchema,
    value: z.number(),
    max: z.number(),
  }),
  z.object({
    key: z.literal('problemLimitAbovePolicy'),
    bucket: bucketSchema,
    window: windowSchema,
    value: z.number(),
    cap: z.number(),
  }),
  z.object({ key: z.literal('problemSpacingRange'), min: z.number(), max: z.number(), messageMin: z.number() }),
  plain('problemWhNoDays'),
  plain('problemWhBadTime'),
  plain('problemWhSameTimes'),
  z.object({ key: z.literal('problemWhUnknownZone'), zone: z.string() }),
  plain('problemWhInvalid'),
] as const;

/** A policy value the extension ignored (settings/managed.ts); `name` is the policy's key, as the administrator wrote it. */
const policyProblems = [
  z.object({ key: z.literal('problemPolicyUnknownKey'), name: z.string() }),
  z.object({ key: z.literal('problemPolicyNotString'), name: z.string() }),
  z.object({ key: z.literal('problemPolicyIgnored'), name: z.string(), problem: connectionProblemSchema }),
  plain('problemPolicyLimitsNotObject'),
  z.object({ key: z.literal('problemPolicyUnknownBucket'), bucket: z.string() }),
  z.object({ key: z.literal('problemPolicyLimitsNotWhole'), bucket: bucketSchema }),
  z.object({ key: z.literal('problemPolicyNoWindow'), bucket: bucketSchema, window: windowSchema }),
  z.object({ key: z.literal('problemPolicyNotBoolean'), name: z.string() }),
] as const;
export const policyProblemSchema = z.discriminatedUnion('key', policyProblems);

/** Why Check LinkedIn (or "Check again") asked LinkedIn nothing. `reason` is the contract's parser's, as it is. */
const checkProblems = [
  z.object({ key: z.literal('problemCheckInput'), field: z.enum(CHECK_FIELDS), reason: z.string() }),
  plain('problemCheckSignedOut'),
  plain('problemCheckNoViewer'),
  plain('problemCheckNoTab'),
  plain('problemCheckNotSent'),
  plain('problemHoldChallenge'),
  plain('problemHoldRateLimited'),
] as const;

/** Any request: refused, not understood, or failed; the last two come from the page's own messaging (send.ts). */
const requestProblems = [
  plain('problemResumeNeedsConfirm'),
  plain('problemNotOwnPage'),
  z.object({ key: z.literal('problemBadRequest'), path: z.string() }),
  z.object({ key: z.literal('problemUnexpected'), detail: z.string() }),
  z.object({ key: z.literal('problemNoAnswer'), detail: z.string() }),
  plain('problemBadAnswer'),
] as const;

export const problemSchema = z.discriminatedUnion('key', [
  ...connectionProblems,
  ...safetyProblems,
  ...policyProblems,
  ...checkProblems,
  ...requestProblems,
]);

/** A refused request's error: what went wrong (at least one problem), and the form field at fault. */
export const replyErrorSchema = z.object({ problems: z.array(problemSchema), field: z.optional(z.string()) });

export type Problem = z.infer<typeof problemSchema>;
export type ProblemKey = Problem['key'];
export type ConnectionProblem = z.infer<(typeof connectionProblems)[number]>;
export type SafetyProblem = z.infer<(typeof safetyProblems)[number]>;
export type PolicyProblem = z.infer<(typeof policyProblems)[number]>;
export type CheckProblem = z.infer<(typeof checkProblems)[number]>;
export type ReplyError = z.infer<typeof replyErrorSchema>;
