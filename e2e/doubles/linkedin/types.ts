/**
 * Public types of the LinkedIn double (see server.ts). The double follows
 * /work/shared/voyager-reference.md (v2, normative) and
 * docs/linkedin-decisions.md (D1–D15), and refuses anything else.
 */

export interface RecordedRequest {
  id: number;
  /** Epoch ms (real time, not the double's clock) when the request arrived. */
  at: number;
  method: string;
  /** Pathname, raw (not decoded). */
  path: string;
  /** Decoded once. */
  query: Record<string, string>;
  rawQuery: string;
  /** Lower-cased names; repeated headers joined. */
  headers: Record<string, string>;
  /** Parsed JSON, or null when empty or not JSON. */
  body: unknown;
  rawBody: string;
  /** The status answered; 0 while in flight or when the socket was dropped without an answer. */
  status: number;
  /** True when the request is a write that the double applied. */
  mutation: boolean;
  /** A short name: 'me', 'profile', 'connect', 'withdraw.sdui', … ('page', 'favicon', 'unknown' otherwise). */
  endpoint: string;
  /** Which surface was called: Voyager (/voyager/api), SDUI (/flagship-web/rsc-action/…) or a page. */
  surface: 'voyager' | 'sdui' | 'page';
}

export type Distance = 1 | 2 | 3 | 'OUT_OF_NETWORK';

export interface Member {
  tail: string;
  slug: string;
  firstName: string;
  lastName: string;
  memberId: string;
  distance: Distance;
  /** false: connect answers 403 (v2 "Send": the target is not invitable). Default true. */
  invitable?: boolean;
}

export interface Company {
  id: string;
  slug: string;
  name: string;
  followerCount: number;
}

export type PostKind = 'activity' | 'ugcPost' | 'share';

export interface Post {
  id: string;
  kind: PostKind;
  threadUrn: string;
  /** `urn:li:share:<id>` for activity and share posts (v2 "Repost": Voyager forms need it); none for ugcPost. */
  shareUrn?: string;
}

export type InvitationType = 'SENT' | 'RECEIVED';

export interface Invitation {
  id: string;
  /** SENT: the member the viewer invited. RECEIVED: the member who invited the viewer. */
  inviteeTail: string;
  sharedSecret: string;
  sentAt: number;
  message?: string;
  /** Default SENT (D5). */
  type?: InvitationType;
}

export const REACTION_TYPES = ['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT'] as const;
export type ReactionType = (typeof REACTION_TYPES)[number];

export interface OtherReaction {
  actorTail: string;
  type: ReactionType;
}

export interface StoredComment {
  urn: string;
  threadUrn: string;
  text: string;
  commenterTail: string;
  at: number;
}

export interface StoredMessage {
  urn: string;
  conversationUrn: string;
  recipientTail: string;
  text: string;
  originToken: string;
  deliveredAt: number;
}

export interface StoredShare {
  /** `urn:li:fsd_repost:<id>` (repost) or `urn:li:share:<id>` (reshare with text). */
  urn: string;
  /** The reposted post's thread URN (as given to addPost). */
  parentUrn: string;
  text: string;
  /** Which variant created it (D15). */
  via?: 'share' | 'share.sdui' | 'share.reshare';
}

/** The inspectable world. Tests may read and change it directly. */
export interface DoubleState {
  viewer: Member;
  /** By tail (the viewer is in here too). */
  members: Map<string, Member>;
  /** Tails of 1st-degree connections: the source of truth for "connected". */
  connections: Set<string>;
  /** Pending invitations from the viewer (SENT), by invitation id. */
  invitations: Map<string, Invitation>;
  /** Pending invitations to the viewer (RECEIVED), by invitation id; inviteeTail is the inviter. */
  receivedInvitations: Map<string, Invitation>;
  /** Withdrawn invitations by id (withdrawing again is refused). */
  withdrawnInvitations: Map<string, Invitation>;
  /** Double-clock time of the last withdraw, per invitee tail (CANT_RESEND_YET for 21 days, v2 "Send"). */
  withdrawnAt: Map<string, number>;
  /** 'member:<tail>' or 'company:<id>'. */
  following: Set<string>;
  /** Thread URNs the viewer saved. */
  saved: Set<string>;
  /** The viewer's reaction per thread URN. */
  reactions: Map<string, ReactionType>;
  /** Other members' reactions per thread URN (the read-back pages through them, D10). */
  otherReactions: Map<string, OtherReaction[]>;
  comments: StoredComment[];
  messages: StoredMessage[];
  /** Conversation thread id per recipient tail (one conversation per recipient). */
  conversations: Map<string, string>;
  shares: StoredShare[];
  /** By company id. */
  companies: Map<string, Company>;
  /** By thread URN. */
  posts: Map<string, Post>;
}

/** Statuses that mean "try the next variant" (v2 "Next variant"). */
export type NextVariantStatus = 400 | 404 | 405 | 410;

export type Scenario =
  | { kind: 'status999' }
  | { kind: 'challenge' }
  /** 302 to /authwall (default) or /uas/login, with `li_at=delete-me` (v2: signed out). */
  | { kind: 'authwall'; to?: 'authwall' | 'login' }
  | { kind: 'unauthorized' }
  | { kind: 'csrf' }
  | { kind: 'rateLimited' }
  | { kind: 'serverError' }
  | { kind: 'slow'; ms: number }
  | { kind: 'dropAfterApply' }
  /** Connect only (Voyager or SDUI). 429 (default), 400, or 200 with `data.code` and no invitation. */
  | { kind: 'inviteLimit'; status?: 429 | 400 | 200; code?: string }
  /** The matched route answers that status; 400 carries no business code. Nothing applied. */
  | { kind: 'nextVariant'; status: NextVariantStatus }
  /** 410: endpoint retired. Nothing applied. */
  | { kind: 'gone' }
  /** The write is applied, then a 5xx (default 500) is answered. */
  | { kind: 'serverErrorAfterApply'; status?: number }
  /** 200 with a GraphQL `errors` array, nothing applied; `at: 'data'` puts it in `data.errors` (v2), default top level (D15). */
  | { kind: 'graphqlErrors'; at?: 'top' | 'data' }
  /** 200 with a body missing what the route returns (`{"data":{}}`, SDUI: an empty RSC line); nothing applied. */
  | { kind: 'unexpectedShape' };

export interface FailureMatchInput {
  method: string;
  path: string;
  endpoint: string;
  /** Decoded once. */
  query: Record<string, string>;
  /** Parsed JSON body (null when none). */
  body: unknown;
}

export interface FailOptions {
  match?: (r: FailureMatchInput) => boolean;
  times?: number;
}

/** The values the double's pages carry (D1); headers that claim otherwise are refused. */
export interface Fixture {
  /** The page build number; x-li-track clientVersion must be `1.13.<build>`. */
  build: number;
  clientVersion: string;
  /** The only accepted x-li-page-instance. */
  pageInstance: string;
  /** `<html lang>` of every page. */
  htmlLang: string;
  /** x-li-lang expected when the request has no `lang` cookie. */
  defaultLiLang: string;
}

export interface DoubleClock {
  /** Date.now() plus the offset: what the double uses for sentTime, withdrawnAt and the 21-day rule. */
  now(): number;
  /** Moves the double's clock forward (e.g. 22 days to get past CANT_RESEND_YET). */
  advance(ms: number): void;
  offsetMs: number;
}

export interface LinkedInDouble {
  url: string;
  port: number;
  spkiHash: string;
  /** jsessionId WITHOUT quotes; the cookie value is `"` + jsessionId + `"`. Changes on rotateCsrf(). */
  session: { liAt: string; jsessionId: string };
  /** The signed-in account. */
  readonly viewer: Member;
  readonly fixture: Fixture;
  readonly clock: DoubleClock;
  requests: RecordedRequest[];
  /** Every LinkedIn API request: /voyager/api and SDUI server requests (pages excluded). */
  voyagerRequests(): RecordedRequest[];
  /** Same as voyagerRequests() (the name says what it covers). */
  apiRequests(): RecordedRequest[];
  /** SDUI server requests only. */
  sduiRequests(): RecordedRequest[];
  /** Applied writes, Voyager and SDUI. */
  mutations(): RecordedRequest[];
  /** Requests v2 says must never be sent, each with a short reason; e2e asserts it stays empty. */
  violations: string[];
  state: DoubleState;
  addMember(m: Partial<Member> & { slug: string }): Member;
  addCompany(c: { id: string; slug: string; name?: string; followerCount?: number }): void;
  addPost(p?: { id?: string; kind?: PostKind }): { threadUrn: string; id: string; shareUrn?: string };
  /** `from` invited the viewer (a RECEIVED invitation, D5). */
  addReceivedInvitation(from: Member): Invitation;
  /** `n` other members react (LIKE unless given) to the thread; they come before the viewer in the read-back. */
  addReactions(threadUrn: string, n: number, type?: ReactionType): void;
  setViewer(m: Member): void;
  /** Switches account as a new sign-in would: viewer and fresh session cookies (call harness.signIn() after). */
  signInAs(m: Member): void;
  /** D2: the next matching request gets the CSRF 403 with a new JSESSIONID cookie; only the new value is accepted after. */
  rotateCsrf(opts?: { match?: (r: FailureMatchInput) => boolean }): void;
  fail(scenario: Scenario, opts?: FailOptions): void;
  clearFailures(): void;
  /** Forgets recorded requests and violations; the world stays. */
  reset(): void;
  close(): Promise<void>;
}
