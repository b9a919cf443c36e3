/**
 * Comments (voyager-reference.md "Comments": high). The comments read-back
 * (`q=comments`) is an assumed shape, low confidence.
 */
import { json, notFound } from '../http';
import { newEntityId } from '../ids';
import { profileUrn } from '../state';
import { exactObject, emptyArray, literal, string } from '../shape';
import type { StoredComment } from '../types';
import { COUNT_1_100, THREAD_URN, type Route } from './types';

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
    const threadUrn = string(root.threadUrn, 'body.threadUrn', { pattern: THREAD_URN });
    if (!state.posts.has(threadUrn)) throw notFound();
    const stored: StoredComment = { urn: `urn:li:fsd_comment:(${newEntityId()},${threadUrn})`, threadUrn, text, commenterTail: state.viewer.tail, at: now };
    state.comments.push(stored);
    return json(201, { data: { entityUrn: stored.urn, commentary: { text } }, included: [] });
  },
};

const comments: Route = {
  endpoint: 'comments',
  method: 'GET',
  path: /^\/voyagerSocialDashComments$/,
  query: { q: 'comments', threadUrn: THREAD_URN, count: COUNT_1_100, sortOrder: 'REVERSE_CHRONOLOGICAL' },
  body: 'none',
  write: false,
  handle: ({ state, query }) => {
    const threadUrn = query.threadUrn ?? '';
    if (!state.posts.has(threadUrn)) throw notFound();
    const list = state.comments.filter((c) => c.threadUrn === threadUrn).reverse().slice(0, Number(query.count));
    return json(200, {
      data: { '*elements': list.map((c) => c.urn) },
      included: list.map((c) => ({
        $type: 'com.linkedin.voyager.dash.social.Comment',
        entityUrn: c.urn,
        commentary: { text: c.text },
        commenterProfileUrn: profileUrn(c.commenterTail),
      })),
    });
  },
};

export const commentRoutes: Route[] = [comment, comments];
