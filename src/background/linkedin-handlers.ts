/**
 * Check LinkedIn (every read the executor depends on, run on the user's
 * demand) and "Check again" for suspended types. Both ask LinkedIn only with
 * a session, a known viewer, and no pause that LinkedIn itself asked for.
 */
import type { Viewer } from '../actions/types';
import { runProbes } from '../diagnostics/probes';
import { parseCheckInputs, type Reply } from '../shared/messages';
import type { CheckProblem } from '../shared/problem';
import { iso } from '../time';
import { createLinkedInClient } from '../voyager/client';
import { readSession } from '../voyager/session';
import { NoLinkedInTabError, NotSentError, type Transport } from '../voyager/transport';
import { recordLinkedInStop } from './attempt-effects';
import { recheckNow } from './recheck';
import type { Handlers, RouterDeps } from './router-handlers';
import { loadRuntime, type Runtime } from './runtime';
import { ensureViewer } from './viewer';

/**
 * Why LinkedIn must not be asked anything now, or null. Reads are few, but after a security
 * challenge or a rate limit even reads add to what LinkedIn holds against the account.
 */
function linkedInHold(runtime: Runtime, now: number): CheckProblem | null {
  const pause = runtime.pause;
  if (!pause || pause.until <= now) return null;
  if (pause.reason === 'challenge') return { key: 'problemHoldChallenge' };
  if (pause.reason === 'rate_limited') return { key: 'problemHoldRateLimited' };
  return null;
}

/** Nothing was checked because no request could leave: a tab may not be opened, or none was usable. */
const unsentProblem = (error: NotSentError): CheckProblem =>
  error instanceof NoLinkedInTabError ? { key: 'problemCheckNoTab' } : { key: 'problemCheckNotSent' };

const refused = (problem: CheckProblem): Reply<never> => ({ ok: false, error: { problems: [problem] } });

/** Who to run Check LinkedIn as, or why not: nothing is sent without a session and a known viewer. */
async function checkViewer(
  now: number,
  transport: Transport,
): Promise<{ ok: true; liLang: string | null; viewer: Viewer } | { ok: false; problem: CheckProblem }> {
  const [session, runtime] = await Promise.all([readSession(), loadRuntime()]);
  if (!session.signedIn) return { ok: false, problem: { key: 'problemCheckSignedOut' } };
  const hold = linkedInHold(runtime, now);
  if (hold) return { ok: false, problem: hold };
  // The check needs a linkedin.com tab anyway, so who is signed in is read now if it is not known
  // for this session (the executor itself never opens a tab just for that).
  const who = session.hasCsrfToken ? await ensureViewer(transport, session) : null;
  if (who?.kind === 'ok') return { ok: true, liLang: session.liLang, viewer: who.viewer };
  if (who?.kind === 'no_tab') return { ok: false, problem: { key: 'problemCheckNoTab' } };
  return { ok: false, problem: { key: 'problemCheckNoViewer' } };
}

export function linkedInHandlers(deps: RouterDeps): Handlers<'linkedin/check' | 'linkedin/recheck'> {
  return {
    'linkedin/check': async (req) => {
      const parsed = parseCheckInputs(req);
      if (!parsed.ok) {
        const [first] = parsed.errors;
        return { ok: false, error: { problems: parsed.errors, ...(first ? { field: first.field } : {}) } };
      }
      const who = await checkViewer(deps.now(), deps.transport);
      if (!who.ok) return refused(who.problem);
      // Remembers why a request never left (no linkedin.com tab): otherwise every probe would read "failed".
      const unsent: { first: NotSentError | null } = { first: null };
      const transport: Transport = {
        send: (request) =>
          deps.transport.send(request).catch((error: unknown) => {
            if (error instanceof NotSentError) unsent.first ??= error;
            throw error;
          }),
      };
      const linkedin = createLinkedInClient({ transport, liLang: who.liLang, timeoutMs: 20_000 });
      const { results, stoppedBy, stop } = await runProbes({ linkedin, viewer: who.viewer, inputs: parsed.inputs });
      if (stop) {
        await recordLinkedInStop(stop, deps.now());
        deps.pumpNow();
      }
      if (unsent.first && results.every((r) => r.httpStatus === null)) return refused(unsentProblem(unsent.first));
      return { ok: true, data: { results, stoppedBy, checkedAt: iso(deps.now()) } };
    },
    'linkedin/recheck': async () => {
      const hold = linkedInHold(await loadRuntime(), deps.now());
      if (hold) return refused(hold);
      const data = await recheckNow(deps.transport, deps.now, (v) => recordLinkedInStop(v, deps.now()));
      // A lifted type goes back into `accept` at the next lease: ask now rather than at the next alarm.
      deps.pumpNow();
      return { ok: true, data };
    },
  };
}
