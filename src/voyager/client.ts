/**
 * The LinkedIn client: Voyager and SDUI calls over the tab transport, each
 * with its own headers, classified by classify.ts. One client per action
 * execution, so its counters describe that action.
 *
 * Verdicts that must stop all outbound work (challenge, signed out, 429 off
 * the invitation path) are thrown as LinkedInStop so no action can ignore
 * them. A stale csrf token is retried once with the token the tab reads
 * afresh (the write did not apply); a second refusal, or a 401, probes
 * GET /me before anyone calls the session dead (v2: CSRF 403 is not a dead
 * session; MG never saw a 401).
 */
import { classify, type CallKind, type Verdict } from './classify';
import { sduiHeaders, voyagerHeaders } from './headers';
import { sduiEnvelope, sduiPath, type SduiAction } from './sdui';
import type { Transport } from './transport';

export type StopVerdict = Extract<Verdict, { kind: 'challenge' | 'session_expired' | 'rate_limited' }>;

export class LinkedInStop extends Error {
  constructor(readonly verdict: StopVerdict) {
    super(`LinkedIn said stop: ${verdict.kind} (HTTP ${verdict.status})`);
  }
}

interface CallOptions {
  /** An invitation call: limits in any spelling are the weekly invitation limit. */
  invitation?: boolean;
  /** Overrides the client's timeout (e.g. never past the action's lease). */
  timeoutMs?: number;
}

export interface VoyagerCall extends CallOptions {
  api?: 'voyager';
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query after /voyager/api, already encoded, e.g. `/me`. */
  path: string;
  body?: unknown;
}

export interface SduiCall extends CallOptions {
  api: 'sdui';
  action: SduiAction;
}

export type LinkedInCall = VoyagerCall | SduiCall;

export interface ClientStats {
  requests: number;
  mutations: number;
  lastStatus: number | null;
}

export interface LinkedInClient {
  call(call: LinkedInCall): Promise<Verdict>;
  readonly stats: ClientStats;
}

export interface LinkedInClientConfig {
  transport: Transport;
  /** x-li-lang from the user's locale; null omits it. */
  liLang: string | null;
  timeoutMs: number;
}

export const VOYAGER_PREFIX = '/voyager/api';
export const ME_PATH = '/me';

export const isWrite = (call: LinkedInCall): boolean => call.api === 'sdui' || call.method !== 'GET';

/** A short name of what was called, for drift reports and errors (no ids, no personal data). */
export function callLabel(call: LinkedInCall): string {
  if (call.api === 'sdui') return `sdui ${call.action.id}`;
  return `${call.method} ${call.path.split('?')[0]?.replace(/\/urn(%3A|:)[^/?]*/gi, '/<urn>') ?? ''}`;
}

export function createLinkedInClient(config: LinkedInClientConfig): LinkedInClient {
  const stats: ClientStats = { requests: 0, mutations: 0, lastStatus: null };

  async function send(call: LinkedInCall): Promise<Verdict> {
    const timeoutMs = Math.max(1, Math.min(call.timeoutMs ?? config.timeoutMs, config.timeoutMs));
    const kind: CallKind =
      call.api === 'sdui'
        ? { api: 'sdui', invitation: call.invitation, sduiFailure: call.action.failureText }
        : { api: 'voyager', invitation: call.invitation };
    const request =
      call.api === 'sdui'
        ? {
            method: 'POST' as const,
            path: sduiPath(call.action.id),
            headers: sduiHeaders(),
            body: JSON.stringify(sduiEnvelope(call.action)),
            timeoutMs,
          }
        : {
            method: call.method,
            path: VOYAGER_PREFIX + call.path,
            headers: voyagerHeaders(call.body !== undefined, config.liLang),
            body: call.body === undefined ? undefined : JSON.stringify(call.body),
            timeoutMs,
          };
    const response = await config.transport.send(request);
    // A request the tab refused to send (checkpoint, signed out) never reached LinkedIn.
    if (response.blocked === undefined) {
      stats.requests++;
      if (isWrite(call)) stats.mutations++;
      stats.lastStatus = response.status;
    }
    return classify(response, kind);
  }

  /** After a refusal of the session, /me tells a dead session from a refusal of this one call. */
  async function sessionAlive(): Promise<boolean> {
    const me = await send({ method: 'GET', path: ME_PATH });
    if (me.kind === 'ok') return true;
    if (me.kind === 'challenge' || me.kind === 'rate_limited' || me.kind === 'session_expired')
      throw new LinkedInStop(me);
    return false;
  }

  return {
    stats,
    async call(call) {
      let verdict = await send(call);
      if (verdict.kind === 'csrf') verdict = await send(call);
      if (verdict.kind === 'csrf' || verdict.kind === 'unauthorized') {
        const probed = call.api !== 'sdui' && call.path === ME_PATH ? false : await sessionAlive();
        if (!probed)
          throw new LinkedInStop({
            kind: 'session_expired',
            status: verdict.status,
            reason: verdict.kind === 'csrf' ? 'CSRF check failed twice and /me failed' : 'HTTP 401 and /me failed',
          });
        return {
          kind: 'refused',
          status: verdict.status,
          code: verdict.kind === 'csrf' ? 'CSRF' : null,
          detail: `HTTP ${verdict.status} although the session is alive`,
        };
      }
      if (verdict.kind === 'challenge' || verdict.kind === 'session_expired' || verdict.kind === 'rate_limited')
        throw new LinkedInStop(verdict);
      return verdict;
    },
  };
}
