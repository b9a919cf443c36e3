/**
 * The user's LinkedIn session, read from the browser's cookie jar.
 * `li_at` (HttpOnly) says signed in; `JSESSIONID` gives the csrf token.
 * Nothing read here ever leaves for the backend.
 */
import browser from 'webextension-polyfill';
import { csrfTokenFromJsessionId } from './headers';

export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

export interface LinkedInSession {
  signedIn: boolean;
  csrfToken: string | null;
  /** A short hash of li_at: tells a new session from the old without storing the cookie. */
  fingerprint: string | null;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function readSession(): Promise<LinkedInSession> {
  const [liAt, jsession] = await Promise.all([
    browser.cookies.get({ url: `${LINKEDIN_ORIGIN}/`, name: 'li_at' }),
    browser.cookies.get({ url: `${LINKEDIN_ORIGIN}/`, name: 'JSESSIONID' }),
  ]);
  // LinkedIn kills a session by setting li_at=delete-me.
  const signedIn = Boolean(liAt?.value) && liAt?.value !== 'delete-me';
  return {
    signedIn,
    csrfToken: jsession?.value ? csrfTokenFromJsessionId(jsession.value) : null,
    fingerprint: signedIn && liAt ? (await sha256Hex(liAt.value)).slice(0, 16) : null,
  };
}
