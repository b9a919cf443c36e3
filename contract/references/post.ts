/**
 * A post reference: activity / ugcPost / share URN (or a feed-update wrapper),
 * a numeric activity id, or a /feed/update/ or /posts/ URL. The /posts/ slug
 * is read by one linear scan (parsePostsSlug).
 */
import {
  decodeOnce,
  decodedUrn,
  fail,
  linkedInPath,
  looksLikeUrl,
  ok,
  quote,
  showPath,
  trimmedString,
  urnType,
  type ParseResult,
} from './text';

export type PostRef = { threadUrn: string; kind: 'activity' | 'ugcPost' | 'share'; id: string };

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
