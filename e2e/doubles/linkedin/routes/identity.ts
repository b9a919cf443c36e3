/**
 * me, profile lookup, member relationship (v2 "Identity": me high, path high,
 * decorations medium; relationship medium-high; D4, D5 low).
 */
import { json, notFound } from '../http';
import { memberByIdentity, miniProfileUrn, profileUrn } from '../state';
import { followingStateEntity, miniProfileEntity, profileEntity, relationshipEntities } from './entities';
import type { Route } from './types';

/** D4, in the client's order. Any other (e.g. the unseen -20) → 400 without a code: "next variant". */
export const TOP_CARD = 'com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-19';
export const FULL_PROFILE = 'com.linkedin.voyager.dash.deco.identity.profile.FullProfileWithEntities-96';
const DECORATIONS = new RegExp(`^(${[TOP_CARD, FULL_PROFILE].map((d) => d.replace(/\./g, '\\.')).join('|')})$`);

export const identityRoutes: Route[] = [
  {
    endpoint: 'me',
    method: 'GET',
    path: /^\/me$/,
    query: {},
    body: 'none',
    write: false,
    handle: ({ state }) =>
      json(200, {
        data: {
          plainId: Number(state.viewer.memberId),
          '*miniProfile': miniProfileUrn(state.viewer.tail),
          $type: 'com.linkedin.voyager.common.Me',
        },
        included: [miniProfileEntity(state.viewer)],
      }),
  },
  {
    // memberIdentity is decoded once: a double-encoded slug does not match (→ 404, D4).
    endpoint: 'profile',
    method: 'GET',
    path: /^\/identity\/dash\/profiles$/,
    query: { q: 'memberIdentity', memberIdentity: /^.+$/, decorationId: DECORATIONS },
    body: 'none',
    write: false,
    handle: ({ state, query }) => {
      const member = memberByIdentity(state, query.memberIdentity ?? '');
      if (!member) throw notFound();
      const topCard = query.decorationId === TOP_CARD;
      const { relationship, invitation } = relationshipEntities(state, member);
      const relationshipParts = topCard ? [relationship, ...(invitation ? [invitation] : [])] : [];
      return json(200, {
        data: { '*elements': [profileUrn(member.tail)] },
        included: [profileEntity(member, topCard), followingStateEntity(state, member), ...relationshipParts],
      });
    },
  },
  {
    // v2: "profileView answers 410" (retired; a metered view either way).
    endpoint: 'profileView',
    method: 'GET',
    path: /^\/identity\/profiles\/[^/]+\/profileView$/,
    query: {},
    body: 'none',
    write: false,
    handle: () => json(410, { status: 410 }),
  },
  {
    endpoint: 'relationship',
    method: 'GET',
    path: /^\/voyagerRelationshipsDashMemberRelationships\/urn:li:fsd_memberRelationship:([A-Za-z0-9_-]+)$/,
    query: {},
    body: 'none',
    write: false,
    handle: ({ state, params }) => {
      const member = state.members.get(params[0] ?? '');
      if (!member) throw notFound();
      const { relationship, invitation } = relationshipEntities(state, member);
      return json(200, { data: relationship, included: invitation ? [invitation] : [] });
    },
  },
];
