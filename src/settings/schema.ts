/**
 * User settings: what the options page edits. Pure: validation only.
 * Stored in chrome.storage.local (never sync), see store.ts.
 */
import type { ConnectionProblem, SafetyProblem } from '../shared/problem';
import { MESSAGE_SPACING_MS, SPACING_SECONDS } from '../safety/decide';
import { workingHoursSchema, type WorkingHours } from '../safety/working-hours';
import { sha256Hex } from '../store/sha256';
import { SECOND } from '../time';

/** A value, or why it was refused (the page words the problem, see shared/problem.ts). */
export type ParseResult<T, P = ConnectionProblem> = { ok: true; value: T } | { ok: false; problem: P };

const TOKEN_MAX_LENGTH = 4096;

/**
 * The backend is an https:// origin, or http on loopback for local use.
 * Returns the origin (scheme://host[:port]) without a trailing slash.
 */
export function parseBackendUrl(input: string): ParseResult<string> {
  const text = input.trim();
  if (!text) return { ok: false, problem: { key: 'problemUrlRequired' } };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: { key: 'problemUrlNotUrl', text } };
  }
  if (url.username || url.password) return { ok: false, problem: { key: 'problemUrlCredentials' } };
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, problem: { key: 'problemUrlScheme', scheme: url.protocol } };
  if (url.pathname !== '/' || url.search || url.hash) return { ok: false, problem: { key: 'problemUrlNotOrigin' } };
  if (url.protocol === 'https:') return { ok: true, value: url.origin };
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (loopback && url.port) return { ok: true, value: url.origin };
  return { ok: false, problem: { key: 'problemUrlPlainHttp' } };
}

export function parseToken(input: string): ParseResult<string> {
  const text = input.trim();
  if (!text) return { ok: false, problem: { key: 'problemTokenRequired' } };
  if (text.length > TOKEN_MAX_LENGTH)
    return { ok: false, problem: { key: 'problemTokenTooLong', max: TOKEN_MAX_LENGTH } };
  if (!/^[\x21-\x7e]+$/.test(text)) return { ok: false, problem: { key: 'problemTokenCharacters' } };
  return { ok: true, value: text };
}

/** The user's base spacing: whole seconds, from the protocol's 30 s floor up to an hour. */
export function checkSpacing(seconds: number): SafetyProblem | null {
  const { min, max } = SPACING_SECONDS;
  if (!Number.isInteger(seconds) || seconds < min || seconds > max)
    return { key: 'problemSpacingRange', min, max, messageMin: MESSAGE_SPACING_MS / SECOND };
  return null;
}

/** The schema's issue messages (safety/working-hours.ts) that name a problem of their own, besides the zone. */
const WORKING_HOURS_ISSUES = ['problemWhNoDays', 'problemWhBadTime', 'problemWhSameTimes'] as const;

/** Working hours as a page sent them (null: off), or the first problem and the field it concerns. */
export function checkWorkingHours(
  raw: unknown,
): { ok: true; value: WorkingHours | null } | { ok: false; field: string; problem: SafetyProblem } {
  if (raw === null) return { ok: true, value: null };
  const parsed = workingHoursSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = `workingHours.${issue?.path.join('.') ?? ''}`;
  const message = issue?.message ?? '';
  if (message === 'problemWhUnknownZone') {
    const zone = typeof raw === 'object' && raw !== null && 'timeZone' in raw ? String(raw.timeZone) : '';
    return { ok: false, field, problem: { key: 'problemWhUnknownZone', zone } };
  }
  const key = WORKING_HOURS_ISSUES.find((k) => k === message) ?? 'problemWhInvalid';
  return { ok: false, field, problem: { key } };
}

/** A hash of the backend connection (URL and token): what "the backend rejected the token" is remembered against. */
export function connectionFingerprint(backendUrl: string | null, token: string | null): string {
  return sha256Hex(`outbound-executor/connection\u0000${backendUrl ?? ''}\u0000${token ?? ''}`);
}

/** True for a value connectionFingerprint can have written; anything else (an old plain copy of the token) is dropped. */
export function isConnectionFingerprint(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
