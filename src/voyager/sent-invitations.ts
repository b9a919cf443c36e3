/**
 * Sent invitations (voyager-reference.md v2 "List sent", medium-high; works
 * 2026-10-02):
 *   GET /voyager/api/relationships/sentInvitationViewsV2?count=<≤100>&invitationType=CONNECTION&q=invitationType&start=<n>
 * Rows sit in data["*elements"], data.data["*elements"] or inline elements;
 * each view's `*invitation` points to a `urn:li:fs_relInvitation:<id>`
 * entity (the same id as `urn:li:fsd_invitation:<id>`) with `*toMember`,
 * sharedSecret and sentTime. `paging.total` has read 0, so paging stops on a
 * short page, never on the total.
 */
import { collectionOf, entityByUrn, isRecord, stringField, urnTail, type Entity } from './normalized';

export const SENT_PAGE_SIZE = 100;
/** More than LinkedIn lets anyone keep pending (a few thousand), so paging always ends. */
export const SENT_MAX_PAGES = 30;

export function sentInvitationsPath(start: number): string {
  return `/relationships/sentInvitationViewsV2?count=${SENT_PAGE_SIZE}&invitationType=CONNECTION&q=invitationType&start=${start}`;
}

export interface SentInvitation {
  /** Always as `urn:li:fsd_invitation:<id>`, the form the withdraw calls take. */
  urn: string;
  id: string;
  sharedSecret: string | null;
  inviteeTail: string | null;
}

const INVITATION_URN = /^urn:li:(?:fs_relInvitation|fsd_invitation|invitation):(\d+)$/;
const INVITEE_KEYS = ['*toMember', '*invitee', 'toMemberUrn', 'inviteeUrn', '*toMemberProfile'];

function invitationOf(entity: Entity): SentInvitation | undefined {
  const id = INVITATION_URN.exec(stringField(entity, 'entityUrn') ?? '')?.[1];
  if (!id) return undefined;
  const invitee = INVITEE_KEYS.map((k) => stringField(entity, k)).find((v) => v !== undefined);
  return {
    urn: `urn:li:fsd_invitation:${id}`,
    id,
    sharedSecret: stringField(entity, 'sharedSecret') ?? null,
    inviteeTail: invitee ? (urnTail(invitee) ?? null) : null,
  };
}

/** The page's invitations; undefined when the answer has no collection at all (unreadable). */
export function parseSentInvitations(json: unknown): SentInvitation[] | undefined {
  const collection = collectionOf(json);
  if (!collection) return undefined;
  const refs = collection['*elements'];
  const inline = collection.elements;
  if (!Array.isArray(refs) && !Array.isArray(inline)) return undefined;
  const views: Entity[] = Array.isArray(refs)
    ? refs.flatMap((ref) => (typeof ref === 'string' ? [entityByUrn(json, ref) ?? { entityUrn: ref }] : []))
    : (inline as unknown[]).filter(isRecord);
  return views.flatMap((view) => {
    const ref = stringField(view, '*invitation');
    const entity = ref
      ? (entityByUrn(json, ref) ?? (isRecord(view.invitation) ? view.invitation : undefined))
      : isRecord(view.invitation)
        ? view.invitation
        : view;
    const found = entity ? invitationOf(entity) : undefined;
    return found ? [found] : [];
  });
}
