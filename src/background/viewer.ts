/** Who is signed in: `/me`, fetched once per LinkedIn session (li_at fingerprint). */
import type { Viewer } from '../actions/types';
import { parseMe } from '../voyager/identity';
import { LinkedInStop, ME_PATH, createLinkedInClient, type StopVerdict } from '../voyager/client';
import type { LinkedInSession } from '../voyager/session';
import { NoLinkedInTabError, type Transport } from '../voyager/transport';
import { loadRuntime, updateRuntime } from './runtime';

export type ViewerResult =
  | { kind: 'ok'; viewer: Viewer }
  | { kind: 'stop'; verdict: StopVerdict }
  /** No linkedin.com tab to read /me from, and none was to be opened. */
  | { kind: 'no_tab' }
  | { kind: 'error'; message: string };

export async function ensureViewer(transport: Transport, session: LinkedInSession): Promise<ViewerResult> {
  const runtime = await loadRuntime();
  if (runtime.sessionInvalidFor !== null && runtime.sessionInvalidFor === session.fingerprint) {
    return { kind: 'error', message: 'LinkedIn declared this session invalid; sign in again' };
  }
  if (runtime.viewer && runtime.viewer.fingerprint === session.fingerprint) {
    const { memberUrn, tail, publicIdentifier } = runtime.viewer;
    return { kind: 'ok', viewer: { memberUrn, tail, publicIdentifier } };
  }
  const linkedin = createLinkedInClient({ transport, liLang: session.liLang, timeoutMs: 20_000 });
  try {
    const verdict = await linkedin.call({ method: 'GET', path: ME_PATH });
    if (verdict.kind !== 'ok')
      return { kind: 'error', message: `GET /me answered ${verdict.kind} (HTTP ${verdict.status})` };
    const me = parseMe(verdict.json);
    if (!me) return { kind: 'error', message: 'GET /me answered a shape this executor cannot read' };
    const { memberUrn, tail, publicIdentifier } = me;
    await updateRuntime(() => ({
      viewer: { memberUrn, tail, publicIdentifier, fingerprint: session.fingerprint ?? '' },
      lastError: null,
    }));
    return { kind: 'ok', viewer: { memberUrn, tail, publicIdentifier } };
  } catch (error) {
    if (error instanceof LinkedInStop) return { kind: 'stop', verdict: error.verdict };
    if (error instanceof NoLinkedInTabError) return { kind: 'no_tab' };
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
