/**
 * LinkedIn requests per action type, cold and warm caches.
 *
 * The count per action is the audit entry's `linkedinRequests` (the Voyager
 * client's counter for that execution), read from the extension's IndexedDB.
 * It is cross-checked against the LinkedIn double's record: the Voyager
 * requests that arrived between the entry's startedAt and finishedAt.
 *
 * Cold: the extension's 'cache' store is emptied right before the action.
 * Warm: the caches the action module reads are filled the way the code fills
 * them — by running the action again, or by a priming action on the same
 * target (see `setup` of each step). Every row uses a slug or URL where the
 * action can take one, so the cold case includes the lookup.
 */
import type { RecordedRequest } from '../e2e/doubles/linkedin/types';
import type { LinkedInDouble, Member } from '../e2e/doubles/linkedin/server';
import type { Harness } from '../e2e/harness';
import type { ActionType, ResultStatus } from '../contract/protocol';
import type { AuditRecord } from '../src/store/db';
import { auditOf, cacheEntries, clearCache } from './bench-idb';

const ACTION_TIMEOUT_MS = 90_000;
/** RELATIONSHIP_CACHE_TTL_MS (10 min) as the scale-100 build experiences it. */
const RELATIONSHIP_TTL_AT_SCALE = (10 * 60_000) / 100;

export type RowKey =
  | 'connect'
  | 'withdraw_urn'
  | 'withdraw_profile'
  | 'message'
  | 'react'
  | 'unreact'
  | 'comment'
  | 'follow_member'
  | 'unfollow_member'
  | 'follow_company'
  | 'unfollow_company'
  | 'share'
  | 'save'
  | 'unsave';

interface RowDef {
  key: RowKey;
  label: string;
  type: ActionType;
  input: string;
  goal: { cold: number; warm: number };
}

/** The issue's goals: warm = 1 (the mutation) except message ≤ 2; cold ≤ 2, ≤ 3 for message and withdraw by profile. */
export const ROWS: readonly RowDef[] = [
  {
    key: 'connect',
    label: 'connect',
    type: 'connect',
    input: 'profile URL (/in/<slug>/) + note',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'withdraw_urn',
    label: 'withdraw (invitationUrn)',
    type: 'withdraw',
    input: 'urn:li:fsd_invitation:<id>',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'withdraw_profile',
    label: 'withdraw (profile)',
    type: 'withdraw',
    input: 'profile URL (/in/<slug>/)',
    goal: { cold: 3, warm: 1 },
  },
  {
    key: 'message',
    label: 'message',
    type: 'message',
    input: 'profile URL (/in/<slug>/), 1st degree',
    goal: { cold: 3, warm: 2 },
  },
  {
    key: 'react',
    label: 'react',
    type: 'react',
    input: 'post URL (/feed/update/urn:li:activity:<id>/)',
    goal: { cold: 2, warm: 1 },
  },
  // v2: the server action's 200 has no success marker, so the reactions list confirms it (one read more than a Voyager DELETE would need).
  {
    key: 'unreact',
    label: 'unreact',
    type: 'unreact',
    input: 'post URL (/feed/update/urn:li:activity:<id>/)',
    goal: { cold: 3, warm: 2 },
  },
  {
    key: 'comment',
    label: 'comment',
    type: 'comment',
    input: 'post URL (/feed/update/urn:li:activity:<id>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'follow_member',
    label: 'follow_member',
    type: 'follow_member',
    input: 'profile URL (/in/<slug>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'unfollow_member',
    label: 'unfollow_member',
    type: 'unfollow_member',
    input: 'profile URL (/in/<slug>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'follow_company',
    label: 'follow_company',
    type: 'follow_company',
    input: 'company URL (/company/<slug>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'unfollow_company',
    label: 'unfollow_company',
    type: 'unfollow_company',
    input: 'company URL (/company/<slug>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'share',
    label: 'share',
    type: 'share',
    input: 'urn:li:share:<id> + commentary (v2: a repost with text needs the share URN)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'save',
    label: 'save',
    type: 'save',
    input: 'post URL (/feed/update/urn:li:activity:<id>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'unsave',
    label: 'unsave',
    type: 'unsave',
    input: 'post URL (/feed/update/urn:li:activity:<id>/)',
    goal: { cold: 2, warm: 1 },
  },
];

interface ActionSpec {
  label: string;
  type: ActionType;
  params: Record<string, unknown>;
  expect: { status: ResultStatus; code: string | null };
}

type Phase = 'cold' | 'warm' | 'extra';

interface Step {
  row: RowKey;
  phase: Phase;
  /** For extra rows: what is measured. */
  title?: string;
  setup: string;
  clearCache: boolean;
  /** Changes to the LinkedIn double's world before the step (e.g. a pending invitation). */
  before?: () => void;
  prime: ActionSpec[];
  /** Changes to the double's world after the priming actions (e.g. moving its clock). */
  afterPrime?: () => void;
  /** A function when the params exist only after `before` (e.g. an invitation URN). */
  measure: ActionSpec | (() => ActionSpec);
}

export interface RequestDetail {
  endpoint: string;
  method: string;
  status: number;
  mutation: boolean;
}

export interface ActionRun {
  label: string;
  actionId: string;
  type: string;
  params: Record<string, unknown>;
  status: string;
  code: string | null;
  message: string;
  /** Audit entries for the action (more than 1 if it was deferred and retried). */
  attempts: number;
  /** Sum of the audit entries' linkedinRequests. */
  linkedinRequests: number;
  /** Voyager requests the double saw inside the entries' [startedAt, finishedAt]. */
  doubleRequests: number;
  requests: RequestDetail[];
  durationMs: number;
  asExpected: boolean;
  startedAt: number;
  finishedAt: number;
}

export interface Measurement extends ActionRun {
  setup: string;
  cacheClearedBefore: boolean;
  /** Cache keys present right before the measured action was queued (tails shown as <slug>). */
  cacheKeysBefore: string[];
  primedBy: ActionRun[];
  /** Time from the priming action's end to the measured action's start. */
  gapAfterPrimeMs: number | null;
  /** The count from the audit log equals the double's record. */
  crossCheckOk: boolean;
}

export interface RequestRow {
  key: RowKey;
  action: string;
  type: ActionType;
  input: string;
  goal: { cold: number; warm: number };
  cold: Measurement;
  warm: Measurement;
  pass: { cold: boolean; warm: boolean; overall: boolean };
  notes: string[];
}

export interface ExtraRow {
  key: RowKey;
  title: string;
  measurement: Measurement;
}

export interface RequestResults {
  rows: RequestRow[];
  extra: ExtraRow[];
  crossCheck: {
    actions: number;
    matching: number;
    mismatches: Array<{ actionId: string; label: string; audit: number; double: number }>;
    /** Voyager requests the double saw outside any action's window during the steps (e.g. GET /me). */
    unattributed: Array<{ endpoint: string; method: string; at: number }>;
  };
  world: Record<string, string>;
  elapsedMs: number;
}

interface World {
  connectTarget: Member;
  withdrawTarget: Member;
  urnTarget: Member;
  friend: Member;
  followTarget: Member;
  companySlug: string;
  posts: { react: string; comment: string; share: string; save: string; fallback: string };
}

function seedWorld(li: LinkedInDouble): World {
  const connectTarget = li.addMember({ slug: 'bench-connect', firstName: 'Connie', lastName: 'Connect', distance: 2 });
  const withdrawTarget = li.addMember({
    slug: 'bench-withdraw',
    firstName: 'Wanda',
    lastName: 'Withdraw',
    distance: 2,
  });
  const urnTarget = li.addMember({ slug: 'bench-withdraw-urn', firstName: 'Uri', lastName: 'Urn', distance: 3 });
  const friend = li.addMember({ slug: 'bench-friend', firstName: 'Fran', lastName: 'Friend', distance: 1 });
  const followTarget = li.addMember({ slug: 'bench-follow', firstName: 'Finn', lastName: 'Follow', distance: 2 });
  li.addCompany({ id: '3003', slug: 'bench-company', name: 'Bench Company' });
  const post = (id: string): string => li.addPost({ id }).threadUrn;
  const shareUrn = li.addPost({ id: '7200000000000000003' }).shareUrn ?? '';
  return {
    connectTarget,
    withdrawTarget,
    urnTarget,
    friend,
    followTarget,
    companySlug: 'bench-company',
    posts: {
      react: post('7200000000000000001'),
      comment: post('7200000000000000002'),
      share: shareUrn,
      save: post('7200000000000000004'),
      fallback: post('7200000000000000005'),
    },
  };
}

let invitationCounter = 0;

/** A pending invitation from the viewer, created in the double (the extension's caches know nothing of it). */
function addInvitation(li: LinkedInDouble, tail: string): string {
  invitationCounter += 1;
  const id = String(7300000000000000000n + BigInt(invitationCounter));
  li.state.invitations.set(id, {
    id,
    inviteeTail: tail,
    sharedSecret: `benchSecret${invitationCounter}`,
    sentAt: Date.now(),
  });
  return `urn:li:fsd_invitation:${id}`;
}

function dropInvitations(li: LinkedInDouble, tail: string): void {
  for (const [id, inv] of li.state.invitations) if (inv.inviteeTail === tail) li.state.invitations.delete(id);
}

const profileUrl = (m: Member): string => `https://www.linkedin.com/in/${m.slug}/`;
const postUrl = (threadUrn: string): string => `https://www.linkedin.com/feed/update/${threadUrn}/`;
const ok: ActionSpec['expect'] = { status: 'succeeded', code: null };

function steps(li: LinkedInDouble, w: World): Step[] {
  const companyUrl = `https://www.linkedin.com/company/${w.companySlug}/`;
  const connect: ActionSpec = {
    label: 'connect',
    type: 'connect',
    params: { profile: profileUrl(w.connectTarget), note: 'Hello Connie, enjoyed your talk on benchmarks.' },
    expect: ok,
  };
  const withdrawProfile = (m: Member): ActionSpec => ({
    label: 'withdraw (profile)',
    type: 'withdraw',
    params: { profile: profileUrl(m) },
    expect: ok,
  });
  const withdrawUrn = (urn: string): ActionSpec => ({
    label: 'withdraw (invitationUrn)',
    type: 'withdraw',
    params: { invitationUrn: urn },
    expect: ok,
  });
  const message: ActionSpec = {
    label: 'message',
    type: 'message',
    params: { profile: profileUrl(w.friend), text: 'Hi Fran, shall we catch up?' },
    expect: ok,
  };
  const react = (reaction: string): ActionSpec => ({
    label: `react ${reaction}`,
    type: 'react',
    params: { post: postUrl(w.posts.react), reaction },
    expect: ok,
  });
  const unreact: ActionSpec = {
    label: 'unreact',
    type: 'unreact',
    params: { post: postUrl(w.posts.react) },
    expect: ok,
  };
  const comment: ActionSpec = {
    label: 'comment',
    type: 'comment',
    params: { post: postUrl(w.posts.comment), text: 'Thanks for sharing this.' },
    expect: ok,
  };
  const member = (type: 'follow_member' | 'unfollow_member'): ActionSpec => ({
    label: type,
    type,
    params: { profile: profileUrl(w.followTarget) },
    expect: ok,
  });
  const company = (type: 'follow_company' | 'unfollow_company'): ActionSpec => ({
    label: type,
    type,
    params: { company: companyUrl },
    expect: ok,
  });
  const share: ActionSpec = {
    label: 'share',
    type: 'share',
    params: { post: w.posts.share, commentary: 'Worth a read.' },
    expect: ok,
  };
  const saveSpec = (type: 'save' | 'unsave'): ActionSpec => ({
    label: type,
    type,
    params: { post: postUrl(w.posts.save) },
    expect: ok,
  });
  const refusedMessage: ActionSpec = {
    label: 'message (2nd degree, refused)',
    type: 'message',
    params: { profile: profileUrl(w.connectTarget), text: 'Refused: not a 1st-degree connection.' },
    expect: { status: 'refused', code: 'not_connected' },
  };
  const cold = 'cache store emptied';
  let urn = '';
  const withdrawByUrn = (): ActionSpec => withdrawUrn(urn);
  return [
    { row: 'connect', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: connect },
    {
      row: 'connect',
      phase: 'warm',
      setup:
        'slug→URN cached by the cold run; relationship cached (10 min) by a refused message to the same person just before (connect forgets the relationship after sending). Invitation removed in the double first.',
      clearCache: false,
      before: () => dropInvitations(li, w.connectTarget.tail),
      prime: [refusedMessage],
      measure: connect,
    },
    {
      row: 'connect',
      phase: 'extra',
      title:
        "connect again after a withdraw by the extension, 3 weeks later on LinkedIn's clock (slug cached, relationship cache forgotten)",
      setup:
        "withdraw (profile) through the extension just before: it deletes the invitation and relationship caches; the double's clock then moves 22 days (LinkedIn refuses a re-invite for ~3 weeks)",
      clearCache: false,
      prime: [withdrawProfile(w.connectTarget)],
      afterPrime: () => li.clock.advance(22 * 86_400_000),
      measure: connect,
    },
    {
      row: 'withdraw_urn',
      phase: 'cold',
      setup: `${cold}; invitation created in the double`,
      clearCache: true,
      before: () => {
        urn = addInvitation(li, w.urnTarget.tail);
      },
      prime: [],
      measure: withdrawByUrn,
    },
    {
      row: 'withdraw_urn',
      phase: 'warm',
      setup: 'nothing to cache: the URN is the input; a second invitation created in the double',
      clearCache: false,
      before: () => {
        urn = addInvitation(li, w.urnTarget.tail);
      },
      prime: [],
      measure: withdrawByUrn,
    },
    {
      row: 'withdraw_profile',
      phase: 'cold',
      setup: `${cold}; invitation created in the double (so no invitation cache)`,
      clearCache: true,
      before: () => void addInvitation(li, w.withdrawTarget.tail),
      prime: [],
      measure: withdrawProfile(w.withdrawTarget),
    },
    {
      row: 'withdraw_profile',
      phase: 'warm',
      setup:
        "slug→URN cached by the cold run; invitation URN cached by a connect through the extension just before (the double's clock first moves 22 days past the cold run's withdraw: LinkedIn refuses a re-invite for ~3 weeks)",
      clearCache: false,
      before: () => li.clock.advance(22 * 86_400_000),
      prime: [{ ...connect, label: 'connect (priming)', params: { profile: profileUrl(w.withdrawTarget) } }],
      measure: withdrawProfile(w.withdrawTarget),
    },
    { row: 'message', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: message },
    {
      row: 'message',
      phase: 'warm',
      setup: 'slug→URN cached by the cold run (the relationship is always read fresh for a DM)',
      clearCache: false,
      prime: [],
      measure: message,
    },
    { row: 'react', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: react('LIKE') },
    {
      row: 'react',
      phase: 'warm',
      setup: 'run again (react caches only the reaction type, which react does not read)',
      clearCache: false,
      prime: [],
      measure: react('PRAISE'),
    },
    {
      row: 'unreact',
      phase: 'cold',
      setup: `${cold}; the post has a reaction (PRAISE) in the double`,
      clearCache: true,
      prime: [],
      measure: unreact,
    },
    {
      row: 'unreact',
      phase: 'warm',
      setup: 'reaction type cached by a react through the extension just before',
      clearCache: false,
      prime: [react('LIKE')],
      measure: unreact,
    },
    { row: 'comment', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: comment },
    {
      row: 'comment',
      phase: 'warm',
      setup: 'run again (nothing to cache)',
      clearCache: false,
      prime: [],
      measure: comment,
    },
    { row: 'follow_member', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: member('follow_member') },
    {
      row: 'unfollow_member',
      phase: 'warm',
      setup: 'slug→URN cached by the cold follow_member',
      clearCache: false,
      prime: [],
      measure: member('unfollow_member'),
    },
    {
      row: 'follow_member',
      phase: 'warm',
      setup: 'slug→URN cached',
      clearCache: false,
      prime: [],
      measure: member('follow_member'),
    },
    {
      row: 'unfollow_member',
      phase: 'cold',
      setup: cold,
      clearCache: true,
      prime: [],
      measure: member('unfollow_member'),
    },
    {
      row: 'follow_company',
      phase: 'cold',
      setup: cold,
      clearCache: true,
      prime: [],
      measure: company('follow_company'),
    },
    {
      row: 'unfollow_company',
      phase: 'warm',
      setup: 'slug→id cached by the cold follow_company',
      clearCache: false,
      prime: [],
      measure: company('unfollow_company'),
    },
    {
      row: 'follow_company',
      phase: 'warm',
      setup: 'slug→id cached',
      clearCache: false,
      prime: [],
      measure: company('follow_company'),
    },
    {
      row: 'unfollow_company',
      phase: 'cold',
      setup: cold,
      clearCache: true,
      prime: [],
      measure: company('unfollow_company'),
    },
    { row: 'share', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: share },
    {
      row: 'share',
      phase: 'warm',
      setup: 'run again (nothing to cache)',
      clearCache: false,
      prime: [],
      measure: share,
    },
    { row: 'save', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: saveSpec('save') },
    {
      row: 'unsave',
      phase: 'warm',
      setup: 'after the cold save (nothing to cache)',
      clearCache: false,
      prime: [],
      measure: saveSpec('unsave'),
    },
    {
      row: 'save',
      phase: 'warm',
      setup: 'after unsave (nothing to cache)',
      clearCache: false,
      prime: [],
      measure: saveSpec('save'),
    },
    { row: 'unsave', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: saveSpec('unsave') },
    // What a fallback costs: the primary variant is switched to "next variant" once in the double (v2).
    // Last, because each leaves the answering variant remembered (cold: the cache store, which holds it, is emptied first).
    ...fallbacks(li, w, profileUrl(w.followTarget)),
  ];
}

function fallbacks(li: LinkedInDouble, w: World, followUrl: string): Step[] {
  const once =
    (endpoint: string, status: 400 | 404 | 405, also?: (r: { query: Record<string, string> }) => boolean) => () =>
      li.fail(
        { kind: 'nextVariant', status },
        { match: (r) => r.endpoint === endpoint && (also?.(r) ?? true), times: 1 },
      );
  const fallbackPost = postUrl(w.posts.fallback);
  return [
    {
      row: 'follow_member',
      phase: 'extra',
      title:
        'follow_member, cold, profile decoration WebTopCardCore-19 rotated (400 without a code) → FullProfileWithEntities-96',
      setup: 'cache store emptied; the -19 decoration answers 400 once',
      clearCache: true,
      before: once('profile', 400, (r) => (r.query.decorationId ?? '').endsWith('-19')),
      prime: [],
      measure: { label: 'follow_member', type: 'follow_member', params: { profile: followUrl }, expect: ok },
    },
    {
      row: 'connect',
      phase: 'extra',
      title: 'connect (no note), cold, Voyager create gone (404) → SDUI addaAddConnection',
      setup: 'cache store emptied; invitation removed in the double; the Voyager create answers 404 once',
      clearCache: true,
      before: () => {
        dropInvitations(li, w.connectTarget.tail);
        li.state.withdrawnAt.delete(w.connectTarget.tail);
        once('connect', 404)();
      },
      prime: [],
      measure: { label: 'connect', type: 'connect', params: { profile: profileUrl(w.connectTarget) }, expect: ok },
    },
    {
      row: 'withdraw_urn',
      phase: 'extra',
      title:
        'withdraw by invitationUrn, Voyager withdraw gone (404) → SDUI addaWithdrawInvitation (needs the sent list and the invitee lookup)',
      setup: 'cache store emptied; invitation created in the double; the Voyager withdraw answers 404 once',
      clearCache: true,
      before: () => {
        urnForFallback = addInvitation(li, w.urnTarget.tail);
        once('withdraw', 404)();
      },
      prime: [],
      measure: () => ({
        label: 'withdraw (invitationUrn)',
        type: 'withdraw',
        params: { invitationUrn: urnForFallback },
        expect: ok,
      }),
    },
    {
      row: 'save',
      phase: 'extra',
      title: 'save, Voyager saveStates answers 405 → SDUI update.saveState',
      setup: 'cache store emptied; the Voyager save answers 405 once',
      clearCache: true,
      before: once('save', 405),
      prime: [],
      measure: { label: 'save', type: 'save', params: { post: fallbackPost }, expect: ok },
    },
  ];
}

let urnForFallback = '';

/** Replaces member tails with <slug> so cache keys read well. */
function readableKey(key: string, members: readonly Member[]): string {
  let out = key;
  for (const m of members) out = out.split(m.tail).join(`<${m.slug}>`);
  return out;
}

function inWindow(r: RecordedRequest, entries: readonly AuditRecord[]): boolean {
  return entries.some((e) => r.at >= e.startedAt && r.at <= e.finishedAt);
}

async function runAction(h: Harness, spec: ActionSpec): Promise<ActionRun> {
  const params = spec.params;
  const queued = h.backend.enqueue({ type: spec.type, params });
  await h.backend.waitForFinal([queued.id], ACTION_TIMEOUT_MS);
  const result = h.backend.finalResult(queued.id);
  const entries = await auditOf(await h.worker(), [queued.id]);
  const seen = h.linkedin.voyagerRequests().filter((r) => inWindow(r, entries));
  const linkedinRequests = entries.reduce((n, e) => n + e.linkedinRequests, 0);
  const first = entries[0];
  const last = entries.at(-1);
  const status = result?.status ?? '(no result)';
  const code = result?.code ?? null;
  return {
    label: spec.label,
    actionId: queued.id,
    type: spec.type,
    params,
    status,
    code,
    message: result?.message ?? '',
    attempts: entries.length,
    linkedinRequests,
    doubleRequests: seen.length,
    requests: seen.map((r) => ({ endpoint: r.endpoint, method: r.method, status: r.status, mutation: r.mutation })),
    durationMs: entries.reduce((n, e) => n + (e.finishedAt - e.startedAt), 0),
    asExpected: status === spec.expect.status && code === spec.expect.code,
    startedAt: first?.startedAt ?? 0,
    finishedAt: last?.finishedAt ?? 0,
  };
}

async function runStep(
  h: Harness,
  step: Step,
  members: readonly Member[],
  log: (line: string) => void,
): Promise<Measurement> {
  step.before?.();
  if (step.clearCache) await clearCache(await h.worker());
  const primedBy: ActionRun[] = [];
  for (const p of step.prime) primedBy.push(await runAction(h, p));
  step.afterPrime?.();
  const cacheKeysBefore = (await cacheEntries(await h.worker())).map((e) => readableKey(e.key, members)).sort();
  const run = await runAction(h, typeof step.measure === 'function' ? step.measure() : step.measure);
  const lastPrime = primedBy.at(-1);
  const measurement: Measurement = {
    ...run,
    setup: step.setup,
    cacheClearedBefore: step.clearCache,
    cacheKeysBefore,
    primedBy,
    gapAfterPrimeMs: lastPrime ? run.startedAt - lastPrime.finishedAt : null,
    crossCheckOk: run.linkedinRequests === run.doubleRequests,
  };
  const what = step.phase === 'extra' ? `extra: ${step.title ?? step.row}` : `${step.row} ${step.phase}`;
  const via =
    primedBy.length > 0
      ? ` (primed by ${primedBy.map((p) => `${p.label}: ${p.status}${p.code ? `/${p.code}` : ''}, ${p.linkedinRequests} req`).join('; ')})`
      : '';
  log(
    `  ${what}: ${run.linkedinRequests} request(s) [${run.requests.map((r) => `${r.method} ${r.endpoint}`).join(', ')}] → ${run.status}${run.code ? `/${run.code}` : ''}${via}`,
  );
  return measurement;
}

export async function measureRequests(h: Harness, log: (line: string) => void): Promise<RequestResults> {
  const started = Date.now();
  const world = seedWorld(h.linkedin);
  const members = [
    world.connectTarget,
    world.withdrawTarget,
    world.urnTarget,
    world.friend,
    world.followTarget,
    h.linkedin.viewer,
  ];
  const before = h.linkedin.voyagerRequests().length;
  const windows: AuditRecord[] = [];
  const results = new Map<string, Measurement>();
  const extra: ExtraRow[] = [];
  for (const step of steps(h.linkedin, world)) {
    const m = await runStep(h, step, members, log);
    windows.push(...(await auditOf(await h.worker(), [...m.primedBy.map((p) => p.actionId), m.actionId])));
    if (step.phase === 'extra') extra.push({ key: step.row, title: step.title ?? step.row, measurement: m });
    else results.set(`${step.row}:${step.phase}`, m);
  }
  const during = h.linkedin.voyagerRequests().slice(before);
  const unattributed = during
    .filter((r) => !inWindow(r, windows))
    .map((r) => ({ endpoint: r.endpoint, method: r.method, at: r.at }));

  const rows: RequestRow[] = ROWS.map((def) => {
    const cold = results.get(`${def.key}:cold`);
    const warm = results.get(`${def.key}:warm`);
    if (!cold || !warm) throw new Error(`bench: no ${cold ? 'warm' : 'cold'} measurement for ${def.key}`);
    const notes: string[] = [];
    for (const [phase, m] of [
      ['cold', cold],
      ['warm', warm],
    ] as const) {
      if (!m.asExpected) notes.push(`${phase}: unexpected outcome ${m.status}/${m.code ?? '-'} (${m.message})`);
      if (!m.crossCheckOk) notes.push(`${phase}: audit says ${m.linkedinRequests}, the double saw ${m.doubleRequests}`);
      for (const p of m.primedBy)
        if (!p.asExpected) notes.push(`${phase}: priming ${p.label} ended ${p.status}/${p.code ?? '-'} (${p.message})`);
    }
    if (def.key === 'connect' && warm.gapAfterPrimeMs !== null && warm.gapAfterPrimeMs > RELATIONSHIP_TTL_AT_SCALE) {
      notes.push(
        `warm: ${warm.gapAfterPrimeMs} ms between priming and connect exceeds the scaled relationship-cache TTL (${RELATIONSHIP_TTL_AT_SCALE} ms)`,
      );
    }
    const passCold = cold.asExpected && cold.linkedinRequests <= def.goal.cold;
    const passWarm = warm.asExpected && warm.linkedinRequests <= def.goal.warm;
    return {
      key: def.key,
      action: def.label,
      type: def.type,
      input: def.input,
      goal: def.goal,
      cold,
      warm,
      pass: { cold: passCold, warm: passWarm, overall: passCold && passWarm },
      notes,
    };
  });

  const all: ActionRun[] = [
    ...rows.flatMap((r) => [r.cold, r.warm, ...r.cold.primedBy, ...r.warm.primedBy]),
    ...extra.flatMap((e) => [e.measurement, ...e.measurement.primedBy]),
  ];
  const mismatches = all
    .filter((a) => a.linkedinRequests !== a.doubleRequests)
    .map((a) => ({ actionId: a.actionId, label: a.label, audit: a.linkedinRequests, double: a.doubleRequests }));
  return {
    rows,
    extra,
    crossCheck: { actions: all.length, matching: all.length - mismatches.length, mismatches, unattributed },
    world: Object.fromEntries(members.map((m) => [m.slug, m.tail])),
    elapsedMs: Date.now() - started,
  };
}
