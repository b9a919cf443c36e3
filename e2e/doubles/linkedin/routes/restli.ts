/**
 * Rest.li `variables=(key:value)` (D9: the URN inside is URL-encoded once).
 * Checked on the raw query: the parentheses and the colon after the key are
 * literal, the value has no raw `:` or `,` and decodes once to a URN. Raw
 * parentheses inside the value are tolerated: encodeURIComponent leaves them
 * (strict Rest.li would want %28/%29; D9 does not say, so both are accepted).
 */
import { badRequest } from '../http';

export function restliVariable(rawQuery: string, key: string, pattern: RegExp): string {
  const raw =
    rawQuery
      .split('&')
      .find((p) => p.startsWith('variables='))
      ?.slice('variables='.length) ?? '';
  const prefix = `(${key}:`;
  if (!raw.startsWith(prefix) || !raw.endsWith(')'))
    throw badRequest(`variables must be Rest.li (${key}:<encoded urn>)`);
  const inner = raw.slice(prefix.length, -1);
  if (/[,:]/.test(inner)) throw badRequest(`variables.${key} must be URL-encoded once`);
  let value: string;
  try {
    value = decodeURIComponent(inner);
  } catch {
    throw badRequest(`variables.${key} is malformed`);
  }
  if (!pattern.test(value)) throw badRequest(`variables.${key} has an unexpected format`);
  return value;
}
