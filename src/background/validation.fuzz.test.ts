/**
 * Fuzz: generated malformed and adversarial leased actions through the real
 * validation path (envelope schema → registry → each action's params), seeded
 * and reproducible. The oracle is explicit: every generated piece carries
 * whether the protocol accepts it, so an action is valid exactly when all its
 * pieces are. Zero accepted-but-invalid, zero refused-but-valid.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, leasedActionSchema, type ActionType } from '../../contract/protocol';
import { COMMENTARY_MAX, COMMENT_MAX, MESSAGE_MAX, NOTE_MAX } from '../../contract/params';
import { ACTIONS } from '../actions/registry';
import { mulberry32 as rng } from '../shared/seeded-random';

const SEED = 0x5eed_2026;
const CASES = 3000;

type Piece = { value: unknown; valid: boolean; why: string };
const ok = (value: unknown, why = 'ok'): Piece => ({ value, valid: true, why });
const bad = (value: unknown, why: string): Piece => ({ value, valid: false, why });

const TAIL = 'ACoAAB1234abcdEFGH_-xyz';
const ACT = '7123456789012345678';

const PROFILES: Piece[] = [
  ok('jdoe'),
  ok('https://www.linkedin.com/in/jdoe/'),
  ok('linkedin.com/in/j%C3%B6rg-m%C3%BCller'),
  ok(`urn:li:fsd_profile:${TAIL}`),
  ok(`urn:li:person:${TAIL}`),
  ok('urn:li:member:12345'),
  ok(TAIL),
  ok('/in/jdoe?trk=x'),
  ok('  jdoe  '),
  bad('', 'empty'),
  bad('   ', 'blank'),
  bad('jo', 'slug too short'),
  bad('a'.repeat(101), 'slug too long'),
  bad('j doe', 'space'),
  bad('https://evil.com/in/jdoe', 'host'),
  bad('javascript:alert(1)//linkedin.com/in/x', 'scheme'),
  bad('https://evil.com@www.linkedin.com/in/x', 'userinfo'),
  bad('urn:li:fsd_profile:nope', 'tail'),
  bad('urn:li:member:12a', 'member id'),
  bad('%E0%A4%A', 'percent'),
  bad(42, 'number'),
  bad(null, 'null'),
  bad({ slug: 'jdoe' }, 'object'),
  bad(['jdoe'], 'array'),
  bad(`https://www.linkedin.com/in/jdoe/?x=${'a'.repeat(5000)}`, 'over the cap'),
  bad('https://www.linkedin.com/company/acme/', 'not /in/'),
  bad('jdoe\u200b', 'format char in slug'),
];
const POSTS: Piece[] = [
  ok(`urn:li:activity:${ACT}`),
  ok(`urn:li:ugcPost:${ACT}`),
  ok(`urn:li:share:${ACT}`),
  ok(ACT),
  ok(`https://www.linkedin.com/feed/update/urn:li:activity:${ACT}/`),
  ok(`https://www.linkedin.com/posts/jdoe_hello-activity-${ACT}-AbCd`),
  ok(`urn:li:fsd_update:(urn:li:activity:${ACT},FEED)`),
  bad('123', 'short numeric id'),
  bad(Number(ACT), 'number'),
  bad('urn:li:activity:abc', 'id'),
  bad('urn:li:comment:1', 'kind'),
  bad(`https://www.linkedin.com/posts/${'-activity-1'.repeat(500)}!`, 'no valid marker'),
  bad(`https://www.linkedin.com/posts/${'-activity-1'.repeat(50_000)}`, 'over the cap'),
  bad('https://www.linkedin.com/in/jdoe/', 'not a post URL'),
  bad('', 'empty'),
  bad(undefined, 'missing'),
];
const COMPANIES: Piece[] = [
  ok('1035'),
  ok(1035),
  ok('urn:li:fsd_company:1035'),
  ok('urn:li:organization:1035'),
  ok('https://www.linkedin.com/company/acme-corp/'),
  ok('booking.com'),
  ok('https://www.linkedin.com/showcase/acme-labs/'),
  bad('0', 'zero'),
  bad(-5, 'negative'),
  bad(1.5, 'fraction'),
  bad('01035', 'leading zero'),
  bad('urn:li:company:x', 'id'),
  bad('https://www.linkedin.com/school/mit/', 'school'),
  bad('a', 'slug too short'),
  bad('x'.repeat(5000), 'over the cap'),
  bad(true, 'boolean'),
];
const INVITATIONS: Piece[] = [
  ok('urn:li:fsd_invitation:123'),
  ok('urn:li:invitation:123'),
  ok('urn%3Ali%3Afsd_invitation%3A123'),
  bad('urn:li:fsd_invitation:', 'no id'),
  bad('urn:li:fsd_invitation:12a', 'id'),
  bad('123', 'not a URN'),
  bad('urn:li:fsd_profile:1', 'kind'),
];
const visible = (max: number): Piece[] => [
  ok('Hello'),
  ok('  Hi there\n'),
  ok('\u200bHi'),
  ok('é'.repeat(max)),
  ok('\u{1F600}'.repeat(max / 2)),
  ok('=HYPERLINK("x")'),
  bad('', 'empty'),
  bad('   \n\t', 'blank'),
  bad('\u200b\u200d\ufeff', 'invisible only'),
  bad('\u0001\u0002', 'control only'),
  bad('a'.repeat(max + 1), 'over max'),
  bad(`${'\u{1F600}'.repeat(max / 2)}a`, 'over max in UTF-16'),
  bad(7, 'number'),
  bad(undefined, 'missing'),
];
const optionalText = (max: number): Piece[] => [
  ok(undefined, 'absent'),
  ok(null, 'null'),
  ok('', 'empty means none'),
  ok('   ', 'blank means none'),
  ok('Hi'),
  ok('x'.repeat(max)),
  bad('\u200b', 'invisible only'),
  bad('x'.repeat(max + 1), 'over max'),
  bad(12, 'number'),
  bad({}, 'object'),
];
const REACTIONS: Piece[] = [
  ok('LIKE'),
  ok('like'),
  ok(' Praise '),
  ok('FUNNY'),
  ok('entertainment'),
  ok('INTEREST'),
  ok('APPRECIATION'),
  ok('EMPATHY'),
  bad('l\u0131ke', 'dotless i'),
  bad('LOVE', 'unknown'),
  bad('LIKE!', 'punctuation'),
  bad('', 'empty'),
  bad(1, 'number'),
  bad(undefined, 'missing'),
];

/** Params per type: a list of [field, pool], plus any rule across fields. */
const FIELDS: Record<ActionType, Array<[string, Piece[]]>> = {
  connect: [
    ['profile', PROFILES],
    ['note', optionalText(NOTE_MAX)],
  ],
  withdraw: [],
  message: [
    ['profile', PROFILES],
    ['text', visible(MESSAGE_MAX)],
  ],
  react: [
    ['post', POSTS],
    ['reaction', REACTIONS],
  ],
  unreact: [['post', POSTS]],
  comment: [
    ['post', POSTS],
    ['text', visible(COMMENT_MAX)],
  ],
  follow_member: [['profile', PROFILES]],
  unfollow_member: [['profile', PROFILES]],
  follow_company: [['company', COMPANIES]],
  unfollow_company: [['company', COMPANIES]],
  share: [
    ['post', POSTS],
    ['commentary', optionalText(COMMENTARY_MAX)],
  ],
  save: [['post', POSTS]],
  unsave: [['post', POSTS]],
};

const IDS: Piece[] = [
  ok('act_01HZX'),
  ok('a.b'),
  ok('...'),
  ok('x'.repeat(200)),
  bad('', 'empty'),
  bad('.', 'dot'),
  bad('..', 'dot-dot'),
  bad('a/b', 'slash'),
  bad('x'.repeat(201), 'too long'),
  bad(5, 'number'),
  bad(undefined, 'missing'),
];
const TYPES: Piece[] = [
  ...ACTION_TYPES.map((t) => ok(t)),
  bad('x'.repeat(65), 'type too long'),
  bad('delete_account', 'unknown type'),
  bad('', 'empty type'),
  bad(3, 'number'),
];
const REQUESTED_BY: Piece[] = [
  ok(undefined, 'absent'),
  ok({ principal: 'user_42' }),
  ok('x'.repeat(4094), 'at the cap'),
  bad('x'.repeat(4095), 'over 4 kB'),
  bad({ blob: 'é'.repeat(2100) }, 'over 4 kB in UTF-8'),
];
const LEASE_EXPIRES: Piece[] = [
  ok(undefined, 'absent'),
  ok('2026-11-22T10:15:00Z'),
  ok('2026-11-22T10:15:00+01:00'),
  bad('tomorrow', 'not a date'),
  bad(0, 'number'),
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

interface Generated {
  action: Record<string, unknown>;
  valid: boolean;
  why: string[];
}

function generate(random: () => number): Generated {
  const pieces: Array<[string, Piece]> = [];
  // Mostly valid envelopes, so that most cases reach the params.
  const envelope = (key: string, pool: Piece[]) => {
    const piece =
      random() < 0.85
        ? pick(
            random,
            pool.filter((p) => p.valid),
          )
        : pick(random, pool);
    pieces.push([key, piece]);
    return piece;
  };
  const type = envelope('type', TYPES);
  const action: Record<string, unknown> = {
    id: envelope('id', IDS).value,
    type: type.value,
    idempotencyKey: envelope('idempotencyKey', IDS).value,
    requestedBy: envelope('requestedBy', REQUESTED_BY).value,
    leaseExpiresAt: envelope('leaseExpiresAt', LEASE_EXPIRES).value,
  };
  const params: Record<string, unknown> = {};
  if (type.valid) {
    const t = type.value as ActionType;
    if (t === 'withdraw') {
      // Exactly one of invitationUrn or profile.
      const shape = Math.floor(random() * 4);
      const given: Array<[string, Piece]> = [];
      if (shape === 0 || shape === 2) given.push(['invitationUrn', pick(random, INVITATIONS)]);
      if (shape === 1 || shape === 2)
        given.push([
          'profile',
          pick(
            random,
            PROFILES.filter((p) => p.value !== undefined),
          ),
        ]);
      for (const [key, piece] of given) params[key] = piece.value;
      pieces.push(...given);
      if (shape === 2) pieces.push(['withdraw', bad(null, 'both given')]);
      if (shape === 3) pieces.push(['withdraw', bad(null, 'neither given')]);
    } else {
      for (const [key, pool] of FIELDS[t]) {
        const piece = pick(random, pool);
        pieces.push([key, piece]);
        if (piece.value !== undefined) params[key] = piece.value;
      }
    }
    // Unknown params are stripped, never a reason to refuse (forward compatibility).
    if (random() < 0.2) params.somethingNew = { nested: true };
  }
  action.params = random() < 0.02 ? 'not an object' : params;
  if (typeof action.params === 'string')
    pieces.push(['params', type.valid ? bad(action.params, 'params not an object') : ok(action.params)]);
  for (const key of Object.keys(action)) if (action[key] === undefined) delete action[key];
  const invalid = pieces.filter(([, p]) => !p.valid);
  return { action, valid: invalid.length === 0, why: invalid.map(([k, p]) => `${k}: ${p.why}`) };
}

/** The executor's path: envelope, then the registry, then the action's own params schema. */
function validate(raw: unknown): { accepted: boolean; message: string } {
  const envelope = leasedActionSchema.safeParse(raw);
  if (!envelope.success) return { accepted: false, message: `envelope: ${envelope.error.issues[0]?.message ?? ''}` };
  const definition = ACTIONS.get(envelope.data.type);
  if (!definition) return { accepted: false, message: `unsupported action type "${envelope.data.type}"` };
  const prepared = definition.prepare(envelope.data.params);
  return prepared.ok ? { accepted: true, message: 'ok' } : { accepted: false, message: prepared.message };
}

describe(`validation fuzz (seed ${SEED.toString(16)}, ${CASES} actions)`, () => {
  it('accepts exactly the valid actions and refuses exactly the invalid ones', () => {
    const random = rng(SEED);
    const wrong: string[] = [];
    let valid = 0;
    for (let i = 0; i < CASES; i++) {
      const generated = generate(random);
      if (generated.valid) valid++;
      const verdict = validate(generated.action);
      if (verdict.accepted !== generated.valid) {
        const shown = JSON.stringify(generated.action, (_k, v: unknown) =>
          typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
        );
        wrong.push(
          `#${i} expected ${generated.valid ? 'accepted' : `refused (${generated.why.join('; ')})`}, got ${verdict.message}: ${shown}`,
        );
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // Both sides are exercised in earnest.
    expect(valid).toBeGreaterThan(CASES / 5);
    expect(CASES - valid).toBeGreaterThan(CASES / 5);
  });

  it('is reproducible: the same seed generates the same actions', () => {
    const a = rng(SEED);
    const b = rng(SEED);
    for (let i = 0; i < 50; i++) expect(JSON.stringify(generate(a).action)).toBe(JSON.stringify(generate(b).action));
  });
});
