/**
 * The public API's request and answer shapes (outbound-api.md), in zod: the
 * routes validate with them and /openapi.json is generated from them. They
 * check the shape (known fields, JSON types); the meaning of each param is
 * then checked by contract/params.ts, the code the executor itself runs.
 */
import { z } from '@hono/zod-openapi';
import { ACTION_TYPES, type ActionType } from '../../contract/protocol';
import { COMMENTARY_MAX, COMMENT_MAX, MESSAGE_MAX, NOTE_MAX, REACTION_TYPES } from '../../contract/params';

const profile = z.string().openapi({
  description: 'A vanity slug, profile URL, urn:li:fsd_profile:… / urn:li:member:… URN or a bare ACoA… id',
  example: 'jdoe',
});
const company = z
  .union([z.string(), z.number()])
  .openapi({ description: 'A numeric id, urn:li:fsd_company:…, urn:li:company:… or a company URL', example: '1441' });
const text = (max: number) =>
  z.string().openapi({ description: `Trimmed, 1..${max} UTF-16 code units, at least one visible character` });
const optionalText = (max: number) =>
  z
    .string()
    .nullable()
    .optional()
    .openapi({ description: `Optional; trimmed; at most ${max} UTF-16 code units` });

/** Fields every create body may carry besides the action's params. */
export const commonFields = {
  account: z.string().min(1).max(200).optional().openapi({
    description:
      "The executor's LinkedIn account (vanity slug or urn:li:fsd_profile:…); default: the workspace's only or oldest executor",
  }),
  callbackUrl: z
    .string()
    .max(2000)
    .refine((s) => URL.canParse(s) && new URL(s).protocol === 'https:', { message: 'must be an https:// URL' })
    .optional()
    .openapi({ description: 'An https:// URL that receives the final action (signed, see Webhooks)' }),
};

export const bodies = {
  connect: z.strictObject({ profile, note: optionalText(NOTE_MAX), ...commonFields }),
  withdraw: z.strictObject({
    invitationUrn: z.string().optional().openapi({ example: 'urn:li:fsd_invitation:123' }),
    profile: profile.optional(),
    ...commonFields,
  }),
  message: z.strictObject({ profile, text: text(MESSAGE_MAX), ...commonFields }),
  react: z.strictObject({
    reaction: z
      .string()
      .openapi({ description: `One of ${REACTION_TYPES.join(', ')} (or FUNNY), any case`, example: 'LIKE' }),
    ...commonFields,
  }),
  unreact: z.strictObject({ ...commonFields }),
  comment: z.strictObject({ text: text(COMMENT_MAX), ...commonFields }),
  share: z.strictObject({ commentary: optionalText(COMMENTARY_MAX), ...commonFields }),
  save: z.strictObject({ ...commonFields }),
  unsave: z.strictObject({ ...commonFields }),
  follow_member: z.strictObject({ profile, ...commonFields }),
  unfollow_member: z.strictObject({ profile, ...commonFields }),
  follow_company: z.strictObject({ company, ...commonFields }),
  unfollow_company: z.strictObject({ company, ...commonFields }),
} satisfies Record<ActionType, z.ZodObject>;

/** Where each type is created; `{post}` is one path segment. */
export const CREATE_PATHS: Record<ActionType, string> = {
  connect: '/v1/outbound/connections',
  withdraw: '/v1/outbound/connections/withdraw',
  message: '/v1/outbound/messages',
  react: '/v1/outbound/posts/{post}/reactions',
  unreact: '/v1/outbound/posts/{post}/reactions/remove',
  comment: '/v1/outbound/posts/{post}/comments',
  share: '/v1/outbound/posts/{post}/shares',
  save: '/v1/outbound/posts/{post}/save',
  unsave: '/v1/outbound/posts/{post}/save/remove',
  follow_member: '/v1/outbound/follows/member',
  unfollow_member: '/v1/outbound/follows/member/remove',
  follow_company: '/v1/outbound/follows/company',
  unfollow_company: '/v1/outbound/follows/company/remove',
};

export const postParam = z.object({
  post: z.string().openapi({
    param: { name: 'post', in: 'path' },
    description: 'A numeric activity id, or a URL-encoded post URN or post URL',
    example: '7123456789012345678',
  }),
});
export const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'act_0123' }) });

export const STATUSES = ['queued', 'leased', 'succeeded', 'failed', 'refused', 'cancelled'] as const;

export const listQuery = z.strictObject({
  status: z.enum(STATUSES).optional(),
  type: z.enum(ACTION_TYPES).optional(),
  account: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const resultSchema = z
  .object({
    status: z.string(),
    code: z.string().nullable(),
    message: z.string(),
    output: z.record(z.string(), z.unknown()),
    finishedAt: z.string(),
  })
  .openapi('ActionResult');

export const actionSchema = z
  .object({
    id: z.string(),
    type: z.enum(ACTION_TYPES),
    params: z.record(z.string(), z.unknown()),
    status: z.enum(STATUSES),
    account: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    attempts: z.number().int(),
    result: resultSchema.nullable(),
    nextAttemptAt: z.string().nullable(),
  })
  .openapi('Action');

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
      nextAvailableAt: z.string().optional(),
      action: actionSchema.optional(),
    }),
  })
  .openapi('Error');

export const listSchema = z
  .object({ actions: z.array(actionSchema), nextCursor: z.string().nullable() })
  .openapi('ActionList');

export const executorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    account: z.object({ memberUrn: z.string(), publicIdentifier: z.string().nullable() }).nullable(),
    lastHeartbeatAt: z.string().nullable(),
    online: z.boolean(),
    state: z.string().nullable(),
    pausedUntil: z.string().nullable(),
    pauseReason: z.string().nullable(),
    limits: z.array(z.record(z.string(), z.unknown())),
    approvals: z.record(z.string(), z.unknown()).nullable(),
    suspended: z.array(z.record(z.string(), z.unknown())),
    createdAt: z.string(),
  })
  .openapi('Executor');

export const createHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Replays the first answer for 24 h' }),
  prefer: z.string().optional().openapi({
    description: 'wait=N: hold the request up to N (≤ 60) seconds for the final result',
    example: 'wait=30',
  }),
});
