/**
 * Repost (voyager-reference.md "Repost": LOW confidence — the shape is not
 * confirmed in public sources). The double accepts exactly the assumed
 * GraphQL create-share body and nothing else. The new share becomes a post.
 */
import { badRequest, json, notFound } from '../http';
import { newEntityId } from '../ids';
import { exactObject, literal, string, emptyArray } from '../shape';
import { THREAD_URN, type Route } from './types';

const QUERY_ID = /^voyagerContentcreationDashShares\.[0-9a-f]{32}$/;

function parseShareBody(body: unknown, queryId: string): { text: string; parentUrn: string } {
  const root = exactObject(body, 'body', ['variables', 'queryId', 'includeWebMetadata']);
  if (root.queryId !== queryId) throw badRequest('body.queryId must equal the queryId query parameter');
  literal(root.includeWebMetadata, 'body.includeWebMetadata', true);
  const variables = exactObject(root.variables, 'body.variables', ['post']);
  const post = exactObject(variables.post, 'body.variables.post', [
    'allowedCommentersScope', 'intendedShareLifeCycleState', 'origin', 'visibilityDataUnion', 'commentary', 'parentUrn',
  ]);
  literal(post.allowedCommentersScope, 'body.variables.post.allowedCommentersScope', 'ALL');
  literal(post.intendedShareLifeCycleState, 'body.variables.post.intendedShareLifeCycleState', 'PUBLISHED');
  literal(post.origin, 'body.variables.post.origin', 'FEED');
  const visibility = exactObject(post.visibilityDataUnion, 'body.variables.post.visibilityDataUnion', ['visibilityType']);
  literal(visibility.visibilityType, 'body.variables.post.visibilityDataUnion.visibilityType', 'ANYONE');
  const commentary = exactObject(post.commentary, 'body.variables.post.commentary', ['text', 'attributesV2']);
  const text = string(commentary.text, 'body.variables.post.commentary.text', { max: 3000 });
  emptyArray(commentary.attributesV2, 'body.variables.post.commentary.attributesV2');
  const parentUrn = string(post.parentUrn, 'body.variables.post.parentUrn', { pattern: THREAD_URN });
  return { text, parentUrn };
}

export const shareRoutes: Route[] = [
  {
    endpoint: 'share',
    method: 'POST',
    path: /^\/graphql$/,
    query: { action: 'execute', queryId: QUERY_ID },
    body: 'json',
    write: true,
    handle: ({ state, query, body }) => {
      const { text, parentUrn } = parseShareBody(body, query.queryId ?? '');
      if (!state.posts.has(parentUrn)) throw notFound();
      const id = newEntityId();
      const urn = `urn:li:share:${id}`;
      state.shares.push({ urn, parentUrn, text });
      state.posts.set(urn, { id, kind: 'share', threadUrn: urn });
      return json(200, { value: { data: { createContentcreationDashShares: { resourceKey: urn, entity: { entityUrn: urn } } } } });
    },
  },
];
