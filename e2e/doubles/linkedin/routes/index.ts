/**
 * The Voyager route table and the strict parts of dispatch: an unknown path,
 * method or query is a 400 (404 is reserved for "entity does not exist").
 */
import { badRequest, tryParseJson } from '../http';
import { commentRoutes } from './comments';
import { companyRoutes } from './company';
import { followingRoutes } from './following';
import { identityRoutes } from './identity';
import { invitationRoutes } from './invitations';
import { messagingRoutes } from './messaging';
import { reactionRoutes } from './reactions';
import { saveRoutes } from './saves';
import { shareRoutes } from './share';
import type { Route } from './types';
import { withdrawRoutes } from './withdraw';

export type { Route, RouteContext } from './types';

export const ROUTES: readonly Route[] = [
  ...identityRoutes,
  ...invitationRoutes,
  ...withdrawRoutes,
  ...messagingRoutes,
  ...reactionRoutes,
  ...commentRoutes,
  ...followingRoutes,
  ...saveRoutes,
  ...shareRoutes,
  ...companyRoutes,
];

export type Resolution = { route: Route; params: string[] } | { route: null; reason: string };

/** Picks the route for a decoded sub-path (after /voyager/api); string query values select between routes on one path. */
export function resolveRoute(method: string, subPath: string, query: Record<string, string>): Resolution {
  const onPath = ROUTES.map((route) => ({ route, m: route.path.exec(subPath) })).filter((x) => x.m !== null);
  if (onPath.length === 0) return { route: null, reason: `unknown path: ${subPath}` };
  const withMethod = onPath.filter((x) => x.route.method === method || x.route.method === '*');
  if (withMethod.length === 0) return { route: null, reason: `unknown method ${method} for ${subPath}` };
  const selected = withMethod.find((x) =>
    Object.entries(x.route.query).every(([k, v]) => typeof v !== 'string' || query[k] === v),
  );
  if (!selected?.m) return { route: null, reason: `unknown query for ${method} ${subPath}` };
  return { route: selected.route, params: selected.m.slice(1).map((p) => p ?? '') };
}

/** Refusal routes (with a `violation`) take any query. */
export function checkQuery(route: Route, query: Record<string, string>): void {
  if (route.violation !== undefined) return;
  for (const [key, rule] of Object.entries(route.query)) {
    const value = query[key];
    if (value === undefined) throw badRequest(`missing query parameter: ${key}`);
    if (typeof rule === 'string' ? value !== rule : !rule.test(value)) throw badRequest(`bad query parameter: ${key}`);
  }
  for (const key of Object.keys(query))
    if (!(key in route.query)) throw badRequest(`unexpected query parameter: ${key}`);
}

export function parseBody(route: Route, rawBody: string): unknown {
  if (route.body === 'any') {
    const parsed = tryParseJson(rawBody);
    return parsed.ok ? parsed.value : null;
  }
  if (route.body === 'none') {
    if (rawBody !== '') throw badRequest(`${route.endpoint}: no body expected`);
    return null;
  }
  if (rawBody === '') throw badRequest(`${route.endpoint}: missing body`);
  const parsed = tryParseJson(rawBody);
  if (!parsed.ok) throw badRequest(`${route.endpoint}: body is not JSON`);
  return parsed.value;
}
