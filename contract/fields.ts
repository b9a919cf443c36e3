/**
 * Zod fields for action params, built on the pure parsers in inputs.ts, so
 * that an invalid value yields `params.<field>: <specific reason>`.
 */
import { z } from './zod';
import { parseCompany, parseInvitationUrn, parsePost, parseProfile, type ParseResult } from './inputs';

function fromParser<T>(parse: (input: unknown) => ParseResult<T>) {
  return z.pipe(
    z.unknown(),
    z.transform((value, ctx): T => {
      const result = parse(value);
      if (!result.ok) {
        ctx.issues.push({ code: 'custom', message: result.reason, input: value });
        return z.NEVER;
      }
      return result.value;
    }),
  );
}

export const profileField = fromParser(parseProfile);
export const postField = fromParser(parsePost);
export const companyField = fromParser(parseCompany);
export const invitationField = fromParser(parseInvitationUrn);

/**
 * A character a reader can see: not white space, not a control or format
 * character (zero-width spaces and joiners are format characters).
 */
const VISIBLE = /[^\s\p{Cc}\p{Cf}]/u;

/** True when the text holds at least one visible character (executor-protocol.md v1.1). */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

/**
 * Trimmed text, 1..max UTF-16 code units after trimming (as LinkedIn counts:
 * String#length), holding at least one visible character.
 */
export function textField(max: number) {
  return z
    .pipe(
      z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }),
      z.transform((s: string) => s.trim()),
    )
    .check(
      z.refine((s) => s.length >= 1, { message: 'must not be empty' }),
      z.refine((s) => s.length <= max, {
        message: `must be at most ${max} characters (UTF-16 code units) after trimming`,
      }),
      z.refine((s) => s.length === 0 || hasVisibleCharacter(s), {
        message: 'must contain at least one visible character',
      }),
    );
}

/**
 * Optional text (a note, a commentary): trimmed; empty or absent means none
 * (''); otherwise at most `max` UTF-16 code units and at least one visible character.
 */
export function optionalTextField(max: number) {
  return z
    .pipe(
      z.nullish(z.string({ error: 'must be a string' })),
      z.transform((s: string | null | undefined) => (s ?? '').trim()),
    )
    .check(
      z.refine((s) => s.length <= max, {
        message: `must be at most ${max} characters (UTF-16 code units) after trimming`,
      }),
      z.refine((s) => s.length === 0 || hasVisibleCharacter(s), {
        message: 'must contain at least one visible character, or be empty for none',
      }),
    );
}
