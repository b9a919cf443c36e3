/**
 * Sent invitations (voyager-reference.md "List sent", confidence high):
 * GET /voyager/api/relationships/sentInvitationViewsV2?count=100&invitationType=CONNECTION&q=invitationType&start=<k>
 * Each invitation entity has entityUrn (fsd or legacy), sharedSecret and a
 * reference to the invitee's profile.
 */
import { dataOf, includedOf, isRecord, stringField, urnTail } from './normalized';

export const SENT_PAGE_SIZE = 100;

export function sentInvitationsPath(start: number): string {
  return `/relationships/sentInvitationViewsV2?count=${SENT_PAGE_SIZE}&invitationType=CONNECTION&q=invitationType&start=${start}`;
}

export interface SentInvitation {
  urn: string;
  sharedSecret: string | null;
  inviteeTail: string | null;
}

const INVITEE_KEYS = ['*toMember', '*invitee', 'toMemberUrn', 'inviteeUrn', '*toMemberProfile'];

export function parseSentInvitations(json: unknown): { invitations: SentInvitation[]; total: number | null } {
  const invitations = includedOf(json).flatMap((e) => {
    const entityUrn = stringField(e, 'entityUrn');
    if (!entityUrn || !/^urn:li:(fsd_)?invitation:\d+$/.test(entityUrn)) return [];
    const urn = entityUrn.replace(/^urn:li:invitation:/, 'urn:li:fsd_invitation:');
    const invitee = INVITEE_KEYS.map((k) => stringField(e, k)).find((v) => v !== undefined);
    return [{ urn, sharedSecret: stringField(e, 'sharedSecret') ?? null, inviteeTail: invitee ? (urnTail(invitee) ?? null) : null }];
  });
  const paging = dataOf(json)?.paging;
  const total = isRecord(paging) && typeof paging.total === 'number' ? paging.total : null;
  return { invitations, total };
}
