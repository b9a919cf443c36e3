/**
 * Header strictness for every /voyager/api request (voyager-reference.md
 * "Session and common headers" + browser-testing.md "Where a request to
 * LinkedIn comes from"): a request that LinkedIn's own page would not send
 * is refused, so drift shows in tests.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { badRequest, HttpError, parseCookies } from './http';

export const ORIGIN = 'https://www.linkedin.com';
export const ACCEPT = 'application/vnd.linkedin.normalized+json+2.1';
export const CONTENT_TYPE = 'application/json; charset=UTF-8';

export interface Session {
  liAt: string;
  jsessionId: string;
}

export const csrfFailed = (): HttpError => new HttpError({ status: 403, text: 'CSRF check failed', type: 'text/plain; charset=utf-8' }, 'CSRF check failed');

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function expectHeader(headers: IncomingHttpHeaders, name: string, expected: string): void {
  if (header(headers, name) !== expected) throw badRequest(`header ${name} must be ${JSON.stringify(expected)}`);
}

export function checkVoyagerHeaders(headers: IncomingHttpHeaders, method: string, hasBody: boolean, session: Session): void {
  const cookies = parseCookies(header(headers, 'cookie'));
  const liAt = cookies.get('li_at');
  // `li_at=delete-me` is how LinkedIn signs a browser out (authwall): treated as no cookie.
  if (liAt === undefined || liAt === 'delete-me') throw new HttpError({ status: 401, json: { status: 401 } });
  if (liAt !== session.liAt) throw badRequest('cookie li_at does not match the session');
  const jsession = cookies.get('JSESSIONID');
  if (jsession !== `"${session.jsessionId}"` && jsession !== session.jsessionId) throw badRequest('cookie JSESSIONID does not match the session');
  if (header(headers, 'csrf-token') !== session.jsessionId) throw csrfFailed();
  expectHeader(headers, 'accept', ACCEPT);
  expectHeader(headers, 'x-restli-protocol-version', '2.0.0');
  expectHeader(headers, 'x-li-lang', 'en_US');
  expectHeader(headers, 'sec-fetch-site', 'same-origin');
  if (!(header(headers, 'referer') ?? '').startsWith(`${ORIGIN}/`)) throw badRequest(`header referer must start with ${ORIGIN}/`);
  if (method === 'POST' || method === 'PUT' || method === 'DELETE') {
    expectHeader(headers, 'origin', ORIGIN);
    if (hasBody) expectHeader(headers, 'content-type', CONTENT_TYPE);
  }
}
