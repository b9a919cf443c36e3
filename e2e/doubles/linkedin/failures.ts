/**
 * Failure injection: armed scenarios, matched per request after header
 * validation, each used `times` times (default: unlimited).
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

export interface Picked {
  /** Total delay from matching 'slow' scenarios. */
  delayMs: number;
  /** The first matching non-slow scenario, if any. */
  scenario?: Exclude<Scenario, { kind: 'slow' }>;
}

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
      // The invitation limit exists only on connect.
      if (a.scenario.kind === 'inviteLimit' && r.endpoint !== 'connect') continue;
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

/** The answer for a scenario that replaces the normal one (not 'dropAfterApply'). */
export function scenarioReply(s: Exclude<Scenario, { kind: 'slow' | 'dropAfterApply' }>): Reply {
  switch (s.kind) {
    case 'status999':
      return { status: 999 };
    case 'challenge':
      return { status: 302, headers: { location: `${ORIGIN}/checkpoint/challenge/AgH${randomBase64Url(40)}?ut=${randomBase64Url(20)}` } };
    case 'authwall':
      return {
        status: 302,
        headers: {
          location: `${ORIGIN}/authwall?trk=bf&trkInfo=${randomBase64Url(16)}&sessionRedirect=${encodeURIComponent(`${ORIGIN}/feed/`)}`,
          'set-cookie': 'li_at=delete-me; Domain=.www.linkedin.com; Path=/',
        },
      };
    case 'unauthorized':
      return { status: 401, json: { status: 401 } };
    case 'csrf':
      return { status: 403, text: 'CSRF check failed', type: 'text/plain; charset=utf-8' };
    case 'rateLimited':
      return { status: 429, json: { status: 429 } };
    case 'serverError':
      return { status: 500, json: { status: 500 } };
    case 'inviteLimit':
      return { status: 429, json: { data: { code: 'FUSE_LIMIT_EXCEEDED', status: 429 } } };
  }
}
