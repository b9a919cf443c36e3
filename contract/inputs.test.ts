/** The param parsers against every accepted form and every rejection class. */
import { describe, expect, it } from 'vitest';
import {
  MAX_REFERENCE_LENGTH,
  encodeSlug,
  parseCompany,
  parseInvitationUrn,
  parsePost,
  parsePostsSlug,
  parseProfile,
  type ParseResult,
} from './inputs';

const TAIL = 'ACoAAB1234abcdEFGH_-xyz';
const ACT = '7123456789012345678';

function value<T>(r: ParseResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.value;
}

function reason<T>(r: ParseResult<T>): string {
  if (r.ok) throw new Error(`expected a failure, got: ${JSON.stringify(r.value)}`);
  return r.reason;
}

describe('parseProfile: vanity slugs', () => {
  it.each([
    ['jdoe', 'jdoe'],
    ['john-doe-123', 'john-doe-123'],
    ['john_doe', 'john_doe'],
    ['  jdoe \n', 'jdoe'],
    ['jörg-müller', 'jörg-müller'],
    ['j%C3%B6rg-m%C3%BCller', 'jörg-müller'],
    ['j%c3%b6rg', 'jörg'],
    ['张伟-123', '张伟-123'],
    ['मोहन', 'मोहन'],
    ['JDoe', 'JDoe'],
    ['abc', 'abc'],
    ['a'.repeat(100), 'a'.repeat(100)],
  ])('%s', (input, slug) => {
    expect(value(parseProfile(input))).toEqual({ kind: 'slug', slug });
  });
});

describe('parseProfile: /in/ URLs', () => {
  it.each([
    'https://www.linkedin.com/in/jdoe',
    'https://www.linkedin.com/in/jdoe/',
    'http://www.linkedin.com/in/jdoe/',
    'https://linkedin.com/in/jdoe/',
    'www.linkedin.com/in/jdoe/',
    'linkedin.com/in/jdoe',
    '//www.linkedin.com/in/jdoe',
    '/in/jdoe/',
    'https://de.linkedin.com/in/jdoe/',
    'https://mobile.linkedin.com/in/jdoe',
    'HTTPS://WWW.LinkedIn.COM/in/jdoe/',
    'https://www.linkedin.com/in/jdoe?trk=public_profile&originalSubdomain=de',
    'https://www.linkedin.com/in/jdoe/#experience',
    'https://www.linkedin.com/in/jdoe/de',
    'https://www.linkedin.com/in/jdoe/details/experience/',
    'https://www.linkedin.com:443/in/jdoe/',
    'www.linkedin.com:443/in/jdoe',
    '  https://www.linkedin.com/in/jdoe/  ',
  ])('%s', (input) => {
    expect(value(parseProfile(input))).toEqual({ kind: 'slug', slug: 'jdoe' });
  });

  it('decodes a non-ASCII slug in a URL once, typed raw or percent-encoded', () => {
    const raw = value(parseProfile('https://www.linkedin.com/in/jörg-müller/'));
    const encoded = value(parseProfile('https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller/'));
    expect(raw).toEqual({ kind: 'slug', slug: 'jörg-müller' });
    expect(encoded).toEqual(raw);
  });

  it('an ACoA… id in the slug position is a profile id', () => {
    expect(value(parseProfile(`https://www.linkedin.com/in/${TAIL}/`))).toEqual({
      kind: 'profile',
      urn: `urn:li:fsd_profile:${TAIL}`,
      tail: TAIL,
    });
  });
});

describe('parseProfile: URNs and ids', () => {
  const profile = { kind: 'profile', urn: `urn:li:fsd_profile:${TAIL}`, tail: TAIL };
  it.each([
    [`urn:li:fsd_profile:${TAIL}`],
    [`urn:li:fs_miniProfile:${TAIL}`],
    [`urn:li:person:${TAIL}`],
    [TAIL],
    [` ${TAIL} `],
    [`urn%3Ali%3Afsd_profile%3A${TAIL}`],
  ])('%s', (input) => {
    expect(value(parseProfile(input))).toEqual(profile);
  });

  it('tail length bounds are 20..60', () => {
    const min = `ACoA${'x'.repeat(16)}`;
    const max = `ACoA${'x'.repeat(56)}`;
    expect(value(parseProfile(min))).toMatchObject({ kind: 'profile', tail: min });
    expect(value(parseProfile(max))).toMatchObject({ kind: 'profile', tail: max });
  });

  it('a country subdomain profile URL is a profile URL', () => {
    expect(value(parseProfile('https://uk.linkedin.com/in/jdoe'))).toEqual({ kind: 'slug', slug: 'jdoe' });
    expect(value(parseProfile(`https://fr.linkedin.com/in/${TAIL}/`))).toEqual(profile);
  });

  it('an official-API urn:li:person id is refused with the reason', () => {
    const r = parseProfile('urn:li:person:dXyz12AbCd');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(/official-API person id cannot be used/);
  });

  it('urn:li:member: needs a lookup', () => {
    expect(value(parseProfile('urn:li:member:123456789'))).toEqual({ kind: 'member', memberId: '123456789' });
  });
});

describe('parseProfile: rejections', () => {
  it.each([
    [undefined, 'is required'],
    [null, 'must be a string, got null'],
    [42, 'must be a string, got a number'],
    [{ slug: 'jdoe' }, 'must be a string, got an object'],
    [['jdoe'], 'must be a string, got an array'],
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
  ])('%j', (input, expected) => {
    expect(reason(parseProfile(input))).toBe(expected);
  });

  it.each([
    ['https://evil.com/in/jdoe', 'not a LinkedIn profile URL: host "evil.com" is not linkedin.com'],
    ['evil.com/in/jdoe', 'host "evil.com" is not linkedin.com'],
    ['https://evillinkedin.com/in/jdoe', 'host "evillinkedin.com" is not linkedin.com'],
    ['https://linkedin.com.evil.com/in/jdoe', 'host "linkedin.com.evil.com" is not linkedin.com'],
    ['https://www.linkedin.com@evil.com/in/jdoe', 'host "evil.com" is not linkedin.com'],
    ['https://evil.com@www.linkedin.com/in/jdoe', 'must not contain a user name or password'],
    ['javascript:alert(1)', 'scheme "javascript:" is not http or https'],
    ['ftp://www.linkedin.com/in/jdoe', 'scheme "ftp:" is not http or https'],
    ['https://www.linkedin.com/company/acme/', 'expected a path /in/<slug>, got "/company/acme/"'],
    ['https://www.linkedin.com/feed/update/urn:li:activity:1/', 'expected a path /in/<slug>'],
    ['https://www.linkedin.com/', 'expected a path /in/<slug>, got "/"'],
    ['https://www.linkedin.com/in/', 'profile URL has no slug after /in/'],
    ['https://www.linkedin.com/in/j%ZZdoe', 'slug contains invalid percent-encoding'],
    ['https://www.linkedin.com/in/j%20doe', 'must not contain spaces'],
    ['https://www.linkedin.com/in/j%252Fdoe', 'may contain only letters, digits, - and _ (found "%")'],
  ])('%s', (input, expected) => {
    expect(reason(parseProfile(input))).toContain(expected);
  });

  it.each([
    ['urn:li:fsd_profile:', 'urn:li:fsd_profile: has no profile id after the colon'],
    ['urn:li:fsd_profile:jdoe', 'urn:li:fsd_profile: id "jdoe" is not an ACoA… id'],
    ['urn:li:fsd_profile:ACoA1', 'is not an ACoA… id'],
    [`urn:li:fsd_profile:${TAIL}!`, 'is not an ACoA… id'],
    ['urn:li:fs_miniProfile:', 'urn:li:fs_miniProfile: has no profile id'],
    ['urn:li:member:', 'urn:li:member: id "" must be 1..20 digits'],
    ['urn:li:member:12a', 'must be 1..20 digits'],
    ['urn:li:company:1035', 'urn:li:company is not a profile URN; expected a vanity slug'],
  ])('%s', (input, expected) => {
    expect(reason(parseProfile(input))).toContain(expected);
  });

  it.each([
    ['jd', 'slug must be 3..100 characters, got 2'],
    ['a'.repeat(101), 'slug must be 3..100 characters, got 101'],
    [
      'john doe',
      'must not contain spaces; expected a vanity slug, /in/ URL, urn:li:fsd_profile:, urn:li:fs_miniProfile:, urn:li:person:, urn:li:member: or ACoA… id',
    ],
    ['in/jdoe', 'must not contain "/"'],
    ['@jdoe', 'found "@"'],
    ['j.doe', 'found "."'],
    ['jdoe@example.com', 'found "@"'],
    ['100%', 'slug contains invalid percent-encoding'],
    ['j%C3', 'slug contains invalid percent-encoding'],
    ['j%C3%28rg', 'slug contains invalid percent-encoding'],
    ['j%2Fdoe', 'must not contain "/"'],
  ])('%s', (input, expected) => {
    expect(reason(parseProfile(input))).toContain(expected);
  });

  it('tails outside 20..60 are not ids (and a short one is not a valid slug either)', () => {
    expect(value(parseProfile(`ACoA${'x'.repeat(15)}`))).toEqual({ kind: 'slug', slug: `ACoA${'x'.repeat(15)}` });
    expect(reason(parseProfile(`ACoA${'x'.repeat(97)}`))).toContain('slug must be 3..100 characters');
  });
});

describe('encodeSlug', () => {
  it('encodes a decoded non-ASCII slug once and round-trips', () => {
    const slug = value(parseProfile('jörg-müller'));
    expect(slug).toEqual({ kind: 'slug', slug: 'jörg-müller' });
    if (slug.kind !== 'slug') throw new Error('unreachable');
    expect(encodeSlug(slug.slug)).toBe('j%C3%B6rg-m%C3%BCller');
    expect(decodeURIComponent(encodeSlug(slug.slug))).toBe('jörg-müller');
  });

  it('never double-encodes an already-encoded input', () => {
    for (const input of ['j%C3%B6rg', 'https://www.linkedin.com/in/j%C3%B6rg/', 'https://www.linkedin.com/in/jörg/']) {
      const ref = value(parseProfile(input));
      if (ref.kind !== 'slug') throw new Error('expected a slug');
      expect(encodeSlug(ref.slug)).toBe('j%C3%B6rg');
      expect(encodeSlug(ref.slug)).not.toContain('%25');
    }
  });

  it('leaves ASCII slugs as they are', () => {
    expect(encodeSlug('john-doe_123')).toBe('john-doe_123');
    expect(encodeSlug('booking.com')).toBe('booking.com');
  });
});

describe('parsePost', () => {
  const activity = { threadUrn: `urn:li:activity:${ACT}`, kind: 'activity', id: ACT };
  it.each([
    [`urn:li:activity:${ACT}`],
    [ACT],
    [` ${ACT} `],
    [`urn%3Ali%3Aactivity%3A${ACT}`],
    [`urn:li:fsd_update:(urn:li:activity:${ACT},MAIN_FEED,EMPTY,DEFAULT,false)`],
    [`urn:li:fs_updateV2:(urn:li:activity:${ACT},FEED_DETAIL,EMPTY,DEFAULT,false)`],
    [`https://www.linkedin.com/feed/update/urn:li:activity:${ACT}/`],
    [`https://www.linkedin.com/feed/update/urn:li:activity:${ACT}`],
    [`https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A${ACT}/`],
    [`linkedin.com/feed/update/urn:li:activity:${ACT}/?commentUrn=x#c`],
    [`www.linkedin.com/feed/update/urn:li:activity:${ACT}`],
    [`https://www.linkedin.com/embed/feed/update/urn:li:activity:${ACT}`],
    [`https://www.linkedin.com/posts/jdoe_some-title-activity-${ACT}-AbCd`],
    [`https://www.linkedin.com/posts/jdoe_some-title-activity-${ACT}-AbCd/?utm_source=share&utm_medium=member_desktop`],
    [`linkedin.com/posts/jdoe-activity-${ACT}-x7_Y`],
    [`https://www.linkedin.com/posts/j%C3%B6rg-m%C3%BCller_hallo-activity-${ACT}-wXyZ`],
    [`https://www.linkedin.com/posts/jdoe_activity-123-share-activity-${ACT}-AbCd`],
  ])('%s', (input) => {
    expect(value(parsePost(input))).toEqual(activity);
  });

  it.each([
    [`urn:li:ugcPost:${ACT}`, 'ugcPost'],
    [`urn:li:share:${ACT}`, 'share'],
    [`urn:li:ugcpost:${ACT}`, 'ugcPost'],
    [`https://www.linkedin.com/feed/update/urn:li:ugcPost:${ACT}/`, 'ugcPost'],
    [`https://www.linkedin.com/feed/update/urn:li:share:${ACT}/`, 'share'],
    [`https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A${ACT}`, 'ugcPost'],
    [`https://www.linkedin.com/posts/acme_launch-ugcPost-${ACT}-Qw12`, 'ugcPost'],
    [`https://www.linkedin.com/posts/acme_launch-share-${ACT}-Qw12`, 'share'],
  ])('%s', (input, kind) => {
    expect(value(parsePost(input))).toEqual({ threadUrn: `urn:li:${kind}:${ACT}`, kind, id: ACT });
  });

  it('bare ids from 10 digits up', () => {
    expect(value(parsePost('1234567890'))).toEqual({
      threadUrn: 'urn:li:activity:1234567890',
      kind: 'activity',
      id: '1234567890',
    });
    expect(value(parsePost('1'.repeat(25)))).toMatchObject({ id: '1'.repeat(25) });
  });

  it('accepts short ids inside URNs', () => {
    expect(value(parsePost('urn:li:activity:9'))).toEqual({
      threadUrn: 'urn:li:activity:9',
      kind: 'activity',
      id: '9',
    });
  });

  it.each([
    [undefined, 'is required'],
    // biome-ignore lint/correctness/noPrecisionLoss: the test is that such a number is refused
    [7123456789012345678, 'loses precision'],
    [null, 'must be a string, got null'],
    ['', 'must not be empty'],
    ['123456789', 'numeric activity id must be 10..25 digits, got 9'],
    ['1'.repeat(26), 'numeric activity id must be 10..25 digits, got 26'],
    ['urn:li:activity:', 'urn:li:activity: id "" must be 1..25 digits'],
    ['urn:li:activity:12x', 'must be 1..25 digits'],
    ['urn:li:comment:(activity:1,2)', 'urn:li:comment is not a post URN'],
    [`urn:li:fsd_update:(urn:li:article:${ACT},MAIN_FEED)`, 'urn:li:article is not a post URN'],
    ['hello world', '"hello world" is not a post reference; expected urn:li:activity:<id>'],
    [
      `https://evil.com/feed/update/urn:li:activity:${ACT}/`,
      'not a LinkedIn post URL: host "evil.com" is not linkedin.com',
    ],
    [`javascript:alert(${ACT})`, 'scheme "javascript:" is not http or https'],
    [
      'https://www.linkedin.com/in/jdoe/',
      'not a LinkedIn post URL: expected /feed/update/urn:li:activity:<id>/ or /posts/',
    ],
    ['https://www.linkedin.com/feed/', 'not a LinkedIn post URL'],
    ['https://www.linkedin.com/feed/update/', 'post URL has no URN after /feed/update/'],
    ['https://www.linkedin.com/feed/update/urn%ZZli/', 'post URN contains invalid percent-encoding'],
    ['https://www.linkedin.com/posts/', 'post URL has nothing after /posts/'],
    ['https://www.linkedin.com/posts/jdoe_some-title-AbCd', 'has no -activity-<id>, -ugcPost-<id> or -share-<id> part'],
  ])('%j', (input, expected) => {
    expect(reason(parsePost(input))).toContain(expected);
  });
});

describe('parseCompany', () => {
  it.each([
    ['1035', '1035'],
    [' 2046 ', '2046'],
    [1035, '1035'],
    ['urn:li:fsd_company:1035', '1035'],
    ['urn:li:company:1035', '1035'],
    ['urn:li:organization:1035', '1035'],
    ['urn:li:fs_normalized_company:1035', '1035'],
    ['urn%3Ali%3Afsd_company%3A1035', '1035'],
    ['https://www.linkedin.com/company/1035/', '1035'],
  ])('%j is an id', (input, id) => {
    expect(value(parseCompany(input))).toEqual({ kind: 'id', id });
  });

  it.each([
    ['https://www.linkedin.com/company/acme-corp/', 'acme-corp'],
    ['https://www.linkedin.com/company/acme-corp', 'acme-corp'],
    ['http://linkedin.com/company/acme-corp/', 'acme-corp'],
    ['www.linkedin.com/company/acme-corp/', 'acme-corp'],
    ['linkedin.com/company/acme-corp', 'acme-corp'],
    ['https://de.linkedin.com/company/acme-corp/', 'acme-corp'],
    ['https://uk.linkedin.com/company/acme-corp/', 'acme-corp'],
    ['https://www.linkedin.com/showcase/acme-cloud/', 'acme-cloud'],
    ['https://www.linkedin.com/company/acme-corp/about/', 'acme-corp'],
    ['https://www.linkedin.com/company/acme-corp/posts/?feedView=all', 'acme-corp'],
    ['https://www.linkedin.com/company/acme-corp?trk=x#top', 'acme-corp'],
    ['https://www.linkedin.com/company/m%C3%BCller-gmbh/', 'müller-gmbh'],
    ['https://www.linkedin.com/company/müller-gmbh/', 'müller-gmbh'],
    ['https://www.linkedin.com/company/booking.com/', 'booking.com'],
    ['https://www.linkedin.com/company/hp/', 'hp'],
    ['https://www.linkedin.com/company/3m/', '3m'],
    ['acme-corp', 'acme-corp'],
    ['m%C3%BCller-gmbh', 'müller-gmbh'],
  ])('%s is a slug', (input, slug) => {
    expect(value(parseCompany(input))).toEqual({ kind: 'slug', slug });
  });

  it.each([
    [undefined, 'is required'],
    [null, 'must be a string, got null'],
    [0, 'company id 0 must be a positive integer'],
    [1.5, 'company id 1.5 must be a positive integer'],
    [2 ** 60, 'must be a positive integer'],
    ['', 'must not be empty'],
    ['0', 'company id "0" must be a positive integer'],
    ['01035', 'no leading zero'],
    ['1'.repeat(20), 'must be a positive integer (1..19 digits'],
    ['urn:li:fsd_company:', 'urn:li:fsd_company: id "" must be a positive integer'],
    ['urn:li:company:acme', 'urn:li:company: id "acme" must be a positive integer'],
    [
      'urn:li:fsd_profile:ACoAAB1234abcdEFGH_-xyz',
      'urn:li:fsd_profile is not a company URN; expected a numeric company id',
    ],
    ['https://evil.com/company/acme/', 'not a LinkedIn company URL: host "evil.com" is not linkedin.com'],
    ['javascript:alert(1)', 'scheme "javascript:" is not http or https'],
    [
      'https://www.linkedin.com/in/jdoe/',
      'not a LinkedIn company URL: expected a path /company/<slug>/ or /showcase/<slug>/, got "/in/jdoe/"',
    ],
    ['https://www.linkedin.com/company/', 'company URL has no slug after /company/'],
    ['https://www.linkedin.com/company/a/', 'slug must be 2..100 characters, got 1'],
    ['https://www.linkedin.com/company/ac%ZZme/', 'slug contains invalid percent-encoding'],
    ['https://www.linkedin.com/company/acme%20corp/', 'must not contain spaces'],
    ['acme corp', 'must not contain spaces; expected a numeric company id'],
    ['acme&co', 'found "&"'],
  ])('%j', (input, expected) => {
    expect(reason(parseCompany(input))).toContain(expected);
  });
});

describe('parseInvitationUrn', () => {
  it.each([
    ['urn:li:fsd_invitation:7123456789', '7123456789'],
    ['  urn:li:fsd_invitation:42 ', '42'],
    ['urn:li:invitation:42', '42'],
    ['urn%3Ali%3Afsd_invitation%3A42', '42'],
  ])('%s', (input, id) => {
    expect(value(parseInvitationUrn(input))).toEqual({ urn: `urn:li:fsd_invitation:${id}`, id });
  });

  it.each([
    [undefined, 'is required'],
    [42, 'must be a string, got a number'],
    ['', 'must not be empty'],
    ['42', '"42" is not a URN; expected urn:li:fsd_invitation:<id>'],
    ['urn:li:fsd_invitation:', 'urn:li:fsd_invitation: id "" must be 1..25 digits'],
    ['urn:li:fsd_invitation:abc', 'must be 1..25 digits'],
    ['urn:li:invitation:4 2', 'must be 1..25 digits'],
    [
      'urn:li:fsd_profile:ACoAAB1234abcdEFGH_-xyz',
      'urn:li:fsd_profile is not an invitation URN; expected urn:li:fsd_invitation:<id>',
    ],
  ])('%j', (input, expected) => {
    expect(reason(parseInvitationUrn(input))).toContain(expected);
  });
});

describe('bounded, linear parsing (security review: ReDoS)', () => {
  const MB = 1 << 20;
  const fill = (unit: string, prefix = '', suffix = '') =>
    prefix + unit.repeat(Math.ceil((MB - prefix.length - suffix.length) / unit.length)) + suffix;
  // Shapes that made backtracking parsers slow: many partial markers, long runs, a bad last character.
  const adversarial = [
    fill('-activity-1', 'https://www.linkedin.com/posts/', '!'),
    fill('_ugcPost-', '/posts/'),
    fill('-', 'https://www.linkedin.com/posts/x'),
    fill('a.', 'linkedin.com/', '!'),
    fill('%41', 'https://www.linkedin.com/in/'),
    fill(',', 'urn:li:fsd_update:(urn:li:activity:1'),
    fill(':', 'urn:li:fsd_profile:'),
    fill('a'),
    fill('1'),
    fill(' '),
  ];
  const parsers: Record<string, (input: unknown) => ParseResult<unknown>> = {
    parseProfile,
    parsePost,
    parseCompany,
    parseInvitationUrn,
  };

  // The one time bound in the suite: it guards against milliseconds turning into minutes.
  it.each(Object.keys(parsers))('%s refuses 1 MB inputs quickly, naming the length', (name) => {
    const parse = parsers[name] ?? parseProfile;
    const started = performance.now();
    for (const input of adversarial) expect(reason(parse(input))).toMatch(/too long: \d+ characters, at most 4096/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('adversarial inputs at the cap are parsed (to a result) quickly by every parser', () => {
    const started = performance.now();
    for (const parse of Object.values(parsers))
      for (const input of adversarial) parse(input.slice(0, MAX_REFERENCE_LENGTH));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('the cap applies before trimming, and a reference at the cap is still parsed', () => {
    expect(reason(parseProfile(`${' '.repeat(MAX_REFERENCE_LENGTH)}jdoe`))).toMatch(/too long/);
    const atCap = `https://www.linkedin.com/in/jdoe/?x=${'a'.repeat(MAX_REFERENCE_LENGTH - 36)}`;
    expect(atCap).toHaveLength(MAX_REFERENCE_LENGTH);
    expect(value(parseProfile(atCap))).toEqual({ kind: 'slug', slug: 'jdoe' });
  });

  it('the /posts/ slug scan is linear: 1 MB of markers takes well under a second', () => {
    const started = performance.now();
    expect(parsePostsSlug(fill('-activity-1', '', '!'))).toBeNull();
    expect(parsePostsSlug(fill('_share-', 'x'))).toBeNull();
    expect(parsePostsSlug(fill('x', 'jdoe_hello-activity-7123456789012345678-'))).toEqual({
      kind: 'activity',
      id: '7123456789012345678',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('the /posts/ slug scan keeps the old rule: the last marker whose id ends the slug or is followed by -[A-Za-z0-9_-]*', () => {
    expect(parsePostsSlug('jdoe_hi-activity-1-share-2')).toEqual({ kind: 'share', id: '2' });
    expect(parsePostsSlug('jdoe_hi-activity-1-share-2x')).toEqual({ kind: 'activity', id: '1' });
    expect(parsePostsSlug('jdoe_hi-activity-12abc')).toBeNull();
    expect(parsePostsSlug('jdoe-UGCPOST-5-AbC_d')).toEqual({ kind: 'UGCPOST', id: '5' });
    expect(parsePostsSlug('activity-1')).toBeNull();
    expect(parsePostsSlug('_activity-1')).toEqual({ kind: 'activity', id: '1' });
    expect(parsePostsSlug('x-activity-1-%21')).toBeNull();
  });
});
