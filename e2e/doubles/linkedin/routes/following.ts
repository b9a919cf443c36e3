/**
 * Follow / unfollow members and companies (v2 "Follow / unfollow": member
 * medium, company high; D13 low). 200 with an EMPTY body for both (TK
 * captured unfollow). No GET on followingStates (D13): the read-backs are the
 * profile lookup (FollowingState) and the company lookup (followingInfo).
 */
import { badRequest, empty, notFound } from '../http';
import { patchSet } from '../shape';
import type { DoubleState } from '../types';
import type { Route } from './types';

const PATH =
  /^\/feed\/dash\/followingStates\/urn:li:fsd_followingState:urn:li:(fsd_profile|fsd_company):([A-Za-z0-9_-]+)$/;

/** The `following` set key ('member:<tail>' / 'company:<id>') for the path's entity; 404 when unknown. */
function followKey(state: DoubleState, params: string[]): string {
  const [kind, id = ''] = params;
  if (kind === 'fsd_profile' ? !state.members.has(id) : !state.companies.has(id)) throw notFound();
  return `${kind === 'fsd_profile' ? 'member' : 'company'}:${id}`;
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
      const key = followKey(state, params);
      if (following) state.following.add(key);
      else state.following.delete(key);
      return empty(200);
    },
  },
  {
    endpoint: 'follow.read',
    method: 'GET',
    path: /^\/feed\/dash\/followingStates(\/.*)?$/,
    query: {},
    body: 'any',
    write: false,
    violation: 'GET on feed/dash/followingStates (D13: no such read; use the profile or company lookup)',
    handle: () => {
      throw badRequest('GET is not supported on followingStates');
    },
  },
];
