/**
 * The in-memory LinkedIn world and the derived views routes need
 * (relationship, pending invitation). Tests may inspect and change it.
 */
import { newEntityId, newMemberId, newTail } from './ids';
import type { Company, DoubleState, Invitation, Member, Post, PostKind } from './types';

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
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
  };
}

export function createState(viewer: Member): DoubleState {
  return {
    viewer,
    members: new Map([[viewer.tail, viewer]]),
    connections: new Set(),
    invitations: new Map(),
    following: new Set(),
    saved: new Set(),
    reactions: new Map(),
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

export function addCompany(state: DoubleState, c: { id: string; slug: string; name?: string }): Company {
  const company: Company = { id: c.id, slug: c.slug, name: c.name ?? c.slug.split('-').map(capitalize).join(' ') };
  state.companies.set(company.id, company);
  return company;
}

export function addPost(state: DoubleState, p: { id?: string; kind?: PostKind } = {}): Post {
  const id = p.id ?? newEntityId();
  const kind = p.kind ?? 'activity';
  const post: Post = { id, kind, threadUrn: `urn:li:${kind}:${id}` };
  state.posts.set(post.threadUrn, post);
  return post;
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
export const relationshipUrn = (tail: string): string => `urn:li:fsd_memberRelationship:${tail}`;
