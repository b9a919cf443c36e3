/**
 * The headers LinkedIn's web app sends on Voyager calls (voyager-reference.md,
 * "Session and common headers", confidence high). Pure.
 */
export const VOYAGER_ACCEPT = 'application/vnd.linkedin.normalized+json+2.1';
export const VOYAGER_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** JSESSIONID is stored with quotes ("ajax:123"); the csrf-token header carries it without. */
export function csrfTokenFromJsessionId(cookieValue: string): string {
  return cookieValue.replace(/^"+|"+$/g, '');
}

export interface TrackContext {
  timezone: string;
  timezoneOffsetHours: number;
  displayWidth: number;
  displayHeight: number;
}

export function voyagerHeaders(csrfToken: string, hasBody: boolean, track: TrackContext): Record<string, string> {
  const headers: Record<string, string> = {
    accept: VOYAGER_ACCEPT,
    'csrf-token': csrfToken,
    'x-restli-protocol-version': '2.0.0',
    'x-li-lang': 'en_US',
    'x-li-track': JSON.stringify({
      clientVersion: '1.13.0',
      mpVersion: '1.13.0',
      osName: 'web',
      timezoneOffset: track.timezoneOffsetHours,
      timezone: track.timezone,
      deviceFormFactor: 'DESKTOP',
      mpName: 'voyager-web',
      displayDensity: 1,
      displayWidth: track.displayWidth,
      displayHeight: track.displayHeight,
    }),
  };
  if (hasBody) headers['content-type'] = VOYAGER_CONTENT_TYPE;
  return headers;
}
