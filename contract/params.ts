/**
 * The params of every action type (executor-protocol.md, "Action types and
 * params"), as zod schemas. The one definition both sides validate with: the
 * server refuses with `400 invalid_request` exactly what the executor would
 * refuse as `invalid_action`, naming the same field.
 * Unknown params are stripped (the protocol's forward compatibility); the
 * public API refuses them itself, before these run.
 */
import { z } from './zod';
import { companyField, invitationField, optionalTextField, postField, profileField, textField } from './fields';
import type { ActionType } from './protocol';

export const REACTION_TYPES = ['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT'] as const;
export type ReactionType = (typeof REACTION_TYPES)[number];

/**
 * A reaction name: ASCII letters only, any case (so `lıke` with a dotless ı
 * is refused, not upper-cased into LIKE); FUNNY is an alias of ENTERTAINMENT.
 */
export const reactionField = z.pipe(
  z
    .pipe(
      z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }),
      z.transform((s: string) => s.trim()),
    )
    .check(
      z.refine((s) => /^[A-Za-z]+$/.test(s), {
        message: `must be one of ${REACTION_TYPES.join(', ')} (or FUNNY), in ASCII letters`,
      }),
    ),
  z.pipe(
    z.transform((s: string) => s.toUpperCase()),
    z.pipe(
      z.transform((s: string) => (s === 'FUNNY' ? 'ENTERTAINMENT' : s)),
      z.enum(REACTION_TYPES, { error: `must be one of ${REACTION_TYPES.join(', ')} (or FUNNY)` }),
    ),
  ),
);

export const NOTE_MAX = 300;
export const MESSAGE_MAX = 8000;
export const COMMENT_MAX = 1250;
export const COMMENTARY_MAX = 3000;

export const connectParams = z.object({ profile: profileField, note: optionalTextField(NOTE_MAX) });
export const withdrawParams = z
  .object({ invitationUrn: z.optional(invitationField), profile: z.optional(profileField) })
  .check(
    z.refine((p) => (p.invitationUrn === undefined) !== (p.profile === undefined), {
      message: 'exactly one of invitationUrn or profile is required',
    }),
  );
export const messageParams = z.object({ profile: profileField, text: textField(MESSAGE_MAX) });
export const reactParams = z.object({ post: postField, reaction: reactionField });
export const postParams = z.object({ post: postField });
export const commentParams = z.object({ post: postField, text: textField(COMMENT_MAX) });
export const memberParams = z.object({ profile: profileField });
export const companyParams = z.object({ company: companyField });
export const shareParams = z.object({ post: postField, commentary: optionalTextField(COMMENTARY_MAX) });

/** Every action type's params schema: the list is checked against ACTION_TYPES by its type. */
export const PARAMS_OF = {
  connect: connectParams,
  withdraw: withdrawParams,
  message: messageParams,
  react: reactParams,
  unreact: postParams,
  comment: commentParams,
  follow_member: memberParams,
  unfollow_member: memberParams,
  follow_company: companyParams,
  unfollow_company: companyParams,
  share: shareParams,
  save: postParams,
  unsave: postParams,
} as const satisfies Record<ActionType, z.ZodMiniType>;

export type ParamsOf<T extends ActionType> = z.output<(typeof PARAMS_OF)[T]>;

/** The first problem of a failed parse as `params.<field>: <reason>`, and that field. */
export function describeIssue(error: z.core.$ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = ['params', ...(issue?.path ?? [])].map(String).join('.');
  return { field, message: `${field}: ${issue?.message ?? 'invalid'}` };
}

/** Validates one action's params: the parsed params, or the first problem (the message both the executor and the API give). */
export function validateParams<T extends ActionType>(
  type: T,
  raw: unknown,
): { ok: true; params: ParamsOf<T> } | ({ ok: false } & ReturnType<typeof describeIssue>) {
  const parsed = PARAMS_OF[type].safeParse(raw);
  if (parsed.success) return { ok: true, params: parsed.data as ParamsOf<T> };
  return { ok: false, ...describeIssue(parsed.error) };
}
