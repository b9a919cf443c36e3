/** Who is signed in: `/me`, fetched once per LinkedIn session (li_at fingerprint). */
import type { Viewer } from '../actions/types';
import { fetchMe } from '../voyager/identity';
import { LinkedInStop, createVoyagerClient, type StopVerdict } from '../voyager/client';
import type { TrackContext } from '../voyager/headers';
import type { LinkedInSession } from '../voyager/session';
import type { Transport } from '../voyager/transport';
import { loadRuntime, updateRuntime } from './runtime';

export type ViewerResult = { kind: 'ok'; viewer: Viewer } | { kind: 'stop'; verdict: StopVerdict } | { kind: 'error'; message: string };

export function trackContext(): TrackContext {
  const offsetHours = -new Date().getTimezoneOffset() / 60;
  return {
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    timezoneOffsetHours: offsetHours,
    displayWidth: 1920,
    displayHeight: 1080,
  };
}

export async function ensureViewer(transport: Transport, session: LinkedInSession): Promise<ViewerResult> {
  const runtime = await loadRuntime();
  if (runtime.sessionInvalidFor !== null && runtime.sessionInvalidFor === session.fingerprint) {
    return { kind: 'error', message: 'LinkedIn declared this session invalid; sign in again' };
  }
  if (runtime.viewer && runtime.viewer.fingerprint === session.fingerprint) {
    const { memberUrn, tail, publicIdentifier } = runtime.viewer;
    return { kind: 'ok', viewer: { memberUrn, tail, publicIdentifier } };
  }
  const voyager = createVoyagerClient({ transport, csrfToken: session.csrfToken ?? '', track: trackContext(), timeoutMs: 20_000 });
  try {
    const me = await fetchMe(voyager);
    if (!me.ok) return { kind: 'error', message: `GET /me answered HTTP ${me.verdict.status}` };
    const { memberUrn, tail, publicIdentifier } = me.viewer;
    await updateRuntime(() => ({ viewer: { memberUrn, tail, publicIdentifier, fingerprint: session.fingerprint ?? '' }, lastError: null }));
    return { kind: 'ok', viewer: { memberUrn, tail, publicIdentifier } };
  } catch (error) {
    if (error instanceof LinkedInStop) return { kind: 'stop', verdict: error.verdict };
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
