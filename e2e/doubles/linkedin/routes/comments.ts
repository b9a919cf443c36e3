/**
 * Comments (v2 "Comments": medium-high; D12 low for the read-back shape).
 * Threads are activity or ugcPost URNs; voyagerSocialDashComments does not exist.
 */
import { badRequest, json, notFound } from '../http';
import { newEntityId } from '../ids';
import { miniProfileUrn } from '../state';
import { exactObject, emptyArray, literal, string } from '../shape';
import type { Member, StoredComment } from '../types';
import { miniProfileEntity } from './entities';
import type { Route } from './types';

const COMMENT_THREAD = /^urn:li:(activity|ugcPost):[0-9]+$/;

const comment: Route = {
  endpoint: 'comment',
  method: 'POST',
  path: /^\/voyagerSocialDashNormComments$/,
  query: { decorationId: 'com.linkedin.voyager.dash.deco.social.NormComment-43' },
  body: 'json',
  write: true,
  handle: ({ state, body, now }) => {
    const root = exactObject(body, 'body', ['commentary', 'threadUrn']);
    const commentary = exactObject(root.commentary, 'body.commentary', ['text', 'attributesV2', '$type']);
    const text = string(commentary.text, 'body.commentary.text', { min: 1, max: 1250 });
    emptyArray(commentary.attributesV2, 'body.commentary.attributesV2');
    literal(commentary.$type, 'body.commentary.$type', 'com.linkedin.voyager.dash.common.text.TextViewModel');
    const threadUrn = string(root.threadUrn, 'body.threadUrn', { pattern: COMMENT_THREAD });
    if (!state.posts.has(threadUrn)) throw notFound();
    const stored: StoredComment = {
      urn: `urn:li:fsd_comment:(${newEntityId()},${threadUrn})`,
      threadUrn,
      text,
      commenterTail: state.viewer.tail,
      at: now,
    };
    state.comments.push(stored);
    return json(201, { data: { entityUrn: stored.urn } });
  },
};

/** D12 read-back (MG, medium): newest first, with the commenters' mini profiles. */
const comments: Route = {
  endpoint: 'comments',
  method: 'GET',
  path: /^\/feed\/comments$/,
  query: { q: 'comments', updateId: COMMENT_THREAD },
  body: 'none',
  write: false,
  handle: ({ state, query }) => {
    const threadUrn = query.updateId ?? '';
    if (!state.posts.has(threadUrn)) throw notFound();
    const list = state.comments.filter((c) => c.threadUrn === threadUrn).reverse();
    const commenters = new Map<string, Member>();
    for (const c of list) {
      const m = state.members.get(c.commenterTail);
      if (m) commenters.set(m.tail, m);
    }
    return json(200, {
      data: { '*elements': list.map((c) => c.urn) },
      included: [
        ...list.map((c) => ({
          $type: 'com.linkedin.voyager.feed.Comment',
          entityUrn: c.urn,
          commentV2: { text: c.text },
          commenter: { 'com.linkedin.voyager.feed.MemberActor': { '*miniProfile': miniProfileUrn(c.commenterTail) } },
          createdTime: c.at,
        })),
        ...[...commenters.values()].map(miniProfileEntity),
      ],
    });
  },
};

const dashComments: Route = {
  endpoint: 'comments.dash',
  method: '*',
  path: /^\/voyagerSocialDashComments(\/.*)?$/,
  query: {},
  body: 'any',
  write: false,
  violation: 'voyagerSocialDashComments (v2: answers 400; use voyagerSocialDashNormComments / feed/comments)',
  handle: () => {
    throw badRequest('voyagerSocialDashComments is not supported');
  },
};

export const commentRoutes: Route[] = [comment, comments, dashComments];
