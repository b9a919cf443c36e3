/**
 * The headers LinkedIn's web app sends (voyager-reference.md v2, "Session
 * and common headers", high). Pure. The csrf token is not here: the tab
 * reads it from its own cookie at send time (it rotates).
 *
 * No `x-li-track` and no `x-li-page-instance`: a constant one fingerprints
 * the extension, and v2 records LinkedIn accepting calls without either
 * (TK). Building them from the page's real values is the alternative if
 * LinkedIn ever starts requiring them.
 */
export const VOYAGER_ACCEPT = 'application/vnd.linkedin.normalized+json+2.1';
export const VOYAGER_CONTENT_TYPE = 'application/json; charset=UTF-8';
export const SDUI_ACCEPT = 'text/x-component,*/*';
export const SDUI_CONTENT_TYPE = 'application/json';

/** JSESSIONID is stored with quotes ("ajax:123"); the csrf-token header carries it without. */
export function csrfTokenFromJsessionId(cookieValue: string): string {
  return cookieValue.replace(/^"+|"+$/g, '');
}

/**
 * `x-li-lang` from LinkedIn's `lang` cookie (`v=2&lang=de-de` → `de_DE`);
 * null when the cookie says nothing usable (the header is then omitted).
 */
export function liLangFromCookie(cookieValue: string | null | undefined): string | null {
  if (!cookieValue) return null;
  const match = /(?:^|&)lang=([a-z]{2,3})[-_]([a-z]{2})(?:&|$)/i.exec(cookieValue.replace(/^"|"$/g, ''));
  return match ? `${match[1]?.toLowerCase()}_${match[2]?.toUpperCase()}` : null;
}

export function voyagerHeaders(hasBody: boolean, liLang: string | null): Record<string, string> {
  const headers: Record<string, string> = { accept: VOYAGER_ACCEPT, 'x-restli-protocol-version': '2.0.0' };
  if (liLang) headers['x-li-lang'] = liLang;
  if (hasBody) headers['content-type'] = VOYAGER_CONTENT_TYPE;
  return headers;
}

/** SDUI server actions take minimal headers only: Voyager or tracking headers are a cause of its 500s. */
export function sduiHeaders(): Record<string, string> {
  return { accept: SDUI_ACCEPT, 'content-type': SDUI_CONTENT_TYPE };
}
