import type { Reply } from '../http';
import type { DoubleState } from '../types';

export interface RouteContext {
  state: DoubleState;
  /** Captures of `Route.path` on the decoded path. */
  params: string[];
  /** Decoded once; already checked against `Route.query`. */
  query: Record<string, string>;
  /** The raw query string (Rest.li `variables=(…)` is checked on it). */
  rawQuery: string;
  /** Parsed JSON (null for body 'none'). */
  body: unknown;
  /** The double's clock (Date.now() + the test offset). */
  now: number;
  /** Records a request v2 says must never be sent (`linkedin.violations`). */
  violate(reason: string): void;
  /** Per invitation id, the withdraw variants that already answered "next variant" (D8). */
  nextVariantAnswered: Map<string, Set<string>>;
}

export interface Route {
  /** Recorded as RecordedRequest.endpoint. */
  endpoint: string;
  /** '*': any method (for paths that do not exist at all). */
  method: 'GET' | 'POST' | 'DELETE' | '*';
  /** Matched against the path after /voyager/api, URL-decoded once. */
  path: RegExp;
  /**
   * Every allowed query parameter (all required; others → 400). A string
   * value must match exactly and also selects between routes on one path.
   */
  query: Record<string, string | RegExp>;
  /** 'none': no body allowed; 'json': a JSON body is required; 'any': not checked (refusals). */
  body: 'none' | 'json' | 'any';
  /** A write: a 2xx answer means the double applied it (unless the reply says notApplied). */
  write: boolean;
  /** A request v2 says must never be sent: recorded as a violation as soon as the route matches, query not checked. */
  violation?: string;
  /** The invitation id a withdraw variant is about (D8 bookkeeping). */
  subject?(params: string[], body: unknown): string | undefined;
  handle(ctx: RouteContext): Reply;
}

export const COUNT_1_100 = /^(100|[1-9][0-9]?)$/;
export const NON_NEGATIVE = /^(0|[1-9][0-9]*)$/;
/** A post (thread) URN. */
export const THREAD_URN = /^urn:li:(activity|ugcPost|share):[A-Za-z0-9_-]+$/;
export const PROFILE_URN = /^urn:li:fsd_profile:([A-Za-z0-9_-]+)$/;
