/** A node HTTPS client for the double's unit tests: sends what a linkedin.com tab would. */
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { LinkedInDouble } from './types';

export interface CallOptions {
  body?: unknown;
  /** Header overrides; undefined removes a header. */
  headers?: Record<string, string | undefined>;
  /** Cookie overrides; undefined removes a cookie. */
  cookies?: Record<string, string | undefined>;
}

export interface CallResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export function firstPartyHeaders(d: LinkedInDouble, method: string, hasBody: boolean): Record<string, string> {
  const h: Record<string, string> = {
    accept: 'application/vnd.linkedin.normalized+json+2.1',
    'csrf-token': d.session.jsessionId,
    'x-restli-protocol-version': '2.0.0',
    'x-li-lang': 'en_US',
    'sec-fetch-site': 'same-origin',
    referer: 'https://www.linkedin.com/feed/',
  };
  if (method !== 'GET') h.origin = 'https://www.linkedin.com';
  if (hasBody) h['content-type'] = 'application/json; charset=UTF-8';
  return h;
}

/** D3: what a tab sends on an SDUI call (the app sets content-type, csrf-token and accept only). */
export function sduiHeaders(d: LinkedInDouble): Record<string, string> {
  return {
    accept: 'text/x-component,*/*',
    'content-type': 'application/json',
    'csrf-token': d.session.jsessionId,
    'sec-fetch-site': 'same-origin',
    origin: 'https://www.linkedin.com',
    referer: 'https://www.linkedin.com/feed/',
  };
}

/** POST an SDUI server request; `headers` overrides are applied on top of sduiHeaders(). */
export function sdui(
  d: LinkedInDouble,
  id: string,
  body: unknown,
  opts: Omit<CallOptions, 'body'> = {},
): Promise<CallResult> {
  const voyagerOnly = Object.fromEntries(Object.keys(firstPartyHeaders(d, 'POST', true)).map((k) => [k, undefined]));
  return call(d, 'POST', `!/flagship-web/rsc-action/actions/server-request?sduiid=${id}`, {
    ...opts,
    body,
    headers: { ...voyagerOnly, ...sduiHeaders(d), ...opts.headers },
  });
}

/** `path` is under /voyager/api unless it starts with '!' (then it is used as is, minus the '!'). */
export function call(d: LinkedInDouble, method: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
  const raw = opts.body === undefined ? '' : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const fullPath = path.startsWith('!') ? path.slice(1) : `/voyager/api${path}`;
  const cookies: Record<string, string | undefined> = {
    li_at: d.session.liAt,
    JSESSIONID: `"${d.session.jsessionId}"`,
    ...opts.cookies,
  };
  const headers: Record<string, string | undefined> = {
    ...firstPartyHeaders(d, method, raw !== ''),
    cookie: Object.entries(cookies)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${v}`)
      .join('; '),
    ...opts.headers,
  };
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) clean[k] = v;
  if (raw) clean['content-length'] = String(Buffer.byteLength(raw));
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: d.port,
        method,
        path: fullPath,
        headers: clean,
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = text ? (JSON.parse(text) as unknown) : null;
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(raw);
  });
}
