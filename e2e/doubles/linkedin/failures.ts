/**
 * Failure injection: armed scenarios, matched per request after header,
 * route and body validation, each used `times` times (default: unlimited).
 * The answers follow v2 "How LinkedIn says stop" and "Next variant".
 */
import type { Reply } from './http';
import { randomBase64Url } from './ids';
import { ORIGIN } from './strict';
import type { FailOptions, FailureMatchInput, Scenario } from './types';

interface Armed {
  scenario: Scenario;
  match: (r: FailureMatchInput) => boolean;
  remaining: number;
}

export type Surface = 'voyager' | 'sdui';

/** Scenarios that replace the route's answer without applying anything. */
export type ReplacingScenario = Exclude<Scenario, { kind: 'slow' | 'dropAfterApply' | 'serverErrorAfterApply' }>;

export interface Picked {
  /** Total delay from matching 'slow' scenarios. */
  delayMs: number;
  /** The first matching non-slow scenario, if any. */
  scenario?: Exclude<Scenario, { kind: 'slow' }>;
}

/** The invitation limit exists only on connect (v2: "invitation call, any status"). */
const INVITE_ENDPOINTS = ['connect', 'connect.sdui'];

export class Failures {
  private armed: Armed[] = [];

  add(scenario: Scenario, opts: FailOptions = {}): void {
    this.armed.push({ scenario, match: opts.match ?? (() => true), remaining: opts.times ?? Infinity });
  }

  clear(): void {
    this.armed = [];
  }

  /** Consumes one use of every matching 'slow' scenario and of the first other matching one. */
  take(r: FailureMatchInput): Picked {
    const picked: Picked = { delayMs: 0 };
    for (const a of this.armed) {
      if (a.remaining <= 0) continue;
      if (a.scenario.kind === 'inviteLimit' && !INVITE_ENDPOINTS.includes(r.endpoint)) continue;
      if (a.scenario.kind !== 'slow' && picked.scenario) continue;
      if (!a.match(r)) continue;
      a.remaining -= 1;
      if (a.scenario.kind === 'slow') picked.delayMs += a.scenario.ms;
      else picked.scenario = a.scenario;
    }
    this.armed = this.armed.filter((a) => a.remaining > 0);
    return picked;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Voyager answers a bare status as `{"status":n}` (no business code); SDUI as plain text. */
function bare(status: number, surface: Surface): Reply {
  return surface === 'voyager'
    ? { status, json: { status } }
    : { status, text: STATUS_TEXT[status] ?? `HTTP ${status}`, type: 'text/plain; charset=utf-8' };
}

function inviteLimit(s: Extract<Scenario, { kind: 'inviteLimit' }>, surface: Surface): Reply {
  const code = s.code ?? 'FUSE_LIMIT_EXCEEDED';
  const status = s.status ?? 429;
  if (surface === 'sdui') {
    const text = `0:${JSON.stringify({ actions: [{ $type: 'proto.sdui.actions.core.ShowToast', text: `Failed to send invitation: ${code}` }] })}\n`;
    return { status, text, type: 'text/x-component', notApplied: true };
  }
  // v2: the limit arrives as 429, 400, or 200 with data.code and no invitation.
  return status === 200
    ? { status, json: { data: { code } }, notApplied: true }
    : { status, json: { data: { code, status } } };
}

/** The answer for a scenario that replaces the normal one (nothing applied). */
export function scenarioReply(s: ReplacingScenario, surface: Surface): Reply {
  switch (s.kind) {
    case 'status999':
      return { status: 999 };
    case 'challenge':
      return {
        status: 302,
        headers: { location: `${ORIGIN}/checkpoint/challenge/AgH${randomBase64Url(40)}?ut=${randomBase64Url(20)}` },
      };
    case 'authwall':
      return {
        status: 302,
        headers: {
          location:
            s.to === 'login'
              ? `${ORIGIN}/uas/login?session_redirect=${encodeURIComponent(`${ORIGIN}/feed/`)}`
              : `${ORIGIN}/authwall?trk=bf&trkInfo=${randomBase64Url(16)}&sessionRedirect=${encodeURIComponent(`${ORIGIN}/feed/`)}`,
          'set-cookie': 'li_at=delete-me; Domain=.www.linkedin.com; Path=/',
        },
      };
    case 'unauthorized':
      return { status: 401, json: { status: 401 } };
    case 'csrf':
      return { status: 403, text: 'CSRF check failed', type: 'text/plain; charset=utf-8' };
    case 'rateLimited':
      return bare(429, surface);
    case 'serverError':
      return bare(500, surface);
    case 'inviteLimit':
      return inviteLimit(s, surface);
    case 'nextVariant':
      return bare(s.status, surface);
    case 'gone':
      return bare(410, surface);
    case 'graphqlErrors': {
      const errors = [{ message: 'Validation failed', extensions: { classification: 'ValidationError' } }];
      const body = s.at === 'data' ? { data: { data: null, errors } } : { data: { data: null }, errors };
      return { status: 200, json: body, notApplied: true };
    }
    case 'unexpectedShape':
      return surface === 'voyager'
        ? { status: 200, json: { data: {} }, notApplied: true }
        : { status: 200, text: '0:null\n', type: 'text/x-component', notApplied: true };
  }
}
