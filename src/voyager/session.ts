/**
 * The user's LinkedIn session, read from the browser's cookie jar.
 * `li_at` (HttpOnly) says signed in; `JSESSIONID` holds the csrf token (the
 * tab reads it again at send time); `lang` gives the locale for x-li-lang.
 * Nothing read here ever leaves for the backend.
 */
import browser from 'webextension-polyfill';
import { liLangFromCookie } from './headers';

export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

export interface LinkedInSession {
  signedIn: boolean;
  /** A csrf token exists (JSESSIONID is set): without one nothing can be sent. */
  hasCsrfToken: boolean;
  /** x-li-lang for Voyager calls, from the lang cookie; null = omit the header. */
  liLang: string | null;
  /** A short hash of li_at: tells a new session from the old without storing the cookie. */
  fingerprint: string | null;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function readSession(): Promise<LinkedInSession> {
  const [liAt, jsession, lang] = await Promise.all(
    ['li_at', 'JSESSIONID', 'lang'].map((name) => browser.cookies.get({ url: `${LINKEDIN_ORIGIN}/`, name })),
  );
  // LinkedIn kills a session by setting li_at=delete-me.
  const signedIn = Boolean(liAt?.value) && liAt?.value !== 'delete-me';
  return {
    signedIn,
    hasCsrfToken: Boolean(jsession?.value),
    liLang: liLangFromCookie(lang?.value),
    fingerprint: signedIn && liAt ? (await sha256Hex(liAt.value)).slice(0, 16) : null,
  };
}
