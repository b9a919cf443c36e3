/** Turning domain answers and validation failures into HTTP responses, one envelope for every error. */
import type { Context } from 'hono';
import type { core } from 'zod';
import type { Answer } from '../domain/deps';

export function toResponse(answer: Answer): Response {
  const body = answer.rawBody ?? JSON.stringify(answer.body);
  return new Response(body, {
    status: answer.status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers },
  });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return toResponse({ status, body: { error: { code, message, ...extra } }, headers });
}

/**
 * The first zod issue as `field` + message. Unknown keys are reported on the
 * key itself (`notee`), not on the object holding it.
 */
export function describeZodError(
  error: core.$ZodError,
  target: string,
): { field: string | undefined; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: undefined, message: 'invalid request' };
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') path.push(issue.keys[0] ?? '');
  const field = path.join('.') || undefined;
  const where = target === 'query' ? 'query parameter ' : target === 'header' ? 'header ' : '';
  if (issue.code === 'unrecognized_keys') return { field, message: `${where}${field ?? ''}: unknown field` };
  if (field === undefined)
    return { field, message: target === 'json' ? 'the body must be a JSON object' : issue.message };
  return { field, message: `${where}${field}: ${issue.message}` };
}

/** The hook every validated route uses: a failed validation is `400 invalid_request` naming the field. */
export function validationHook(
  result: { success: true } | { success: false; error: core.$ZodError; target: string },
  _c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const { field, message } = describeZodError(result.error, result.target);
  return errorResponse(400, 'invalid_request', message, field === undefined ? {} : { field });
}
