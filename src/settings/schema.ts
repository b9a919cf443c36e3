/**
 * User settings: what the options page edits. Pure: validation only.
 * Stored in chrome.storage.local (never sync), see store.ts.
 */
import { MESSAGE_SPACING_MS, SPACING_SECONDS } from '../safety/decide';
import { sha256Hex } from '../store/sha256';
import { SECOND } from '../time';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The backend is an https:// origin, or http on loopback for local use.
 * Returns the origin (scheme://host[:port]) without a trailing slash.
 */
export function parseBackendUrl(input: string): ParseResult<string> {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'Backend URL is required.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `"${text}" is not a URL. Example: https://backend.example.com` };
  }
  if (url.username || url.password)
    return { ok: false, reason: 'Backend URL must not contain a user name or password.' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `Backend URL must start with https:// (got ${url.protocol}//).` };
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    return {
      ok: false,
      reason: 'Backend URL must be an origin only (no path, query or fragment), e.g. https://backend.example.com',
    };
  }
  if (url.protocol === 'https:') return { ok: true, value: url.origin };
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (loopback && url.port) return { ok: true, value: url.origin };
  return {
    ok: false,
    reason: 'Plain http:// is allowed only for http://127.0.0.1:PORT or http://localhost:PORT; use https:// otherwise.',
  };
}

export function parseToken(input: string): ParseResult<string> {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'Executor token is required.' };
  if (text.length > 4096) return { ok: false, reason: 'Executor token is too long (at most 4096 characters).' };
  if (!/^[\x21-\x7e]+$/.test(text)) {
    return { ok: false, reason: 'Executor token may hold only printable ASCII characters, without spaces.' };
  }
  return { ok: true, value: text };
}

/** The user's base spacing: whole seconds, from the protocol's 30 s floor up to an hour. */
export function checkSpacing(seconds: number): string | null {
  const { min, max } = SPACING_SECONDS;
  if (!Number.isInteger(seconds) || seconds < min || seconds > max) {
    return `Seconds between actions: enter a whole number from ${min} to ${max} (${min} s is the floor; a message always waits at least ${MESSAGE_SPACING_MS / SECOND} s).`;
  }
  return null;
}

/** A hash of the backend connection (URL and token): what "the backend rejected the token" is remembered against. */
export function connectionFingerprint(backendUrl: string | null, token: string | null): string {
  return sha256Hex(`outbound-executor/connection\u0000${backendUrl ?? ''}\u0000${token ?? ''}`);
}

/** True for a value connectionFingerprint can have written; anything else (an old plain copy of the token) is dropped. */
export function isConnectionFingerprint(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
