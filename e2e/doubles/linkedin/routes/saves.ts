/**
 * Save / unsave (v2 "Save / unsave": medium; D14 low). 200 with an empty
 * body. No GET (D14): reconcile by re-sending the same state (v2: safe).
 */
import { badRequest, empty, notFound } from '../http';
import { patchSet } from '../shape';
import type { Route } from './types';

const PATH =
  /^\/voyagerFeedDashSaveStates\/urn:li:fsd_saveState:\(SAVE,(urn:li:(?:activity|ugcPost|share):[A-Za-z0-9_-]+)\)$/;

export const saveRoutes: Route[] = [
  {
    endpoint: 'save',
    method: 'POST',
    path: PATH,
    query: {},
    body: 'json',
    write: true,
    handle: ({ state, params, body }) => {
      const saved = patchSet(body, 'saved');
      const threadUrn = params[0] ?? '';
      if (!state.posts.has(threadUrn)) throw notFound();
      if (saved) state.saved.add(threadUrn);
      else state.saved.delete(threadUrn);
      return empty(200);
    },
  },
  {
    endpoint: 'save.read',
    method: 'GET',
    path: /^\/voyagerFeedDashSaveStates(\/.*)?$/,
    query: {},
    body: 'any',
    write: false,
    violation: 'GET on voyagerFeedDashSaveStates (D14: no read-back; re-send the same state)',
    handle: () => {
      throw badRequest('GET is not supported on saveStates');
    },
  },
];
