/** me, profile lookup, member relationship (voyager-reference.md "Identity", "Relationship": high). */
import { json, notFound } from '../http';
import { memberByIdentity, miniProfileUrn, profileUrn } from '../state';
import { miniProfileEntity, profileEntity, relationshipEntities } from './entities';
import type { Route } from './types';

const PROFILE_DECORATION = /^com\.linkedin\.voyager\.dash\.deco\.identity\.profile\.(WebTopCardCore|TopCardSupplementary|FullProfileWithEntities)-[0-9]+$/;

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
        data: { plainId: Number(state.viewer.memberId), '*miniProfile': miniProfileUrn(state.viewer.tail), $type: 'com.linkedin.voyager.common.Me' },
        included: [miniProfileEntity(state.viewer)],
      }),
  },
  {
    // memberIdentity is decoded once: a double-encoded slug does not match (→ 404).
    endpoint: 'profile',
    method: 'GET',
    path: /^\/identity\/dash\/profiles$/,
    query: { q: 'memberIdentity', memberIdentity: /^.+$/, decorationId: PROFILE_DECORATION },
    body: 'none',
    write: false,
    handle: ({ state, query }) => {
      const member = memberByIdentity(state, query.memberIdentity ?? '');
      if (!member) throw notFound();
      const { relationship, invitation } = relationshipEntities(state, member);
      return json(200, {
        data: { '*elements': [profileUrn(member.tail)] },
        included: [profileEntity(member), relationship, ...(invitation ? [invitation] : [])],
      });
    },
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
