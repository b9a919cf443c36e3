/**
 * Non-API answers: a small HTML page for any GET (so a tab can sit on
 * /feed/, /in/…, /checkpoint/…, /authwall, /login), 204 for /favicon.ico.
 */
import type { Reply } from './http';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function pageEndpoint(method: string, path: string): string {
  if (path === '/favicon.ico') return 'favicon';
  return method === 'GET' || method === 'HEAD' ? 'page' : 'unknown';
}

export function pageReply(method: string, path: string): Reply {
  if (path === '/favicon.ico') return { status: 204 };
  if (method !== 'GET' && method !== 'HEAD') return { status: 400, text: 'Bad Request', type: 'text/plain; charset=utf-8' };
  const kind = path.startsWith('/checkpoint/') ? 'checkpoint' : path.startsWith('/authwall') ? 'authwall' : path.startsWith('/login') || path.startsWith('/uas/login') ? 'login' : 'page';
  return {
    status: 200,
    type: 'text/html; charset=utf-8',
    text: `<!doctype html><title>LinkedIn</title><main data-double-page="${kind}">LinkedIn test double: ${escapeHtml(path)}</main>\n`,
  };
}
