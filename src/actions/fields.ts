/**
 * Zod fields for action params, built on the pure parsers in inputs.ts, so
 * that an invalid value yields `params.<field>: <specific reason>`.
 */
import { z } from 'zod';
import {
  parseCompany,
  parseInvitationUrn,
  parsePost,
  parseProfile,
  type ParseResult,
} from './inputs';

function fromParser<T>(parse: (input: unknown) => ParseResult<T>) {
  return z.unknown().transform((value, ctx): T => {
    const result = parse(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    }
    return result.value;
  });
}

export const profileField = fromParser(parseProfile);
export const postField = fromParser(parsePost);
export const companyField = fromParser(parseCompany);
export const invitationField = fromParser(parseInvitationUrn);

/** Trimmed text with bounds on its length after trimming. */
export function textField(min: number, max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .transform((s) => s.trim())
    .refine((s) => s.length >= min, { message: min === 1 ? 'must not be empty' : `must be at least ${min} characters` })
    .refine((s) => s.length <= max, { message: `must be at most ${max} characters after trimming` });
}
