/**
 * The Voyager client: session headers + the tab transport + classification.
 * One client per action execution, so its counters describe that action.
 * Verdicts that must stop all outbound work (challenge, signed out, 429 off
 * the invitation path) are thrown as LinkedInStop so no action can ignore them.
 */
import { classify, type Verdict } from './classify';
import { voyagerHeaders, type TrackContext } from './headers';
import type { Transport } from './transport';

export type StopVerdict = Extract<Verdict, { kind: 'challenge' | 'session_expired' | 'rate_limited' }>;

export class LinkedInStop extends Error {
  constructor(readonly verdict: StopVerdict) {
    super(`LinkedIn said stop: ${verdict.kind} (HTTP ${verdict.status})`);
  }
}

export interface VoyagerCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query after /voyager/api, already encoded, e.g. `/me`. */
  path: string;
  body?: unknown;
  /** Classify 429/403-quota as the invitation limit rather than rate limiting. */
  invitation?: boolean;
  /** Overrides the client's timeout (e.g. never past the action's lease). */
  timeoutMs?: number;
}

export interface VoyagerStats {
  requests: number;
  mutations: number;
  lastStatus: number | null;
}

export interface VoyagerClient {
  call(call: VoyagerCall): Promise<Verdict>;
  readonly stats: VoyagerStats;
}

export interface VoyagerClientConfig {
  transport: Transport;
  csrfToken: string;
  track: TrackContext;
  timeoutMs: number;
}

export const VOYAGER_PREFIX = '/voyager/api';

export function createVoyagerClient(config: VoyagerClientConfig): VoyagerClient {
  const stats: VoyagerStats = { requests: 0, mutations: 0, lastStatus: null };
  return {
    stats,
    async call(call) {
      const hasBody = call.body !== undefined;
      stats.requests++;
      if (call.method !== 'GET') stats.mutations++;
      const response = await config.transport.send({
        method: call.method,
        path: VOYAGER_PREFIX + call.path,
        headers: voyagerHeaders(config.csrfToken, hasBody, config.track),
        body: hasBody ? JSON.stringify(call.body) : undefined,
        timeoutMs: Math.max(1, Math.min(call.timeoutMs ?? config.timeoutMs, config.timeoutMs)),
      });
      stats.lastStatus = response.status;
      const verdict = classify(response, { invitation: call.invitation });
      if (verdict.kind === 'challenge' || verdict.kind === 'session_expired' || verdict.kind === 'rate_limited') {
        throw new LinkedInStop(verdict);
      }
      return verdict;
    },
  };
}
