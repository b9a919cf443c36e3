/**
 * What every LinkedIn reference parser shares (executor-protocol.md, "Action
 * types and params"): the result type, the size cap, trimming, one-time
 * percent-decoding, slug rules and linkedin.com URL paths. Every function
 * here is linear in its input.
 */

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = <T>(reason: string): ParseResult<T> => ({ ok: false, reason });

/** Quote user input in a reason, short and with control characters escaped. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

function describeType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

/**
 * The longest reference any parser looks at. Real ones are well under 1 kB
 * (a post URL with tracking parameters included); the cap is checked before
 * any parsing so that no regular expression, URL parser or decoder ever sees
 * a megabyte of input from the backend (a retried action would block every pass).
 */
export const MAX_REFERENCE_LENGTH = 4096;

/** The trimmed string, or why the input is not a usable string. */
export function trimmedString(input: unknown): ParseResult<string> {
  if (input === undefined) return fail('is required');
  if (typeof input !== 'string') return fail(`must be a string, got ${describeType(input)}`);
  if (input.length > MAX_REFERENCE_LENGTH)
    return fail(`is too long: ${input.length} characters, at most ${MAX_REFERENCE_LENGTH}`);
  const s = input.trim();
  return s === '' ? fail('must not be empty') : ok(s);
}

/**
 * Percent-decode exactly once. Stray `%` and byte sequences that are not
 * UTF-8 are refused rather than guessed at.
 */
export function decodeOnce(s: string, what: string): ParseResult<string> {
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return fail(`${what} contains invalid percent-encoding`);
  try {
    return ok(decodeURIComponent(s));
  } catch {
    return fail(`${what} contains invalid percent-encoding`);
  }
}

// Slugs

// Marks (\p{M}) are allowed too: scripts such as Devanagari cannot spell a
// name with letters alone, and NFD input carries its accents as marks.
const PROFILE_SLUG_CHARS = /^[\p{L}\p{M}\p{N}_-]+$/u;
// Company universal names may also hold dots (e.g. /company/booking.com/).
const COMPANY_SLUG_CHARS = /^[\p{L}\p{M}\p{N}._-]+$/u;

interface SlugRules {
  chars: RegExp;
  allowed: string;
  min: number;
  max: number;
}

export const PROFILE_SLUG: SlugRules = {
  chars: PROFILE_SLUG_CHARS,
  allowed: 'letters, digits, - and _',
  min: 3,
  max: 100,
};
// Company names as short as two characters exist (/company/hp/, /company/3m/).
export const COMPANY_SLUG: SlugRules = {
  chars: COMPANY_SLUG_CHARS,
  allowed: 'letters, digits, ., - and _',
  min: 2,
  max: 100,
};

/**
 * Decode once, then check the decoded slug against the rules. `hint` follows
 * a complaint about characters: bare input with odd characters may not have
 * been meant as a slug at all, so the reason also names the accepted forms.
 */
export function parseSlug(raw: string, rules: SlugRules, hint = ''): ParseResult<string> {
  const decoded = decodeOnce(raw, 'slug');
  if (!decoded.ok) return decoded;
  const slug = decoded.value;
  const suffix = hint === '' ? '' : `; ${hint}`;
  if (/\s/u.test(slug)) return fail(`slug ${quote(slug)} must not contain spaces${suffix}`);
  if (slug.includes('/')) return fail(`slug ${quote(slug)} must not contain "/"${suffix}`);
  const bad = [...slug].find((ch) => !rules.chars.test(ch));
  if (bad !== undefined)
    return fail(`slug ${quote(slug)} may contain only ${rules.allowed} (found ${quote(bad)})${suffix}`);
  // Length in code points, as LinkedIn counts characters, not UTF-16 units.
  const length = [...slug].length;
  if (length < rules.min || length > rules.max) {
    return fail(`slug must be ${rules.min}..${rules.max} characters, got ${length}`);
  }
  return ok(slug);
}

/** Encode a decoded slug for a URL query/path exactly once. */
export function encodeSlug(slug: string): string {
  return encodeURIComponent(slug);
}

// URLs

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// A host-looking start ("linkedin.com/...", "evil.com/in/x") means a URL without
// a scheme; a lone "j.doe" stays a (bad) slug so the reason talks about the slug.
const SCHEMELESS_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$)/i;

export function looksLikeUrl(s: string): boolean {
  const host = SCHEMELESS_HOST.exec(s);
  if (host !== null) return /[/?#]$/.test(host[0]) || /linkedin\.com/i.test(s);
  return URL_SCHEME.test(s) || s.startsWith('/');
}

/**
 * Path segments (still percent-encoded) of a linkedin.com URL. Accepts a
 * missing scheme and a bare path ("/in/jdoe"), which can only mean LinkedIn.
 */
export function linkedInPath(s: string, what: string): ParseResult<string[]> {
  let text = s;
  if (s.startsWith('//')) text = `https:${s}`;
  else if (s.startsWith('/')) text = `https://www.linkedin.com${s}`;
  // Host first: "linkedin.com:443/in/x" would otherwise read as scheme "linkedin.com".
  else if (SCHEMELESS_HOST.test(s) || !URL_SCHEME.test(s)) text = `https://${s}`;
  const scheme = URL_SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    return fail(`not a LinkedIn ${what} URL: scheme "${scheme ?? ''}:" is not http or https`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`not a LinkedIn ${what} URL: ${quote(s)} is not a valid URL`);
  }
  // URL lower-cases the host and turns IDN hosts into punycode, so a plain
  // suffix check cannot be fooled by look-alike letters.
  const host = url.hostname;
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) {
    return fail(`not a LinkedIn ${what} URL: host "${host}" is not linkedin.com`);
  }
  // "https://evil.com@www.linkedin.com/..." reads as something else to a human.
  if (url.username !== '' || url.password !== '') {
    return fail(`not a LinkedIn ${what} URL: it must not contain a user name or password`);
  }
  return ok(url.pathname.split('/').filter((seg) => seg !== ''));
}

export function showPath(segments: string[]): string {
  return quote(`/${segments.join('/')}${segments.length > 0 ? '/' : ''}`);
}

// URNs

/** "urn%3Ali%3A..." pasted from a URL: decode it once so the URN rules apply. */
export function decodedUrn(s: string): string {
  if (!/^urn%3a/i.test(s)) return s;
  const decoded = decodeOnce(s, 'URN');
  return decoded.ok ? decoded.value : s;
}

export function urnType(s: string): string {
  return /^(urn:[^:]*:[^:]*):?/.exec(s)?.[1] ?? 'urn';
}
