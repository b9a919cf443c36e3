/**
 * Pure parsers for the LinkedIn references an action's params may hold
 * (executor-protocol.md, "Action types and params"). Each returns a
 * specific reason on failure; the caller prefixes the field name.
 */

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export type ProfileRef =
  | { kind: 'slug'; slug: string }
  | { kind: 'profile'; urn: string; tail: string }
  | { kind: 'member'; memberId: string };

export type PostRef = { threadUrn: string; kind: 'activity' | 'ugcPost' | 'share'; id: string };

export type CompanyRef = { kind: 'id'; id: string } | { kind: 'slug'; slug: string };

export type InvitationRef = { urn: string; id: string };

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): ParseResult<T> => ({ ok: false, reason });

/** Quote user input in a reason, short and with control characters escaped. */
function quote(s: string): string {
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
function trimmedString(input: unknown): ParseResult<string> {
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
function decodeOnce(s: string, what: string): ParseResult<string> {
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return fail(`${what} contains invalid percent-encoding`);
  try {
    return ok(decodeURIComponent(s));
  } catch {
    return fail(`${what} contains invalid percent-encoding`);
  }
}

// ---------------------------------------------------------------------------
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

const PROFILE_SLUG: SlugRules = { chars: PROFILE_SLUG_CHARS, allowed: 'letters, digits, - and _', min: 3, max: 100 };
// Company names as short as two characters exist (/company/hp/, /company/3m/).
const COMPANY_SLUG: SlugRules = { chars: COMPANY_SLUG_CHARS, allowed: 'letters, digits, ., - and _', min: 2, max: 100 };

/**
 * Decode once, then check the decoded slug against the rules. `hint` follows
 * a complaint about characters: bare input with odd characters may not have
 * been meant as a slug at all, so the reason also names the accepted forms.
 */
function parseSlug(raw: string, rules: SlugRules, hint = ''): ParseResult<string> {
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

// ---------------------------------------------------------------------------
// URLs

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// A host-looking start ("linkedin.com/...", "evil.com/in/x") means a URL without
// a scheme; a lone "j.doe" stays a (bad) slug so the reason talks about the slug.
const SCHEMELESS_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$)/i;

function looksLikeUrl(s: string): boolean {
  const host = SCHEMELESS_HOST.exec(s);
  if (host !== null) return /[/?#]$/.test(host[0]) || /linkedin\.com/i.test(s);
  return URL_SCHEME.test(s) || s.startsWith('/');
}

/**
 * Path segments (still percent-encoded) of a linkedin.com URL. Accepts a
 * missing scheme and a bare path ("/in/jdoe"), which can only mean LinkedIn.
 */
function linkedInPath(s: string, what: string): ParseResult<string[]> {
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

function showPath(segments: string[]): string {
  return quote(`/${segments.join('/')}${segments.length > 0 ? '/' : ''}`);
}

// ---------------------------------------------------------------------------
// Profiles

// Profile ids ("tails") are base64url-ish: "ACoA" + 16..56 chars, 20..60 in all.
const PROFILE_TAIL = /^ACoA[A-Za-z0-9_-]{16,56}$/;
// urn:li:person:<ACoA…> is how some outbound APIs (OutX) name a profile: the same id as fsd_profile.
const PROFILE_URN = /^urn:li:(fsd_profile|fs_miniProfile|person):(.*)$/;
const MEMBER_URN = /^urn:li:member:(.*)$/;
const PROFILE_EXPECTED =
  'expected a vanity slug, /in/ URL, urn:li:fsd_profile:, urn:li:fs_miniProfile:, urn:li:person:, urn:li:member: or ACoA… id';

const profileFromTail = (tail: string): ProfileRef => ({ kind: 'profile', urn: `urn:li:fsd_profile:${tail}`, tail });

/** "urn%3Ali%3A..." pasted from a URL: decode it once so the URN rules apply. */
function decodedUrn(s: string): string {
  if (!/^urn%3a/i.test(s)) return s;
  const decoded = decodeOnce(s, 'URN');
  return decoded.ok ? decoded.value : s;
}

function urnType(s: string): string {
  return /^(urn:[^:]*:[^:]*):?/.exec(s)?.[1] ?? 'urn';
}

function parseProfileUrn(s: string): ParseResult<ProfileRef> {
  const profile = PROFILE_URN.exec(s);
  if (profile) {
    const tail = profile[2] ?? '';
    if (tail === '') return fail(`urn:li:${profile[1] ?? ''}: has no profile id after the colon`);
    if (!PROFILE_TAIL.test(tail)) {
      // LinkedIn's official API uses opaque person ids that map to no profile the web app knows.
      const official =
        profile[1] === 'person'
          ? '; an official-API person id cannot be used: give the profile URL or its ACoA… id'
          : '';
      return fail(
        `urn:li:${profile[1] ?? ''}: id ${quote(tail)} is not an ACoA… id (ACoA plus 16..56 of A-Z a-z 0-9 _ -)${official}`,
      );
    }
    return ok(profileFromTail(tail));
  }
  const member = MEMBER_URN.exec(s);
  if (member) {
    const id = member[1] ?? '';
    if (!/^\d{1,20}$/.test(id)) return fail(`urn:li:member: id ${quote(id)} must be 1..20 digits`);
    return ok({ kind: 'member', memberId: id });
  }
  return fail(`${urnType(s)} is not a profile URN; ${PROFILE_EXPECTED}`);
}

function parseProfileUrl(s: string): ParseResult<ProfileRef> {
  const path = linkedInPath(s, 'profile');
  if (!path.ok) return path;
  const [section, raw] = path.value;
  if (section?.toLowerCase() !== 'in') {
    return fail(`not a LinkedIn profile URL: expected a path /in/<slug>, got ${showPath(path.value)}`);
  }
  if (raw === undefined) return fail('profile URL has no slug after /in/');
  // LinkedIn also links profiles as /in/<ACoA… id>.
  if (PROFILE_TAIL.test(raw)) return ok(profileFromTail(raw));
  const slug = parseSlug(raw, PROFILE_SLUG);
  return slug.ok ? ok({ kind: 'slug', slug: slug.value }) : slug;
}

export function parseProfile(input: unknown): ParseResult<ProfileRef> {
  const str = trimmedString(input);
  if (!str.ok) return str;
  const s = decodedUrn(str.value);
  if (s.startsWith('urn:')) return parseProfileUrn(s);
  if (looksLikeUrl(s)) return parseProfileUrl(s);
  // Checked before the slug rules, which an ACoA… id would also satisfy.
  if (PROFILE_TAIL.test(s)) return ok(profileFromTail(s));
  const slug = parseSlug(s, PROFILE_SLUG, PROFILE_EXPECTED);
  return slug.ok ? ok({ kind: 'slug', slug: slug.value }) : slug;
}

// ---------------------------------------------------------------------------
// Posts

const POST_KINDS: Record<string, PostRef['kind']> = { activity: 'activity', ugcpost: 'ugcPost', share: 'share' };
const POST_URN = /^urn:li:(activity|ugcPost|share):(.*)$/i;
// Feed update wrappers carry the thread URN as their first element.
const UPDATE_URN = /^urn:li:(?:fsd_update|fs_updateV2|fs_feedUpdate):\((urn:li:[^,)]*)(?:,[^)]*)?\)$/;
// Ids are 19 digits today; allow headroom but refuse obviously wrong values.
const POST_ID = /^\d{1,25}$/;
const BARE_POST_ID = /^\d{10,25}$/;
const POST_EXPECTED =
  'expected urn:li:activity:<id>, urn:li:ugcPost:<id>, urn:li:share:<id>, a numeric activity id or a /feed/update/ or /posts/ URL';

function postRef(kindWord: string, id: string): ParseResult<PostRef> {
  const kind = POST_KINDS[kindWord.toLowerCase()];
  if (kind === undefined) return fail(`unknown post kind ${quote(kindWord)}`);
  if (!POST_ID.test(id)) return fail(`urn:li:${kind}: id ${quote(id)} must be 1..25 digits`);
  return ok({ threadUrn: `urn:li:${kind}:${id}`, kind, id });
}

function parsePostUrn(s: string): ParseResult<PostRef> {
  const update = UPDATE_URN.exec(s);
  const urn = update ? (update[1] ?? '') : s;
  const m = POST_URN.exec(urn);
  if (m) return postRef(m[1] ?? '', m[2] ?? '');
  return fail(`${urnType(urn)} is not a post URN; ${POST_EXPECTED}`);
}

// A kind marker in a /posts/ slug: "-activity-<id>" (or "_…", ugcPost, share).
const POSTS_MARKER = /[-_](activity|ugcPost|share)-(\d+)/gi;
const SLUG_TAIL_CHAR = /[A-Za-z0-9_-]/;

/**
 * /posts/<author>_<words>-activity-<id>-<x>: the last kind marker whose id is
 * followed by the end or by "-" and only [A-Za-z0-9_-]. Written as one scan
 * (linear in the input): the single regular expression this replaces,
 * `^.*[-_](kind)-(\d+)(?:-[A-Za-z0-9_-]*)?$`, re-read the tail for every
 * marker and took seconds on a few hundred kB.
 */
export function parsePostsSlug(segment: string): { kind: string; id: string } | null {
  // Where the run of tail characters that reaches the end of the segment starts.
  let tailStart = segment.length;
  while (tailStart > 0 && SLUG_TAIL_CHAR.test(segment.charAt(tailStart - 1))) tailStart--;
  let found: { kind: string; id: string } | null = null;
  POSTS_MARKER.lastIndex = 0;
  for (let m = POSTS_MARKER.exec(segment); m !== null; m = POSTS_MARKER.exec(segment)) {
    const end = m.index + m[0].length;
    const endsWell = end === segment.length || (segment.charAt(end) === '-' && tailStart <= end + 1);
    if (endsWell) found = { kind: m[1] ?? '', id: m[2] ?? '' };
  }
  return found;
}

function parsePostUrl(s: string): ParseResult<PostRef> {
  const path = linkedInPath(s, 'post');
  if (!path.ok) return path;
  // /embed/feed/update/... is the embeddable form of the same post.
  const segments = path.value[0] === 'embed' ? path.value.slice(1) : path.value;
  const [first, second, third] = segments;
  if (first === 'feed' && second === 'update') {
    if (third === undefined) return fail('post URL has no URN after /feed/update/');
    const decoded = decodeOnce(third, 'post URN');
    if (!decoded.ok) return decoded;
    return parsePostUrn(decoded.value);
  }
  if (first === 'posts') {
    if (second === undefined) return fail('post URL has nothing after /posts/');
    const marker = parsePostsSlug(second);
    if (!marker) return fail(`post URL ${showPath(segments)} has no -activity-<id>, -ugcPost-<id> or -share-<id> part`);
    return postRef(marker.kind, marker.id);
  }
  return fail(
    `not a LinkedIn post URL: expected /feed/update/urn:li:activity:<id>/ or /posts/…-activity-<id>-…, got ${showPath(segments)}`,
  );
}

export function parsePost(input: unknown): ParseResult<PostRef> {
  // Activity ids exceed 2^53, so a JSON number has already lost digits.
  if (typeof input === 'number') return fail('must be a string; a post id as a JSON number loses precision');
  const str = trimmedString(input);
  if (!str.ok) return str;
  const s = decodedUrn(str.value);
  if (s.startsWith('urn:')) return parsePostUrn(s);
  if (/^\d+$/.test(s)) {
    return BARE_POST_ID.test(s)
      ? ok({ threadUrn: `urn:li:activity:${s}`, kind: 'activity', id: s })
      : fail(`numeric activity id must be 10..25 digits, got ${s.length}`);
  }
  if (looksLikeUrl(s)) return parsePostUrl(s);
  return fail(`${quote(s)} is not a post reference; ${POST_EXPECTED}`);
}

// ---------------------------------------------------------------------------
// Companies

const COMPANY_URN = /^urn:li:(fsd_company|company|organization|fs_normalized_company):(.*)$/;
const COMPANY_ID = /^[1-9]\d{0,18}$/;
const COMPANY_EXPECTED =
  'expected a numeric company id, urn:li:fsd_company:<id>, urn:li:company:<id>, urn:li:organization:<id> or a /company/<slug>/ URL';

function companyId(id: string, where: string): ParseResult<CompanyRef> {
  return COMPANY_ID.test(id)
    ? ok({ kind: 'id', id })
    : fail(`${where} ${quote(id)} must be a positive integer (1..19 digits, no leading zero)`);
}

function parseCompanyUrl(s: string): ParseResult<CompanyRef> {
  const path = linkedInPath(s, 'company');
  if (!path.ok) return path;
  const [section, raw] = path.value;
  // Showcase pages are company pages under another path; the lookup takes their universal name alike.
  const kind = section?.toLowerCase();
  if (kind !== 'company' && kind !== 'showcase') {
    return fail(
      `not a LinkedIn company URL: expected a path /company/<slug>/ or /showcase/<slug>/, got ${showPath(path.value)}`,
    );
  }
  if (raw === undefined) return fail(`company URL has no slug after /${kind}/`);
  if (/^\d+$/.test(raw)) return companyId(raw, 'company id in URL');
  const slug = parseSlug(raw, COMPANY_SLUG);
  return slug.ok ? ok({ kind: 'slug', slug: slug.value }) : slug;
}

export function parseCompany(input: unknown): ParseResult<CompanyRef> {
  // Company ids stay well below 2^53, so a JSON number is safe to accept.
  if (typeof input === 'number') {
    return Number.isSafeInteger(input) && input > 0
      ? ok({ kind: 'id', id: String(input) })
      : fail(`company id ${input} must be a positive integer`);
  }
  const str = trimmedString(input);
  if (!str.ok) return str;
  const s = decodedUrn(str.value);
  if (s.startsWith('urn:')) {
    const m = COMPANY_URN.exec(s);
    if (!m) return fail(`${urnType(s)} is not a company URN; ${COMPANY_EXPECTED}`);
    return companyId(m[2] ?? '', `urn:li:${m[1] ?? ''}: id`);
  }
  if (/^\d+$/.test(s)) return companyId(s, 'company id');
  if (looksLikeUrl(s)) return parseCompanyUrl(s);
  // A bare universal name ("acme-corp") is what the URL would hold.
  const slug = parseSlug(s, COMPANY_SLUG, COMPANY_EXPECTED);
  return slug.ok ? ok({ kind: 'slug', slug: slug.value }) : slug;
}

// ---------------------------------------------------------------------------
// Invitations

const INVITATION_URN = /^urn:li:(fsd_invitation|invitation):(.*)$/;

export function parseInvitationUrn(input: unknown): ParseResult<InvitationRef> {
  const str = trimmedString(input);
  if (!str.ok) return str;
  const s = decodedUrn(str.value);
  const m = INVITATION_URN.exec(s);
  if (!m) {
    return fail(
      `${s.startsWith('urn:') ? `${urnType(s)} is not an invitation URN` : `${quote(s)} is not a URN`}; expected urn:li:fsd_invitation:<id>`,
    );
  }
  const id = m[2] ?? '';
  if (!/^\d{1,25}$/.test(id)) return fail(`urn:li:${m[1] ?? ''}: id ${quote(id)} must be 1..25 digits`);
  // The legacy urn:li:invitation: names the same invitation; the dash API wants fsd.
  return ok({ urn: `urn:li:fsd_invitation:${id}`, id });
}
