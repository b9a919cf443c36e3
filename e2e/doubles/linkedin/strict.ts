/**
 * Header strictness (v2 "Session and common headers", D1–D3): a request that
 * LinkedIn's own page would not send is refused, so drift shows in tests.
 * Origin / Sec-Fetch-Site / Referer are what a same-origin fetch from a
 * linkedin.com tab carries (browser-testing.md).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { badRequest, HttpError, parseCookies, sduiError } from './http';
import { isRecord } from './shape';
import type { Fixture } from './types';

export const ORIGIN = 'https://www.linkedin.com';
export const ACCEPT = 'application/vnd.linkedin.normalized+json+2.1';
export const CONTENT_TYPE = 'application/json; charset=UTF-8';
export const SDUI_CONTENT_TYPE = 'application/json';
/** `*\/*` is what fetch sends when the client sets no accept (D3: accept is optional). */
const SDUI_ACCEPTS = ['text/x-component,*/*', '*/*'];

export interface Session {
  liAt: string;
  jsessionId: string;
}

export type Violate = (reason: string) => void;

export const csrfFailed = (): HttpError =>
  new HttpError({ status: 403, text: 'CSRF check failed', type: 'text/plain; charset=utf-8' }, 'CSRF check failed');

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function expectHeader(headers: IncomingHttpHeaders, name: string, expected: string): void {
  if (header(headers, name) !== expected) throw badRequest(`header ${name} must be ${JSON.stringify(expected)}`);
}

/** D1: `lang` cookie `v=2&lang=de-de` → `de_DE`; no cookie → the fixture pages' locale. */
export function expectedLiLang(cookieHeader: string | undefined, fixture: Fixture): string {
  const raw = parseCookies(cookieHeader).get('lang');
  if (raw === undefined) return fixture.defaultLiLang;
  const value = raw.replace(/^"|"$/g, '');
  const lang =
    value
      .split('&')
      .find((p) => p.startsWith('lang='))
      ?.slice('lang='.length) ?? '';
  const [language = '', region] = lang.split('-');
  return region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
}

/** li_at, JSESSIONID and csrf-token (v2: csrf-token = JSESSIONID without quotes; D2: mismatch → 403). */
function checkSession(headers: IncomingHttpHeaders, session: Session): void {
  const cookies = parseCookies(header(headers, 'cookie'));
  const liAt = cookies.get('li_at');
  // `li_at=delete-me` is how LinkedIn signs a browser out (authwall): treated as no cookie.
  if (liAt === undefined || liAt === 'delete-me') throw new HttpError({ status: 401, json: { status: 401 } });
  if (liAt !== session.liAt) throw badRequest('cookie li_at does not match the session');
  const jsession = cookies.get('JSESSIONID');
  if (jsession !== `"${session.jsessionId}"` && jsession !== session.jsessionId)
    throw badRequest('cookie JSESSIONID does not match the session');
  if (header(headers, 'csrf-token') !== session.jsessionId) throw csrfFailed();
}

function checkFirstParty(headers: IncomingHttpHeaders, method: string): void {
  expectHeader(headers, 'sec-fetch-site', 'same-origin');
  if (!(header(headers, 'referer') ?? '').startsWith(`${ORIGIN}/`))
    throw badRequest(`header referer must start with ${ORIGIN}/`);
  if (method !== 'GET' && method !== 'HEAD') expectHeader(headers, 'origin', ORIGIN);
}

/**
 * D1 (low): x-li-track and x-li-page-instance are optional, but when sent they must be
 * the page's real values; v2 says a constant (`1.13.0`) fingerprints the extension.
 */
function checkTracking(headers: IncomingHttpHeaders, fixture: Fixture, violate: Violate): void {
  const track = header(headers, 'x-li-track');
  if (track !== undefined) {
    let clientVersion: unknown;
    try {
      const parsed: unknown = JSON.parse(track);
      clientVersion = isRecord(parsed) ? parsed.clientVersion : undefined;
    } catch {
      clientVersion = undefined;
    }
    if (clientVersion !== fixture.clientVersion) {
      violate(
        `x-li-track clientVersion ${JSON.stringify(clientVersion)} is not the page's ${fixture.clientVersion} (v2: never send a constant)`,
      );
      throw badRequest('header x-li-track does not match the page');
    }
  }
  const pageInstance = header(headers, 'x-li-page-instance');
  if (pageInstance !== undefined && pageInstance !== fixture.pageInstance) {
    violate(`x-li-page-instance ${JSON.stringify(pageInstance)} is not the page's (v2: never send a constant)`);
    throw badRequest('header x-li-page-instance does not match the page');
  }
}

export function checkVoyagerHeaders(
  headers: IncomingHttpHeaders,
  method: string,
  hasBody: boolean,
  session: Session,
  fixture: Fixture,
  violate: Violate,
): void {
  checkSession(headers, session);
  expectHeader(headers, 'accept', ACCEPT);
  expectHeader(headers, 'x-restli-protocol-version', '2.0.0');
  const lang = header(headers, 'x-li-lang');
  const expected = expectedLiLang(header(headers, 'cookie'), fixture);
  if (lang !== undefined && lang !== expected)
    throw badRequest(`header x-li-lang must be ${JSON.stringify(expected)} (the tab's locale)`);
  checkTracking(headers, fixture, violate);
  checkFirstParty(headers, method);
  if (hasBody) expectHeader(headers, 'content-type', CONTENT_TYPE);
  else if (header(headers, 'content-type') !== undefined) throw badRequest('header content-type only with a body');
}

const VOYAGER_ONLY = ['x-restli-protocol-version', 'x-li-track', 'x-li-lang', 'x-li-page-instance'];

/** D3: minimal SDUI headers; any Voyager header or a wrong content-type / accept → 500 (text). */
export function checkSduiHeaders(headers: IncomingHttpHeaders, session: Session, violate: Violate): void {
  checkSession(headers, session);
  checkFirstParty(headers, 'POST');
  const voyager = VOYAGER_ONLY.filter((name) => header(headers, name) !== undefined);
  const accept = header(headers, 'accept');
  if (accept === ACCEPT) voyager.push('accept (normalized)');
  if (voyager.length > 0) {
    violate(`SDUI request with Voyager headers: ${voyager.join(', ')} (v2: minimal SDUI headers only)`);
    throw sduiError(`unexpected headers: ${voyager.join(', ')}`);
  }
  if (accept !== undefined && !SDUI_ACCEPTS.includes(accept))
    throw sduiError(`unexpected accept ${JSON.stringify(accept)}`);
  if (header(headers, 'content-type') !== SDUI_CONTENT_TYPE)
    throw sduiError(`content-type must be ${SDUI_CONTENT_TYPE}`);
}
