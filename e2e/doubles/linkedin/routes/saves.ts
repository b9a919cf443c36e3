/**
 * Save / unsave (voyager-reference.md "Save / unsave": high). Answers 204.
 * The GET read-back is assumed, low confidence.
 */
import { json, noContent, notFound } from '../http';
import { patchSet } from '../shape';
import type { DoubleState } from '../types';
import type { Route } from './types';

const PATH = /^\/voyagerFeedDashSaveStates\/(urn:li:fsd_saveState:\(SAVE,(urn:li:(?:activity|ugcPost|share):[A-Za-z0-9_-]+)\))$/;

function knownThread(state: DoubleState, params: string[]): { entityUrn: string; threadUrn: string } {
  const [entityUrn = '', threadUrn = ''] = params;
  if (!state.posts.has(threadUrn)) throw notFound();
  return { entityUrn, threadUrn };
}

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
      const { threadUrn } = knownThread(state, params);
      if (saved) state.saved.add(threadUrn);
      else state.saved.delete(threadUrn);
      return noContent();
    },
  },
  {
    endpoint: 'saveState',
    method: 'GET',
    path: PATH,
    query: {},
    body: 'none',
    write: false,
    handle: ({ state, params }) => {
      const { entityUrn, threadUrn } = knownThread(state, params);
      return json(200, { data: { entityUrn, saved: state.saved.has(threadUrn) } });
    },
  },
];
