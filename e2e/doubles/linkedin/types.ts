/**
 * Public types of the LinkedIn double (see server.ts). The double follows
 * /work/shared/voyager-reference.md and refuses (400) anything else.
 */

export interface RecordedRequest {
  id: number;
  /** Epoch ms when the request arrived. */
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
  /** A short name: 'me', 'profile', 'connect', 'follow', … ('page', 'favicon', 'unknown' otherwise). */
  endpoint: string;
}

export type Distance = 1 | 2 | 3 | 'OUT_OF_NETWORK';

export interface Member {
  tail: string;
  slug: string;
  firstName: string;
  lastName: string;
  memberId: string;
  distance: Distance;
}

export interface Company {
  id: string;
  slug: string;
  name: string;
}

export type PostKind = 'activity' | 'ugcPost' | 'share';

export interface Post {
  id: string;
  kind: PostKind;
  threadUrn: string;
}

export interface Invitation {
  id: string;
  inviteeTail: string;
  sharedSecret: string;
  sentAt: number;
  message?: string;
}

export const REACTION_TYPES = ['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT'] as const;
export type ReactionType = (typeof REACTION_TYPES)[number];

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
  urn: string;
  parentUrn: string;
  text: string;
}

/** The inspectable world. Tests may read and change it directly. */
export interface DoubleState {
  viewer: Member;
  /** By tail (the viewer is in here too). */
  members: Map<string, Member>;
  /** Tails of 1st-degree connections: the source of truth for "connected". */
  connections: Set<string>;
  /** Pending invitations from the viewer, by invitation id. */
  invitations: Map<string, Invitation>;
  /** 'member:<tail>' or 'company:<id>'. */
  following: Set<string>;
  /** Thread URNs the viewer saved. */
  saved: Set<string>;
  /** The viewer's reaction per thread URN. */
  reactions: Map<string, ReactionType>;
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

export type Scenario =
  | { kind: 'status999' }
  | { kind: 'challenge' }
  | { kind: 'authwall' }
  | { kind: 'unauthorized' }
  | { kind: 'csrf' }
  | { kind: 'rateLimited' }
  | { kind: 'serverError' }
  | { kind: 'slow'; ms: number }
  | { kind: 'dropAfterApply' }
  | { kind: 'inviteLimit' };

export interface FailureMatchInput {
  method: string;
  path: string;
  endpoint: string;
}

export interface FailOptions {
  match?: (r: FailureMatchInput) => boolean;
  times?: number;
}

export interface LinkedInDouble {
  url: string;
  port: number;
  spkiHash: string;
  /** jsessionId WITHOUT quotes; the cookie value is `"` + jsessionId + `"`. */
  session: { liAt: string; jsessionId: string };
  /** The signed-in account. */
  readonly viewer: Member;
  requests: RecordedRequest[];
  voyagerRequests(): RecordedRequest[];
  mutations(): RecordedRequest[];
  state: DoubleState;
  addMember(m: Partial<Member> & { slug: string }): Member;
  addCompany(c: { id: string; slug: string; name?: string }): void;
  addPost(p?: { id?: string; kind?: PostKind }): { threadUrn: string; id: string };
  setViewer(m: Member): void;
  /** Switches account as a new sign-in would: viewer and fresh session cookies (call harness.signIn() after). */
  signInAs(m: Member): void;
  fail(scenario: Scenario, opts?: FailOptions): void;
  clearFailures(): void;
  reset(): void;
  close(): Promise<void>;
}
