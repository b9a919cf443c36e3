/**
 * Repost / share (v2 "Repost / share": low-medium; D15 low). Both Voyager
 * forms take the SHARE URN; GraphQL refuses with 200 + `errors` (D15: errors
 * at the top level). Another queryId (a rotated hash) has no route → 400.
 */
import { json, notFound, refusedIn200 } from '../http';
import { newEntityId } from '../ids';
import { postByShareUrn } from '../state';
import { emptyArray, exactObject, literal, oneOf, string } from '../shape';
import type { Route } from './types';

export const REPOST_QUERY_ID = 'voyagerFeedDashReposts.a0663ae5c654123343da36617d2dbfde';
export const RESHARE_QUERY_ID = 'voyagerContentcreationDashShares.80089eb2e82a2dfa23cb621fb09eb7bf';
const SHARE_URN = /^urn:li:share:[0-9]+$/;
const ANY_URN = /^urn:li:[A-Za-z_]+:.+$/;

const graphqlError = (op: string, message: string) =>
  refusedIn200({ data: { data: { [op]: null } }, errors: [{ message }] });

const repost: Route = {
  endpoint: 'share',
  method: 'POST',
  path: /^\/graphql$/,
  query: { action: 'execute', queryId: REPOST_QUERY_ID },
  body: 'json',
  write: true,
  handle: ({ state, body, violate }) => {
    const root = exactObject(body, 'body', ['variables', 'queryId']);
    literal(root.queryId, 'body.queryId', REPOST_QUERY_ID);
    const entity = exactObject(
      exactObject(root.variables, 'body.variables', ['entity']).entity,
      'body.variables.entity',
      ['rootContentUrn'],
    );
    const rootUrn = string(entity.rootContentUrn, 'body.variables.entity.rootContentUrn', { pattern: ANY_URN });
    if (!SHARE_URN.test(rootUrn)) {
      violate(`repost with rootContentUrn ${rootUrn} (v2: the share URN, never an activity URN)`);
      return graphqlError('createFeedDashReposts', `rootContentUrn must be a share URN: ${rootUrn}`);
    }
    const post = postByShareUrn(state, rootUrn);
    if (!post) throw notFound();
    const urn = `urn:li:fsd_repost:${newEntityId()}`;
    state.shares.push({ urn, parentUrn: post.threadUrn, text: '', via: 'share' });
    return json(200, { data: { data: { createFeedDashReposts: { resourceKey: urn } } } });
  },
};

const reshare: Route = {
  endpoint: 'share.reshare',
  method: 'POST',
  path: /^\/graphql$/,
  query: { action: 'execute', queryId: RESHARE_QUERY_ID },
  body: 'json',
  write: true,
  handle: ({ state, body, violate }) => {
    const root = exactObject(body, 'body', ['variables', 'queryId', 'includeWebMetadata']);
    literal(root.queryId, 'body.queryId', RESHARE_QUERY_ID);
    literal(root.includeWebMetadata, 'body.includeWebMetadata', true);
    const at = 'body.variables.post';
    const p = exactObject(exactObject(root.variables, 'body.variables', ['post']).post, at, [
      'allowedCommentersScope',
      'intendedShareLifeCycleState',
      'origin',
      'parentUrn',
      'visibilityDataUnion',
      'commentary',
    ]);
    literal(p.allowedCommentersScope, `${at}.allowedCommentersScope`, 'ALL');
    literal(p.intendedShareLifeCycleState, `${at}.intendedShareLifeCycleState`, 'PUBLISHED');
    const origin = oneOf(p.origin, `${at}.origin`, ['RESHARE', 'FEED'] as const);
    literal(
      exactObject(p.visibilityDataUnion, `${at}.visibilityDataUnion`, ['visibilityType']).visibilityType,
      `${at}.visibilityDataUnion.visibilityType`,
      'ANYONE',
    );
    const commentary = exactObject(p.commentary, `${at}.commentary`, ['text', 'attributesV2']);
    const text = string(commentary.text, `${at}.commentary.text`, { max: 3000 });
    emptyArray(commentary.attributesV2, `${at}.commentary.attributesV2`);
    const parentUrn = string(p.parentUrn, `${at}.parentUrn`, { pattern: ANY_URN });
    // v2: origin FEED makes a new post instead of a repost; RESHARE needs a share parent.
    if (origin === 'FEED') {
      violate('reshare with origin FEED (v2: that makes a new post)');
      return graphqlError('createContentcreationDashShares', 'origin FEED with a parentUrn is not a reshare');
    }
    if (!SHARE_URN.test(parentUrn)) {
      violate(`RESHARE with parentUrn ${parentUrn} (v2: a share URN only)`);
      return graphqlError('createContentcreationDashShares', `parentUrn must be a share URN: ${parentUrn}`);
    }
    const post = postByShareUrn(state, parentUrn);
    if (!post) throw notFound();
    const id = newEntityId();
    const urn = `urn:li:share:${id}`;
    state.shares.push({ urn, parentUrn: post.threadUrn, text, via: 'share.reshare' });
    state.posts.set(urn, { id, kind: 'share', threadUrn: urn, shareUrn: urn });
    return json(200, {
      data: { data: { createContentcreationDashShares: { resourceKey: urn, entity: { entityUrn: urn } } } },
    });
  },
};

export const shareRoutes: Route[] = [repost, reshare];
