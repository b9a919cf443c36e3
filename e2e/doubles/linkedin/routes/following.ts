/**
 * Follow / unfollow members and companies (voyager-reference.md "Follow /
 * unfollow": high for the shape). The write answers 204 with no body (LinkedIn
 * answers 200/201/204). The GET read-back is assumed, low confidence.
 */
import { json, noContent, notFound } from '../http';
import { patchSet } from '../shape';
import type { DoubleState } from '../types';
import type { Route } from './types';

const PATH = /^\/feed\/dash\/followingStates\/(urn:li:fsd_followingState:urn:li:(fsd_profile|fsd_company):([A-Za-z0-9_-]+))$/;

/** The `following` set key ('member:<tail>' / 'company:<id>') for the path's entity; 404 when unknown. */
function followKey(state: DoubleState, params: string[]): { key: string; entityUrn: string } {
  const [entityUrn = '', kind, id = ''] = params;
  if (kind === 'fsd_profile' ? !state.members.has(id) : !state.companies.has(id)) throw notFound();
  return { key: `${kind === 'fsd_profile' ? 'member' : 'company'}:${id}`, entityUrn };
}

export const followingRoutes: Route[] = [
  {
    endpoint: 'follow',
    method: 'POST',
    path: PATH,
    query: {},
    body: 'json',
    write: true,
    handle: ({ state, params, body }) => {
      const following = patchSet(body, 'following');
      const { key } = followKey(state, params);
      if (following) state.following.add(key);
      else state.following.delete(key);
      return noContent();
    },
  },
  {
    endpoint: 'followingState',
    method: 'GET',
    path: PATH,
    query: {},
    body: 'none',
    write: false,
    handle: ({ state, params }) => {
      const { key, entityUrn } = followKey(state, params);
      return json(200, { data: { entityUrn, following: state.following.has(key), $type: 'com.linkedin.voyager.dash.feed.FollowingState' } });
    },
  },
];
