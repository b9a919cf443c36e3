/**
 * Reactions (v2 "Reactions": react high on activity; read-back TQ+MG; D10 low
 * for exact shapes). Unreact is SDUI only (../sdui/unreact.ts): a Voyager
 * DELETE answers 400 in every key format, and there is no q=viewerReaction.
 */
import { badRequest, empty, json, notFound } from '../http';
import { profileUrn } from '../state';
import { exactObject, oneOf } from '../shape';
import { REACTION_TYPES, type DoubleState, type OtherReaction } from '../types';
import { COUNT_1_100, NON_NEGATIVE, THREAD_URN, type Route } from './types';

export const reactionUrn = (actorTail: string, threadUrn: string): string =>
  `urn:li:fsd_reaction:(${profileUrn(actorTail)},${threadUrn},0)`;

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
    // v2 / D10: 201 with an EMPTY body; the key is only in x-restli-id.
    return empty(201, { 'x-restli-id': reactionUrn(state.viewer.tail, thread) });
  },
};

/** D10: other members first, the viewer last, so a client must page until the viewer appears. */
const reactions: Route = {
  endpoint: 'reactions',
  method: 'GET',
  path: /^\/voyagerSocialDashReactions$/,
  query: {
    q: 'reactionType',
    threadUrn: THREAD_URN,
    decorationId: 'com.linkedin.voyager.dash.deco.social.ReactionsByTypeWithProfileActions-13',
    start: NON_NEGATIVE,
    count: COUNT_1_100,
  },
  body: 'none',
  write: false,
  handle: ({ state, query }) => {
    const thread = knownThread(state, query.threadUrn);
    const start = Number(query.start);
    const count = Number(query.count);
    const viewerType = state.reactions.get(thread);
    const all: OtherReaction[] = [
      ...(state.otherReactions.get(thread) ?? []),
      ...(viewerType ? [{ actorTail: state.viewer.tail, type: viewerType }] : []),
    ];
    const page = all.slice(start, start + count);
    return json(200, {
      data: {
        '*elements': page.map((r) => reactionUrn(r.actorTail, thread)),
        paging: { start, count, total: all.length },
      },
      included: page.map((r) => ({
        $type: 'com.linkedin.voyager.dash.social.Reaction',
        entityUrn: reactionUrn(r.actorTail, thread),
        reactionType: r.type,
        actorUrn: profileUrn(r.actorTail),
      })),
    });
  },
};

const viewerReaction: Route = {
  endpoint: 'reactions.viewerReaction',
  method: 'GET',
  path: /^\/voyagerSocialDashReactions$/,
  query: { q: 'viewerReaction' },
  body: 'any',
  write: false,
  violation: 'q=viewerReaction on voyagerSocialDashReactions (v2: there is no q=viewerReaction)',
  handle: () => {
    throw badRequest('unknown finder: viewerReaction');
  },
};

const deleteReaction: Route = {
  endpoint: 'unreact.delete',
  method: 'DELETE',
  path: /^\/voyagerSocialDashReactions(\/.*)?$/,
  query: {},
  body: 'any',
  write: false,
  violation: 'DELETE on voyagerSocialDashReactions (v2: 400 in every key format; unreact is SDUI only)',
  handle: () => {
    throw badRequest('reaction delete is not supported');
  },
};

export const reactionRoutes: Route[] = [react, reactions, viewerReaction, deleteReaction];
