/**
 * Reactions (voyager-reference.md "Reactions": react medium; remove low).
 * The viewer-reaction read-back (`q=viewerReaction`) is assumed, low confidence.
 */
import { badRequest, json, noContent, notFound } from '../http';
import { profileUrn } from '../state';
import { exactObject, oneOf } from '../shape';
import { REACTION_TYPES, type DoubleState } from '../types';
import { THREAD_URN, type Route } from './types';

const REACTION_URN = /^\/voyagerSocialDashReactions\/urn:li:fsd_reaction:\(urn:li:fsd_profile:([A-Za-z0-9_-]+),(urn:li:[A-Za-z]+:[A-Za-z0-9_-]+),([A-Z]+)\)$/;

function knownThread(state: DoubleState, threadUrn: string | undefined): string {
  if (!threadUrn || !state.posts.has(threadUrn)) throw notFound();
  return threadUrn;
}

const react: Route = {
  endpoint: 'react',
  method: 'POST',
  path: /^\/voyagerSocialDashReactions$/,
  query: { threadUrn: THREAD_URN },
  body: 'json',
  write: true,
  handle: ({ state, query, body }) => {
    const root = exactObject(body, 'body', ['reactionType']);
    const type = oneOf(root.reactionType, 'body.reactionType', REACTION_TYPES);
    const thread = knownThread(state, query.threadUrn);
    state.reactions.set(thread, type);
    return json(201, { data: { entityUrn: `urn:li:fsd_reaction:(${profileUrn(state.viewer.tail)},${thread},${type})`, reactionType: type } });
  },
};

const unreact: Route = {
  endpoint: 'unreact',
  method: 'DELETE',
  path: REACTION_URN,
  query: {},
  body: 'none',
  write: true,
  handle: ({ state, params }) => {
    const [viewerTail, thread = '', type] = params;
    if (!THREAD_URN.test(thread)) throw badRequest('reaction URN: unexpected thread URN');
    oneOf(type, 'reaction URN type', REACTION_TYPES);
    if (viewerTail !== state.viewer.tail || state.reactions.get(thread) !== type) throw notFound();
    state.reactions.delete(thread);
    return noContent();
  },
};

const viewerReaction: Route = {
  endpoint: 'viewerReaction',
  method: 'GET',
  path: /^\/voyagerSocialDashReactions$/,
  query: { q: 'viewerReaction', threadUrn: THREAD_URN },
  body: 'none',
  write: false,
  handle: ({ state, query }) => {
    const thread = knownThread(state, query.threadUrn);
    return json(200, { data: { threadUrn: thread, reactionType: state.reactions.get(thread) ?? null } });
  },
};

export const reactionRoutes: Route[] = [react, unreact, viewerReaction];
