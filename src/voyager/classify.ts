/**
 * What a LinkedIn answer means (voyager-reference.md, "How LinkedIn says
 * stop", confidence high). Pure: takes the wire response, returns a verdict.
 */
export interface WireResponse {
  status: number;
  /** The final URL after redirects. */
  url: string;
  redirected: boolean;
  body: string;
  /** A network-level failure in the tab (no HTTP answer at all). */
  networkError?: string;
}

export type Verdict =
  | { kind: 'ok'; status: number; json: unknown }
  | { kind: 'challenge'; status: number; reason: string }
  | { kind: 'session_expired'; status: number; reason: string }
  | { kind: 'rate_limited'; status: number }
  | { kind: 'invitation_limit'; status: number }
  | { kind: 'not_found'; status: number }
  | { kind: 'server_error'; status: number }
  /** No HTTP answer at all (timeout, dropped connection): a write's outcome is unknown. */
  | { kind: 'network_error'; status: 0; reason: string }
  | { kind: 'error'; status: number; code: string | null; json: unknown };

const CHALLENGE_PATH = /^\/checkpoint(\/|$)/;
const SIGNED_OUT_PATH = /^\/(authwall|login|uas\/login)(\/|$|\?)/;

function parseJson(body: string): unknown {
  if (!body.trim()) return null;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** LinkedIn puts error codes in `data.code` (normalized) or `code` (plain). */
export function errorCodeOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const record = json as Record<string, unknown>;
  const data = record.data;
  if (typeof data === 'object' && data !== null) {
    const code = (data as Record<string, unknown>).code;
    if (typeof code === 'string') return code;
  }
  return typeof record.code === 'string' ? record.code : null;
}

export function classify(response: WireResponse, opts: { invitation?: boolean } = {}): Verdict {
  const { status } = response;
  if (response.networkError !== undefined || status === 0) {
    return { kind: 'network_error', status: 0, reason: response.networkError ?? 'no answer' };
  }
  if (status === 999) return { kind: 'challenge', status, reason: 'HTTP 999 (request blocked as automated)' };
  let path = '';
  try {
    path = new URL(response.url).pathname;
  } catch {
    path = '';
  }
  if (CHALLENGE_PATH.test(path)) return { kind: 'challenge', status, reason: `redirected to ${path}` };
  if (SIGNED_OUT_PATH.test(path)) return { kind: 'session_expired', status, reason: `redirected to ${path}` };
  if (status === 401) return { kind: 'session_expired', status, reason: 'HTTP 401' };
  if (status === 403 && /CSRF check failed/i.test(response.body)) {
    return { kind: 'session_expired', status, reason: 'CSRF check failed' };
  }
  const json = parseJson(response.body);
  const code = errorCodeOf(json);
  if (opts.invitation) {
    if (status === 429 && (code === 'FUSE_LIMIT_EXCEEDED' || /FUSE_LIMIT_EXCEEDED/.test(response.body))) {
      return { kind: 'invitation_limit', status };
    }
    if (status === 403 && /quota/i.test(response.body)) return { kind: 'invitation_limit', status };
  }
  if (status === 429) return { kind: 'rate_limited', status };
  if (status === 404 || status === 410) return { kind: 'not_found', status };
  if (status >= 500) return { kind: 'server_error', status };
  if (status >= 200 && status < 300) {
    // A 2xx whose body is not JSON (e.g. an HTML page after a redirect) is not success.
    if (json === undefined) return { kind: 'error', status, code: 'unexpected_body', json: null };
    return { kind: 'ok', status, json };
  }
  return { kind: 'error', status, code, json: json ?? null };
}
