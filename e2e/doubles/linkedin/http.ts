/** Replies, errors and request parsing shared by the double's modules. */

export interface Reply {
  status: number;
  /** Serialized as JSON (application/json). */
  json?: unknown;
  /** Sent as text (text/html or text/plain, see `type`). */
  text?: string;
  type?: string;
  headers?: Record<string, string | string[]>;
  /** A write's 2xx that applied nothing (200 with an error inside); default: applied. */
  notApplied?: boolean;
}

/** Thrown by routes and validators; carries the reply to send. */
export class HttpError extends Error {
  readonly reply: Reply;
  constructor(reply: Reply, message = `HTTP ${reply.status}`) {
    super(message);
    this.reply = reply;
  }
}

/** 400 naming what failed; LinkedIn-like `{status, message}`. */
export function badRequest(message: string): HttpError {
  return new HttpError({ status: 400, json: { status: 400, message } }, message);
}

/** 404: the entity does not exist (never used for an unknown route). */
export function notFound(): HttpError {
  return new HttpError({ status: 404, json: { status: 404 } });
}

/** A LinkedIn service error with a `data.code` (e.g. CANT_RESEND_YET). */
export function serviceError(status: number, code: string): HttpError {
  return new HttpError({ status, json: { data: { code, status } } }, code);
}

export const json = (status: number, body: unknown): Reply => ({ status, json: body });
export const noContent = (): Reply => ({ status: 204 });
/** A 2xx with no body at all (react 201, follow/save 200: v2 "Real shapes"). */
export const empty = (status: number, headers?: Record<string, string>): Reply => ({
  status,
  ...(headers ? { headers } : {}),
});
/** A write refused inside a 200 (GraphQL errors, legacy `{"status":4xx}`, invite `data.code`). */
export const refusedIn200 = (body: unknown): Reply => ({ status: 200, json: body, notApplied: true });

export const RSC_TYPE = 'text/x-component';
/** SDUI reply: RSC text lines (D3). The success marker is unknown, so none is promised. */
export const rsc = (line: string, notApplied = false): Reply => ({
  status: 200,
  text: `0:${line}\n`,
  type: RSC_TYPE,
  notApplied,
});
/** SDUI refusal: 200 with the failure as text (v2 "SDUI": failure embedded as text). */
export const rscFailure = (text: string): Reply =>
  rsc(JSON.stringify({ actions: [{ $type: 'proto.sdui.actions.core.ShowToast', text }] }), true);
/** SDUI 500 (incomplete body, Voyager headers, integer enums: D3). */
export function sduiError(message: string): HttpError {
  return new HttpError(
    { status: 500, text: `Internal Server Error: ${message}`, type: 'text/plain; charset=utf-8' },
    message,
  );
}

/** `a=b&c=d`, each key and value decoded once with decodeURIComponent ('+' stays '+'). */
export function parseQuery(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey);
      value = decodeURIComponent(rawValue);
    } catch {
      throw badRequest(`malformed query parameter: ${rawKey}`);
    }
    if (key in out) throw badRequest(`repeated query parameter: ${key}`);
    out[key] = value;
  }
  return out;
}

/** Same as parseQuery but never throws (for recording). */
export function parseQueryLoose(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const decode = (s: string): string => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    };
    out[decode(eq < 0 ? part : part.slice(0, eq))] = decode(eq < 0 ? '' : part.slice(eq + 1));
  }
  return out;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

export function tryParseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}
