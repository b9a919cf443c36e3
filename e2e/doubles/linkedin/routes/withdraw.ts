/**
 * Withdraw, Voyager variants 1, 3, 4 (v2 "Withdraw": medium / low / low;
 * D8 low). Variant 2 (SDUI) is in ../sdui/withdraw.ts. All share
 * withdrawInvitation(), which records withdrawnAt (21-day CANT_RESEND_YET).
 */
import { json, noContent, notFound, refusedIn200, serviceError } from '../http';
import { invitationById, withdrawInvitation } from '../state';
import { exactObject, literal, string } from '../shape';
import type { Route } from './types';

/** The three variants that must answer "next variant" before the DELETE may be sent (v2, D8). */
export const WITHDRAW_VARIANTS = ['withdraw', 'withdraw.sdui', 'withdraw.legacy'] as const;

const RECEIVED = 'withdraw of a RECEIVED invitation (v2: never withdraw RECEIVED)';

const withdraw: Route = {
  endpoint: 'withdraw',
  method: 'POST',
  path: /^\/voyagerRelationshipsDashInvitations\/urn:li:fsd_invitation:([0-9]+)$/,
  query: { action: 'withdraw' },
  body: 'json',
  write: true,
  subject: (params) => params[0],
  handle: ({ state, params, body, now, violate }) => {
    literal(exactObject(body, 'body', ['invitationType']).invitationType, 'body.invitationType', 'CONNECTION');
    const inv = invitationById(state, params[0] ?? '');
    if (inv?.type === 'RECEIVED') violate(RECEIVED);
    // D8 assumption: not pending, RECEIVED or unknown → 400 with a business code.
    if (!inv || inv.type === 'RECEIVED') throw serviceError(400, 'INVITATION_NOT_PENDING');
    withdrawInvitation(state, inv, now);
    return noContent();
  },
};

const legacy: Route = {
  endpoint: 'withdraw.legacy',
  method: 'POST',
  path: /^\/relationships\/invitations\/([0-9]+)$/,
  query: { action: 'withdraw' },
  body: 'json',
  write: true,
  subject: (params) => params[0],
  handle: ({ state, params, body, now, violate }) => {
    const root = exactObject(body, 'body', ['invitationId', 'invitationSharedSecret', 'isGenericInvitation']);
    const id = params[0] ?? '';
    literal(root.invitationId, 'body.invitationId', id);
    const secret = string(root.invitationSharedSecret, 'body.invitationSharedSecret', { min: 1 });
    literal(root.isGenericInvitation, 'body.isGenericInvitation', false);
    const inv = invitationById(state, id);
    if (inv?.type === 'RECEIVED') violate(RECEIVED);
    // D8: a legacy error arrives inside a 200.
    if (!inv || inv.type === 'RECEIVED' || inv.sharedSecret !== secret) return refusedIn200({ status: 400 });
    withdrawInvitation(state, inv, now);
    return json(200, { data: {} });
  },
};

const lastResort: Route = {
  endpoint: 'withdraw.delete',
  method: 'DELETE',
  path: /^\/voyagerRelationshipsDashMemberRelationships\/urn:li:fsd_invitation:([0-9]+)$/,
  query: {},
  body: 'none',
  write: true,
  subject: (params) => params[0],
  handle: ({ state, params, now, violate, nextVariantAnswered }) => {
    const id = params[0] ?? '';
    const tried = nextVariantAnswered.get(id) ?? new Set<string>();
    const missing = WITHDRAW_VARIANTS.filter((v) => !tried.has(v));
    if (missing.length > 0) {
      violate(
        `invitation DELETE before ${missing.join(', ')} answered "next variant" (v2: never start with the DELETE)`,
      );
      return json(400, { status: 400 });
    }
    const inv = invitationById(state, id);
    if (inv?.type === 'RECEIVED') violate(RECEIVED);
    if (!inv || inv.type === 'RECEIVED') throw notFound();
    withdrawInvitation(state, inv, now);
    return noContent();
  },
};

export const withdrawRoutes: Route[] = [withdraw, legacy, lastResort];
