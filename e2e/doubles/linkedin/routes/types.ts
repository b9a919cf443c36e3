import type { Reply } from '../http';
import type { DoubleState } from '../types';

export interface RouteContext {
  state: DoubleState;
  /** Captures of `Route.path` on the decoded path. */
  params: string[];
  /** Decoded once; already checked against `Route.query`. */
  query: Record<string, string>;
  /** Parsed JSON (null for body 'none'). */
  body: unknown;
  now: number;
}

export interface Route {
  /** Recorded as RecordedRequest.endpoint. */
  endpoint: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Matched against the path after /voyager/api, URL-decoded once. */
  path: RegExp;
  /**
   * Every allowed query parameter (all required; others → 400). A string
   * value must match exactly and also selects between routes on one path.
   */
  query: Record<string, string | RegExp>;
  /** 'none': no body allowed; 'json': a JSON body is required. */
  body: 'none' | 'json';
  /** A write: a 2xx answer means the double applied it. */
  write: boolean;
  handle(ctx: RouteContext): Reply;
}

export const COUNT_1_100 = /^(100|[1-9][0-9]?)$/;
export const NON_NEGATIVE = /^(0|[1-9][0-9]*)$/;
/** A post (thread) URN. */
export const THREAD_URN = /^urn:li:(activity|ugcPost|share):[A-Za-z0-9_-]+$/;
export const PROFILE_URN = /^urn:li:fsd_profile:([A-Za-z0-9_-]+)$/;
