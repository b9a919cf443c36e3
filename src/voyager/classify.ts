/**
 * What a LinkedIn answer means (voyager-reference.md v2, "Next variant" and
 * "How LinkedIn says stop"). Pure: takes the wire response and what kind of
 * call it answered, returns a verdict. Callers decide what a verdict means
 * for their action (e.g. a lookup reads a 404 as "not found").
 */

export interface WireResponse {
  status: number;
  /** The final URL after redirects. */
  url: string;
  redirected: boolean;
  body: string;
  /** The few response headers the client reads (lower-case names), e.g. x-restli-id. */
  headers?: Record<string, string>;
  /** A network-level failure in the tab (no HTTP answer at all). */
  networkError?: string;
  /** The tab itself was on a page where nothing may be sent; the request did not leave. */
  blocked?: 'checkpoint' | 'signed_out';
}

export type Api = 'voyager' | 'sdui';

export interface CallKind {
  api: Api;
  /** An invitation call: any limit spelling (or a 429) is the weekly invitation limit. */
  invitation?: boolean;
  /** SDUI only: text in a 2xx answer that means the server refused the action. */
  sduiFailure?: RegExp;
}

export type Verdict =
  | { kind: 'ok'; status: number; json: unknown; text: string; headers: Record<string, string> }
  | { kind: 'challenge'; status: number; reason: string }
  | { kind: 'session_expired'; status: number; reason: string }
  /** 401: unauthenticated; the session is probed before anyone calls it dead. */
  | { kind: 'unauthorized'; status: number }
  /** A stale csrf token: nothing applied; re-read the token and retry once. */
  | { kind: 'csrf'; status: number }
  | { kind: 'rate_limited'; status: number }
  | { kind: 'invitation_limit'; status: number; code: string | null }
  /** A business answer: LinkedIn understood and said no (a code, a GraphQL error, a legacy status, SDUI failure text). */
  | { kind: 'refused'; status: number; code: string | null; detail: string }
  /** 404, 405, a 400 without a business code, a stale GraphQL hash: this variant is not (or no longer) served. */
  | { kind: 'next_variant'; status: number; reason: string }
  /** 410: the endpoint is retired. */
  | { kind: 'gone'; status: number }
  | { kind: 'server_error'; status: number }
  /** No HTTP answer at all (timeout, dropped connection): a write's outcome is unknown. */
  | { kind: 'network_error'; status: 0; reason: string }
  /** A 2xx whose body this client cannot read (HTML, not JSON): never a success. */
  | { kind: 'unexpected'; status: number; reason: string };

const CHALLENGE_PATH = /^\/checkpoint(\/|$)/;
const LOGIN_SUBMIT_PATH = /^\/checkpoint\/lg\/login-submit(\/|$)/;
const SIGNED_OUT_PATH = /^\/(authwall|login|uas\/login)(\/|$)/;
/** Every spelling of the invitation limit v2 lists, and any LIMIT/QUOTA/EXCEEDED code. */
const INVITATION_LIMIT = /FUSE_LIMIT|LIMIT_REACHED|MAX_INVITATION_SENT|LIMIT|QUOTA|EXCEEDED/i;
const NOT_A_LIMIT = new Set(['CANT_RESEND_YET']);

function parseJson(body: string): unknown {
  if (!body.trim()) return null;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** LinkedIn puts error codes in `data.code` (normalized) or `code` (plain). */
export function errorCodeOf(json: unknown): string | null {
  const root = record(json);
  const code = record(root?.data)?.code ?? root?.code;
  return typeof code === 'string' ? code : null;
}

/** GraphQL reports failures in a 200: a non-empty `errors` at the top or under `data`. */
export function graphqlErrorsOf(json: unknown): string[] {
  const root = record(json);
  const lists = [root?.errors, record(root?.data)?.errors];
  return lists.flatMap((list) =>
    Array.isArray(list)
      ? list.map((e) => (typeof record(e)?.message === 'string' ? String(record(e)?.message) : 'error'))
      : [],
  );
}

/** `{"status": 4xx}` as the whole answer: a legacy error served as 200. */
function legacyStatusError(json: unknown): number | null {
  const root = record(json);
  const status = root?.status;
  return typeof status === 'number' && status >= 400 && root?.data === undefined ? status : null;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Stop signals from where the request ended up (redirects), or from the tab it would have left from. */
function stopFromLocation(response: WireResponse): Verdict | null {
  if (response.blocked === 'checkpoint')
    return { kind: 'challenge', status: 0, reason: 'the linkedin.com tab is on a security checkpoint' };
  if (response.blocked === 'signed_out')
    return { kind: 'session_expired', status: 0, reason: 'the linkedin.com tab is signed out' };
  const path = pathOf(response.url);
  if (CHALLENGE_PATH.test(path) && !LOGIN_SUBMIT_PATH.test(path))
    return { kind: 'challenge', status: response.status, reason: `redirected to ${path}` };
  if (SIGNED_OUT_PATH.test(path))
    return { kind: 'session_expired', status: response.status, reason: `redirected to ${path}` };
  return null;
}

function invitationLimit(status: number, code: string | null, body: string): boolean {
  if (code !== null && NOT_A_LIMIT.has(code)) return false;
  if (code !== null) return INVITATION_LIMIT.test(code);
  return status === 429 || /FUSE_LIMIT|MAX_INVITATION_SENT|CANT_INVITE_CONNECTION_LIMIT_REACHED/.test(body);
}

export function classify(response: WireResponse, kind: CallKind): Verdict {
  const { status } = response;
  const located = stopFromLocation(response);
  if (located) return located;
  if (response.networkError !== undefined || status === 0) {
    return { kind: 'network_error', status: 0, reason: response.networkError ?? 'no answer' };
  }
  if (status === 999) return { kind: 'challenge', status, reason: 'HTTP 999 (request blocked as automated)' };
  if (status === 401) return { kind: 'unauthorized', status };
  if (status === 403 && /CSRF/i.test(response.body)) return { kind: 'csrf', status };
  const json = parseJson(response.body);
  const code = errorCodeOf(json);
  if (
    kind.invitation &&
    (status === 429 || status >= 400 || (status < 300 && code !== null)) &&
    invitationLimit(status, code, response.body)
  ) {
    return { kind: 'invitation_limit', status, code };
  }
  if (status === 429) return { kind: 'rate_limited', status };
  if (status === 410) return { kind: 'gone', status };
  if (status >= 500) return { kind: 'server_error', status };
  if (status === 404 || status === 405) return { kind: 'next_variant', status, reason: `HTTP ${status}` };
  const graphqlErrors = kind.api === 'voyager' && json !== undefined ? graphqlErrorsOf(json) : [];
  const staleHash = graphqlErrors.some((m) => /persisted ?query|queryId|unknown query|not found/i.test(m));
  if (status >= 400) {
    if (code !== null) return { kind: 'refused', status, code, detail: `HTTP ${status} ${code}` };
    if (staleHash) return { kind: 'next_variant', status, reason: 'stale GraphQL hash' };
    if (graphqlErrors.length > 0) return { kind: 'refused', status, code: null, detail: graphqlErrors.join('; ') };
    if (status === 400) return { kind: 'next_variant', status, reason: 'HTTP 400 without a business code' };
    return { kind: 'refused', status, code: null, detail: `HTTP ${status}` };
  }
  if (status < 200 || status >= 300) return { kind: 'unexpected', status, reason: `HTTP ${status}` };
  const headers = response.headers ?? {};
  if (kind.api === 'sdui') {
    // The RSC reply is text; a refusal is text inside a 200 (v2: "usually 200 even on a refusal").
    if (kind.sduiFailure?.test(response.body))
      return { kind: 'refused', status, code: null, detail: 'LinkedIn refused the action (SDUI failure text)' };
    return { kind: 'ok', status, json: null, text: response.body, headers };
  }
  // 200 with an error body is never a success.
  if (json === undefined) return { kind: 'unexpected', status, reason: 'a 2xx answer that is not JSON' };
  if (staleHash) return { kind: 'next_variant', status, reason: 'stale GraphQL hash' };
  if (graphqlErrors.length > 0) return { kind: 'refused', status, code: null, detail: graphqlErrors.join('; ') };
  const legacy = legacyStatusError(json);
  if (legacy !== null) return { kind: 'refused', status, code: null, detail: `legacy error status ${legacy} in a 200` };
  if (code !== null) return { kind: 'refused', status, code, detail: `HTTP ${status} with code ${code}` };
  return { kind: 'ok', status, json, text: response.body, headers };
}
