/**
 * Exact-shape checks for request bodies: a missing or extra key, or a value
 * of the wrong kind, is a 400 naming the key (`body.message.originToken`).
 */
import { badRequest } from './http';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object with exactly the `required` keys, plus any of `optional`. */
export function exactObject(
  v: unknown,
  at: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Record<string, unknown> {
  if (!isRecord(v)) throw badRequest(`${at} must be an object`);
  for (const key of required) if (!(key in v)) throw badRequest(`missing key: ${at}.${key}`);
  for (const key of Object.keys(v)) {
    if (!required.includes(key) && !optional.includes(key)) throw badRequest(`unexpected key: ${at}.${key}`);
  }
  return v;
}

export function string(v: unknown, at: string, opts: { min?: number; max?: number; pattern?: RegExp } = {}): string {
  if (typeof v !== 'string') throw badRequest(`${at} must be a string`);
  if (opts.min !== undefined && v.length < opts.min) throw badRequest(`${at} must be at least ${opts.min} characters`);
  if (opts.max !== undefined && v.length > opts.max) throw badRequest(`${at} must be at most ${opts.max} characters`);
  if (opts.pattern && !opts.pattern.test(v)) throw badRequest(`${at} has an unexpected format`);
  return v;
}

export function boolean(v: unknown, at: string): boolean {
  if (typeof v !== 'boolean') throw badRequest(`${at} must be a boolean`);
  return v;
}

export function literal<T extends string | number | boolean>(v: unknown, at: string, expected: T): T {
  if (v !== expected) throw badRequest(`${at} must be ${JSON.stringify(expected)}`);
  return expected;
}

export function emptyArray(v: unknown, at: string): void {
  if (!Array.isArray(v) || v.length !== 0) throw badRequest(`${at} must be []`);
}

export function oneOf<T extends string>(v: unknown, at: string, values: readonly T[]): T {
  const hit = values.find((x) => x === v);
  if (hit === undefined) throw badRequest(`${at} must be one of ${values.join(', ')}`);
  return hit;
}

/** `{"patch":{"$set":{<key>: boolean}}}` → the boolean. */
export function patchSet(body: unknown, key: string): boolean {
  const patch = exactObject(exactObject(body, 'body', ['patch']).patch, 'body.patch', ['$set']);
  const set = exactObject(patch.$set, 'body.patch.$set', [key]);
  return boolean(set[key], `body.patch.$set.${key}`);
}
