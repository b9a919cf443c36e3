/**
 * A profile reference: vanity slug, /in/ URL on any *.linkedin.com host,
 * urn:li:fsd_profile / fs_miniProfile / person / member URN, or a bare ACoA… id.
 * Decides by the input's first characters, then one linear check.
 */
import {
  decodedUrn,
  fail,
  linkedInPath,
  looksLikeUrl,
  ok,
  PROFILE_SLUG,
  parseSlug,
  quote,
  showPath,
  trimmedString,
  urnType,
  type ParseResult,
} from './text';

export type ProfileRef =
  | { kind: 'slug'; slug: string }
  | { kind: 'profile'; urn: string; tail: string }
  | { kind: 'member'; memberId: string };

// Profile ids ("tails") are base64url-ish: "ACoA" + 16..56 chars, 20..60 in all.
const PROFILE_TAIL = /^ACoA[A-Za-z0-9_-]{16,56}$/;
// urn:li:person:<ACoA…> is how some outbound APIs (OutX) name a profile: the same id as fsd_profile.
const PROFILE_URN = /^urn:li:(fsd_profile|fs_miniProfile|person):(.*)$/;
const MEMBER_URN = /^urn:li:member:(.*)$/;
const PROFILE_EXPECTED =
  'expected a vanity slug, /in/ URL, urn:li:fsd_profile:, urn:li:fs_miniProfile:, urn:li:person:, urn:li:member: or ACoA… id';

const profileFromTail = (tail: string): ProfileRef => ({ kind: 'profile', urn: `urn:li:fsd_profile:${tail}`, tail });

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
