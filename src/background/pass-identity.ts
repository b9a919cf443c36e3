/**
 * A pass's first LinkedIn question: who is signed in. Without an answer
 * nothing is attempted, and the actions in hand go back to the backend
 * saying why; with one, the executor binds to the first account it sees.
 */
import type { BackendClient } from '../backend/client';
import type { Settings } from '../settings/store';
import { scaled } from '../time';
import { readSession } from '../voyager/session';
import { NoLinkedInTabError, existingTabOnly, type Transport } from '../voyager/transport';
import { RATE_LIMIT_BASE_MS, recordEffects, stopUntilFor } from './attempt-effects';
import { deferJobsInHand } from './defer-in-hand';
import { deliverOutbox } from './deliver-outbox';
import type { PassIdentity } from './job-runner';
import { loadRuntime, updateRuntime, type Runtime } from './runtime';
import { publishStatus } from './status';
import { ensureViewer } from './viewer';
import { wakeAt } from './wake';
import { workNeedsTab } from './work-before-tab';

/** Why actions go back while no tab is open and the user has not answered the popup's question yet. */
const NO_TAB_UNASKED = 'no linkedin.com tab is open; the popup asks whether one may be opened in the background';

/** Who this pass runs as; null when the pass has nothing more to do (its actions in hand went back). */
export async function identifyForPass(
  deps: { now: () => number; transport: Transport },
  backend: BackendClient,
  settings: Settings,
  runtime: Runtime,
  force: boolean,
): Promise<PassIdentity | null> {
  const now = deps.now;
  const session = await readSession();
  // Who is signed in is read from a tab the user has open; a tab is opened (with consent) only for work.
  let viewerResult =
    session.signedIn && session.hasCsrfToken ? await ensureViewer(existingTabOnly(deps.transport), session) : null;
  if (viewerResult?.kind === 'no_tab' && (await workNeedsTab(now, backend, settings, force)))
    viewerResult = await ensureViewer(deps.transport, session);
  const awaitsTab = viewerResult?.kind === 'no_tab' ? session.fingerprint : null;
  if (runtime.viewerAwaitsTab !== awaitsTab) runtime = await updateRuntime(() => ({ viewerAwaitsTab: awaitsTab }));
  if (viewerResult?.kind === 'stop') {
    await recordEffects(
      { mutated: false, stop: viewerResult.verdict, code: null },
      now(),
      stopUntilFor(now(), runtime),
      session.fingerprint,
    );
  }
  if (viewerResult?.kind === 'error')
    await updateRuntime(() => ({ lastError: `LinkedIn identity: ${viewerResult.message}` }));
  const viewer = viewerResult?.kind === 'ok' ? viewerResult.viewer : null;
  if (!viewer || !session.hasCsrfToken) {
    // Nothing is attempted; actions already in hand go back to the backend, saying why.
    const stop = viewerResult?.kind === 'stop' ? viewerResult.verdict : null;
    if (stop?.kind === 'challenge' || stop?.kind === 'rate_limited') {
      const until = (await loadRuntime()).pause?.until ?? now() + scaled(RATE_LIMIT_BASE_MS);
      await deferJobsInHand(
        now,
        stop.kind === 'challenge' ? 'challenge' : 'outbound_throttled',
        `LinkedIn said stop (${stop.kind})`,
        until,
      );
    } else if (viewerResult?.kind === 'no_tab') {
      const why = settings.allowBackgroundTab === null ? NO_TAB_UNASKED : new NoLinkedInTabError().message;
      await deferJobsInHand(now, 'outbound_throttled', why);
      await deliverOutbox(backend, now);
      await publishStatus(deps, backend);
      // Nothing to learn until a tab opens or work arrives: poll as an idle pass would.
      const after = await loadRuntime();
      await wakeAt(Math.max(after.nextPollAt, after.backendRetryAt, now() + 1));
      return null;
    } else {
      await deferJobsInHand(now, 'session_expired', 'signed out of LinkedIn');
    }
    await deliverOutbox(backend, now);
    await publishStatus(deps, backend);
    return null;
  }
  runtime = await updateRuntime((r) =>
    r.boundAccount ? {} : { boundAccount: { memberUrn: viewer.memberUrn, publicIdentifier: viewer.publicIdentifier } },
  );
  const accountMismatch = runtime.boundAccount !== null && runtime.boundAccount.memberUrn !== viewer.memberUrn;
  return { settings, session, viewer, accountMismatch };
}
