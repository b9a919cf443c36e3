/**
 * Non-API answers: a small HTML page for any GET (so a tab can sit on
 * /feed/, /in/…, /checkpoint/…, /authwall, /login), 204 for /favicon.ico.
 * D1: pages say `<html lang="en-US">` and carry the fixture build and page
 * instance, the only values x-li-track / x-li-page-instance may claim.
 */
import type { Reply } from './http';
import { randomBase64Url, randomInt } from './ids';
import type { Fixture } from './types';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A random build per double, so a hard-coded clientVersion never matches by luck. */
export function newFixture(): Fixture {
  const build = randomInt(10_000, 40_000);
  return {
    build,
    clientVersion: `1.13.${build}`,
    pageInstance: `urn:li:page:d_flagship3_feed;${randomBase64Url(22)}==`,
    htmlLang: 'en-US',
    defaultLiLang: 'en_US',
  };
}

export function pageEndpoint(method: string, path: string): string {
  if (path === '/favicon.ico') return 'favicon';
  return method === 'GET' || method === 'HEAD' ? 'page' : 'unknown';
}

export function pageReply(method: string, path: string, fixture: Fixture): Reply {
  if (path === '/favicon.ico') return { status: 204 };
  if (method !== 'GET' && method !== 'HEAD')
    return { status: 400, text: 'Bad Request', type: 'text/plain; charset=utf-8' };
  const kind = path.startsWith('/checkpoint/')
    ? 'checkpoint'
    : path.startsWith('/authwall')
      ? 'authwall'
      : path.startsWith('/login') || path.startsWith('/uas/login')
        ? 'login'
        : 'page';
  return {
    status: 200,
    type: 'text/html; charset=utf-8',
    text:
      `<!doctype html><html lang="${fixture.htmlLang}"><head><title>LinkedIn</title>` +
      `<meta name="serviceVersion" content="${fixture.clientVersion}">` +
      `<meta name="clientBuild" content="${fixture.build}">` +
      `<meta name="pageInstance" content="${escapeHtml(fixture.pageInstance)}"></head>` +
      `<body><main data-double-page="${kind}">LinkedIn test double: ${escapeHtml(path)}</main></body></html>\n`,
  };
}
