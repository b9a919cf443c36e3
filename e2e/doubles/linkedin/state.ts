/**
 * The in-memory LinkedIn world and the derived views routes need
 * (relationship, pending invitation). Tests may inspect and change it.
 */
import { newEntityId, newMemberId, newSharedSecret, newTail } from './ids';
import type { Company, DoubleState, Invitation, Member, Post, PostKind, ReactionType } from './types';

/** v2 "Send": a withdraw blocks re-inviting for about 3 weeks; the double uses exactly 21 days. */
export const RESEND_BLOCK_MS = 21 * 86_400_000;

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function newMember(m: Partial<Member> & { slug: string }): Member {
  const [first = 'Member', last = 'Example'] = m.slug.split('-');
  return {
    tail: m.tail ?? newTail(),
    slug: m.slug,
    firstName: m.firstName ?? capitalize(first),
    lastName: m.lastName ?? capitalize(last),
    memberId: m.memberId ?? newMemberId(),
    distance: m.distance ?? 2,
    ...(m.invitable === false ? { invitable: false } : {}),
  };
}

export function createState(viewer: Member): DoubleState {
  return {
    viewer,
    members: new Map([[viewer.tail, viewer]]),
    connections: new Set(),
    invitations: new Map(),
    receivedInvitations: new Map(),
    withdrawnInvitations: new Map(),
    withdrawnAt: new Map(),
    following: new Set(),
    saved: new Set(),
    reactions: new Map(),
    otherReactions: new Map(),
    comments: [],
    messages: [],
    conversations: new Map(),
    shares: [],
    companies: new Map(),
    posts: new Map(),
  };
}

/** Adds a member (replacing one with the same slug or tail); distance 1 also makes them a connection. */
export function addMember(state: DoubleState, m: Partial<Member> & { slug: string }): Member {
  const member = newMember(m);
  for (const old of [...state.members.values()]) {
    if (old !== state.viewer && (old.slug === member.slug || old.tail === member.tail)) {
      state.members.delete(old.tail);
      state.connections.delete(old.tail);
    }
  }
  state.members.set(member.tail, member);
  if (member.distance === 1) state.connections.add(member.tail);
  else state.connections.delete(member.tail);
  return member;
}

export function addCompany(
  state: DoubleState,
  c: { id: string; slug: string; name?: string; followerCount?: number },
): Company {
  const company: Company = {
    id: c.id,
    slug: c.slug,
    name: c.name ?? c.slug.split('-').map(capitalize).join(' '),
    followerCount: c.followerCount ?? 1200,
  };
  state.companies.set(company.id, company);
  return company;
}

export function addPost(state: DoubleState, p: { id?: string; kind?: PostKind } = {}): Post {
  const id = p.id ?? newEntityId();
  const kind = p.kind ?? 'activity';
  const threadUrn = `urn:li:${kind}:${id}`;
  // An activity wraps a share with its own id (v2 "Repost": the Voyager forms need the share URN).
  const shareUrn = kind === 'activity' ? `urn:li:share:${newEntityId()}` : kind === 'share' ? threadUrn : undefined;
  const post: Post = { id, kind, threadUrn, ...(shareUrn ? { shareUrn } : {}) };
  state.posts.set(post.threadUrn, post);
  return post;
}

export function postByShareUrn(state: DoubleState, shareUrn: string): Post | undefined {
  for (const p of state.posts.values()) if (p.shareUrn === shareUrn) return p;
  return undefined;
}

/** `from` invited the viewer (D5: RECEIVED invitations are modelled too). */
export function addReceivedInvitation(state: DoubleState, from: Member, now: number): Invitation {
  const inv: Invitation = {
    id: newEntityId(),
    inviteeTail: from.tail,
    sharedSecret: newSharedSecret(),
    sentAt: now,
    type: 'RECEIVED',
  };
  state.receivedInvitations.set(inv.id, inv);
  return inv;
}

export function addReactions(state: DoubleState, threadUrn: string, n: number, type: ReactionType = 'LIKE'): void {
  const list = state.otherReactions.get(threadUrn) ?? [];
  for (let i = 0; i < n; i++) list.push({ actorTail: newTail(), type });
  state.otherReactions.set(threadUrn, list);
}

export function receivedInvitationFrom(state: DoubleState, tail: string): Invitation | undefined {
  for (const inv of state.receivedInvitations.values()) if (inv.inviteeTail === tail) return inv;
  return undefined;
}

/** A SENT or RECEIVED pending invitation by id. */
export function invitationById(state: DoubleState, id: string): Invitation | undefined {
  return state.invitations.get(id) ?? state.receivedInvitations.get(id);
}

/** Applies a withdraw of a pending SENT invitation (all four variants share it, D8). */
export function withdrawInvitation(state: DoubleState, inv: Invitation, now: number): void {
  state.invitations.delete(inv.id);
  state.withdrawnInvitations.set(inv.id, inv);
  state.withdrawnAt.set(inv.inviteeTail, now);
}

/** v2 "Send": CANT_RESEND_YET while pending or within 21 days of a withdraw. */
export function cantResendYet(state: DoubleState, tail: string, now: number): boolean {
  if (pendingInvitationTo(state, tail)) return true;
  const at = state.withdrawnAt.get(tail);
  return at !== undefined && now - at < RESEND_BLOCK_MS;
}

export function memberBySlug(state: DoubleState, slug: string): Member | undefined {
  for (const m of state.members.values()) if (m.slug === slug) return m;
  return undefined;
}

/** memberIdentity: a slug (exact), a profile tail or a numeric member id. */
export function memberByIdentity(state: DoubleState, identity: string): Member | undefined {
  const byTail = state.members.get(identity);
  if (byTail) return byTail;
  for (const m of state.members.values()) if (m.slug === identity || m.memberId === identity) return m;
  return undefined;
}

export function companyBySlug(state: DoubleState, slug: string): Company | undefined {
  for (const c of state.companies.values()) if (c.slug === slug) return c;
  return undefined;
}

export function isConnected(state: DoubleState, tail: string): boolean {
  return state.connections.has(tail);
}

export function pendingInvitationTo(state: DoubleState, tail: string): Invitation | undefined {
  for (const inv of state.invitations.values()) if (inv.inviteeTail === tail) return inv;
  return undefined;
}

/** Distance when not connected: a distance-1 member who was removed from `connections` counts as 2nd degree. */
export function memberDistance(member: Member): 'DISTANCE_2' | 'DISTANCE_3' | 'OUT_OF_NETWORK' {
  if (member.distance === 3) return 'DISTANCE_3';
  if (member.distance === 'OUT_OF_NETWORK') return 'OUT_OF_NETWORK';
  return 'DISTANCE_2';
}

export const profileUrn = (tail: string): string => `urn:li:fsd_profile:${tail}`;
export const miniProfileUrn = (tail: string): string => `urn:li:fs_miniProfile:${tail}`;
export const invitationUrn = (id: string): string => `urn:li:fsd_invitation:${id}`;
export const memberUrn = (id: string): string => `urn:li:member:${id}`;
export const relationshipUrn = (tail: string): string => `urn:li:fsd_memberRelationship:${tail}`;
