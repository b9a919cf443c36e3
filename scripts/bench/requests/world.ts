/** The LinkedIn double's world for the requests bench: members, a company, posts, pending invitations. */
import type { LinkedInDouble, Member } from '../../../e2e/doubles/linkedin/server';
import type { ActionSpec } from './rows';

export interface World {
  connectTarget: Member;
  withdrawTarget: Member;
  urnTarget: Member;
  friend: Member;
  followTarget: Member;
  companySlug: string;
  posts: { react: string; comment: string; share: string; save: string; fallback: string };
}

export function seedWorld(li: LinkedInDouble): World {
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
export function addInvitation(li: LinkedInDouble, tail: string): string {
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

export function dropInvitations(li: LinkedInDouble, tail: string): void {
  for (const [id, inv] of li.state.invitations) if (inv.inviteeTail === tail) li.state.invitations.delete(id);
}

export const profileUrl = (m: Member): string => `https://www.linkedin.com/in/${m.slug}/`;
export const postUrl = (threadUrn: string): string => `https://www.linkedin.com/feed/update/${threadUrn}/`;
export const ok: ActionSpec['expect'] = { status: 'succeeded', code: null };
