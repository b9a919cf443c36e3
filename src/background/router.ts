/**
 * Messages from the extension's own pages. The sender is checked before the
 * shape, the shape before anything else; each type has one handler.
 */
import browser, { type Runtime as BrowserRuntime } from 'webextension-polyfill';
import type { Viewer } from '../actions/types';
import { createBackendClient } from '../backend/client';
import { DEFAULT_LIMITS, checkUserLimits } from '../safety/limits';
import { warmupAdvice } from '../safety/warmup';
import { t, uiLocale } from '../i18n/chrome';
import { localeFormat } from '../i18n/locale-format';
import { connectionTestText } from './connection-text';
import { workingHoursSchema } from '../safety/working-hours';
import { checkSpacing, parseBackendUrl, parseToken } from '../settings/schema';
import { checkPolicyLimits, lockedFields, policyCeilings, type ManagedPolicy } from '../settings/managed';
import { loadPolicy } from '../settings/managed-storage';
import { loadSettings, saveSettings, type Settings } from '../settings/store';
import {
  parseCheckInputs,
  requestSchema,
  type Reply,
  type ReplyData,
  type Request,
  type SettingsView,
} from '../shared/messages';
import { formatChunk, toAuditRow } from '../shared/audit-export';
import { countAudit, queryAudit, verifyAuditChain } from '../store/audit-query';
import { runProbes } from '../diagnostics/probes';
import { resetLocalData } from './reset-local-data';
import { UNTIL_RESUMED, iso } from '../time';
import { createLinkedInClient } from '../voyager/client';
import { readSession } from '../voyager/session';
import { NoLinkedInTabError, NotSentError, type Transport } from '../voyager/transport';
import { ensureViewer } from './viewer';
import { recordLinkedInStop } from './executor';
import { recheckNow } from './recheck';
import { executorId, loadRuntime, updateRuntime, type Runtime } from './runtime';
import { computeStatus, heartbeatOf } from './status';
import { decideApprovals } from './approval-handler';

type Handlers = { [T in Request['type']]: (req: Extract<Request, { type: T }>) => Promise<Reply<ReplyData<T>>> };

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

async function settingsView(now: number, s?: Settings): Promise<SettingsView> {
  const settings = s ?? (await loadSettings());
  const [runtime, { policy, problems }] = await Promise.all([loadRuntime(), loadPolicy()]);
  return {
    backendUrl: settings.backendUrl,
    // The organisation's token never reaches a page: the field shows "set by your organisation".
    token: policy.token !== undefined ? null : settings.token,
    allowBackgroundTab: settings.allowBackgroundTab,
    approvalMode: settings.approvalMode,
    limits: settings.limits,
    defaults: DEFAULT_LIMITS,
    ceilings: policyCeilings(policy),
    workingHours: settings.workingHours,
    spacingSeconds: settings.spacingSeconds,
    warmupStartedAt: settings.warmupStartedAt,
    warmupAdvice:
      settings.warmupStartedAt === null
        ? warmupAdvice(runtime.lastMutationAt, now, t, localeFormat(uiLocale()).number)
        : null,
    boundAccount: runtime.boundAccount,
    signedInAccount: runtime.viewer
      ? { memberUrn: runtime.viewer.memberUrn, publicIdentifier: runtime.viewer.publicIdentifier }
      : null,
    policy: { locked: lockedFields(policy), limits: policy.limits, problems },
  };
}

/** The connection a page asks for; a field the policy sets is the policy's, whatever the page sent. */
function validConnection(
  req: { backendUrl: string; token: string },
  policy: ManagedPolicy,
): { backendUrl: string; token: string } {
  const url =
    policy.backendUrl !== undefined ? { ok: true as const, value: policy.backendUrl } : parseBackendUrl(req.backendUrl);
  if (!url.ok) throw new FieldError('backendUrl', url.reason);
  const token = policy.token !== undefined ? { ok: true as const, value: policy.token } : parseToken(req.token);
  if (!token.ok) throw new FieldError('token', token.reason);
  return { backendUrl: url.value, token: token.value };
}

export interface RouterDeps {
  now: () => number;
  pumpNow: () => void;
  /** The linkedin.com tab transport the executor uses: Check LinkedIn and "Check again" read through it. */
  transport: Transport;
}

/**
 * Why LinkedIn must not be asked anything now, or null. Reads are few, but after a security
 * challenge or a rate limit even reads add to what LinkedIn holds against the account.
 */
function linkedInHold(runtime: Runtime, now: number): string | null {
  const pause = runtime.pause;
  if (!pause || pause.until <= now) return null;
  if (pause.reason === 'challenge')
    return 'LinkedIn showed a security challenge: nothing is asked of LinkedIn until the pause ends or you resume in the popup.';
  if (pause.reason === 'rate_limited')
    return 'LinkedIn asked to slow down (rate limit): nothing is asked of LinkedIn until the pause ends.';
  return null;
}

/** Who to run Check LinkedIn as, or why not: nothing is sent without a session and a known viewer. */
async function checkViewer(
  now: number,
  transport: Transport,
): Promise<{ ok: true; liLang: string | null; viewer: Viewer } | { ok: false; message: string }> {
  const [session, runtime] = await Promise.all([readSession(), loadRuntime()]);
  if (!session.signedIn)
    return { ok: false, message: 'Signed out of LinkedIn: sign in to LinkedIn in this browser, then check again.' };
  const hold = linkedInHold(runtime, now);
  if (hold) return { ok: false, message: hold };
  // The check needs a linkedin.com tab anyway, so who is signed in is read now if it is not known
  // for this session (the executor itself never opens a tab just for that).
  const who = session.hasCsrfToken ? await ensureViewer(transport, session) : null;
  if (who?.kind === 'ok') return { ok: true, liLang: session.liLang, viewer: who.viewer };
  if (who?.kind === 'no_tab')
    return {
      ok: false,
      message: `Nothing was checked: ${new NoLinkedInTabError().message}. Open linkedin.com in a tab, then check again.`,
    };
  return {
    ok: false,
    message:
      'The executor could not identify your LinkedIn account yet (it reads it from a linkedin.com tab). Try again in a minute.',
  };
}

export function createRouter(deps: RouterDeps) {
  const handlers: Handlers = {
    'status/get': async () => ({ ok: true, data: await computeStatus(deps.now()) }),
    'settings/get': async () => ({ ok: true, data: await settingsView(deps.now()) }),
    'settings/saveConnection': async (req) => {
      const saved = await saveSettings(validConnection(req, (await loadPolicy()).policy));
      // New settings lift a remembered 401 and retry the backend at once.
      await updateRuntime(() => ({ authRejectedFor: null, backendFailures: 0, backendRetryAt: 0, nextPollAt: 0 }));
      deps.pumpNow();
      return { ok: true, data: await settingsView(deps.now(), saved) };
    },
    'settings/testConnection': async (req) => {
      const connection = validConnection(req, (await loadPolicy()).policy);
      const client = createBackendClient({
        baseUrl: connection.backendUrl,
        token: connection.token,
        executorId: await executorId(),
        version: browser.runtime.getManifest().version,
        fetch: (...a) => fetch(...a),
      });
      const answer = await client.heartbeat(heartbeatOf(await computeStatus(deps.now())));
      const message = connectionTestText(answer, t, localeFormat(uiLocale()));
      return { ok: true, data: { ok: answer.kind === 'ok', message } };
    },
    'settings/saveSafety': async (req) => {
      const limitErrors = [
        ...checkUserLimits(req.limits),
        ...checkPolicyLimits(req.limits, (await loadPolicy()).policy),
      ];
      if (limitErrors.length > 0) throw new FieldError('limits', limitErrors.join('; '));
      const spacingError = checkSpacing(req.spacingSeconds);
      if (spacingError) throw new FieldError('spacingSeconds', spacingError);
      let workingHours = null;
      if (req.workingHours !== null) {
        const parsed = workingHoursSchema.safeParse(req.workingHours);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new FieldError(
            `workingHours.${issue?.path.join('.') ?? ''}`,
            `Working hours: ${issue?.message ?? 'invalid'}`,
          );
        }
        workingHours = parsed.data;
      }
      const current = await loadSettings();
      const saved = await saveSettings({
        limits: req.limits,
        workingHours,
        spacingSeconds: req.spacingSeconds,
        allowBackgroundTab: req.allowBackgroundTab ?? current.allowBackgroundTab,
        approvalMode: req.approvalMode ?? current.approvalMode,
        warmupStartedAt: req.warmup ? (current.warmupStartedAt ?? deps.now()) : null,
      });
      deps.pumpNow();
      return { ok: true, data: await settingsView(deps.now(), saved) };
    },
    'settings/backgroundTab': async (req) => {
      await saveSettings({ allowBackgroundTab: req.allow });
      // Answered either way: the question is not asked again (Options can change the answer).
      await updateRuntime(() => ({ backgroundTabWanted: false }));
      deps.pumpNow();
      return { ok: true, data: await computeStatus(deps.now()) };
    },
    'account/rebind': async () => {
      // Bind to whoever is signed in now (or to the next account seen).
      await updateRuntime((r) => ({
        boundAccount: r.viewer ? { memberUrn: r.viewer.memberUrn, publicIdentifier: r.viewer.publicIdentifier } : null,
      }));
      deps.pumpNow();
      return { ok: true, data: await settingsView(deps.now()) };
    },
    'data/reset': async () => {
      await resetLocalData();
      deps.pumpNow();
      return { ok: true, data: await settingsView(deps.now()) };
    },
    'audit/query': async (req) => {
      const page = await queryAudit(req.filter, req.before, req.limit);
      return {
        ok: true,
        data: { rows: page.rows.map(toAuditRow), nextBefore: page.nextBefore, total: await countAudit() },
      };
    },
    // Exports are formatted here, so the page only joins text: 100,000 rows stay a few seconds.
    'audit/export': async (req) => {
      const page = await queryAudit(req.filter, req.before, req.limit);
      return {
        ok: true,
        data: { text: formatChunk(page.rows, req.format), count: page.rows.length, nextBefore: page.nextBefore },
      };
    },
    'audit/verify': async () => ({ ok: true, data: await verifyAuditChain() }),
    'executor/pause': async () => {
      await updateRuntime(() => ({ pause: { until: UNTIL_RESUMED, reason: 'user', since: deps.now() } }));
      deps.pumpNow();
      return { ok: true, data: await computeStatus(deps.now()) };
    },
    'executor/resume': async (req) => {
      await updateRuntime((r) => {
        const challenge = r.pause?.reason === 'challenge' && r.pause.until > deps.now();
        if (challenge && !req.confirmEarlyChallengeResume) {
          throw new FieldError(
            'confirm',
            'Resuming before the 24 h challenge pause ends needs your explicit confirmation.',
          );
        }
        return { pause: null };
      });
      deps.pumpNow();
      return { ok: true, data: await computeStatus(deps.now()) };
    },
    'executor/pumpNow': async () => {
      deps.pumpNow();
      return { ok: true, data: null };
    },
    'linkedin/check': async (req) => {
      const parsed = parseCheckInputs(req);
      if (!parsed.ok) {
        const [first] = parsed.errors;
        return {
          ok: false,
          error: { message: parsed.errors.map((e) => e.message).join(' '), ...(first ? { field: first.field } : {}) },
        };
      }
      const who = await checkViewer(deps.now(), deps.transport);
      if (!who.ok) return { ok: false, error: { message: who.message } };
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
      if (unsent.first && results.every((r) => r.httpStatus === null)) {
        return {
          ok: false,
          error: {
            message: `Nothing was checked: ${unsent.first.message}. Open linkedin.com in a tab, then check again.`,
          },
        };
      }
      return { ok: true, data: { results, stoppedBy, checkedAt: iso(deps.now()) } };
    },
    'approval/decide': async (req) => {
      const outcome = await decideApprovals(req, deps.now);
      // Approved ones run now (under the throttles); rejected and expired ones are reported now.
      deps.pumpNow();
      return { ok: true, data: { outcome, status: await computeStatus(deps.now()) } };
    },
    'linkedin/recheck': async () => {
      const hold = linkedInHold(await loadRuntime(), deps.now());
      if (hold) return { ok: false, error: { message: hold } };
      const data = await recheckNow(deps.transport, deps.now, (v) => recordLinkedInStop(v, deps.now()));
      // A lifted type goes back into `accept` at the next lease: ask now rather than at the next alarm.
      deps.pumpNow();
      return { ok: true, data };
    },
  };

  return async function onMessage(message: unknown, sender: BrowserRuntime.MessageSender): Promise<Reply<unknown>> {
    const ownPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
    if (!ownPage) return { ok: false, error: { message: 'messages are accepted from this extension’s pages only' } };
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success)
      return { ok: false, error: { message: `bad request: ${parsed.error.issues[0]?.message ?? 'invalid'}` } };
    const request = parsed.data;
    const handler = handlers[request.type] as (req: Request) => Promise<Reply<unknown>>;
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof FieldError) return { ok: false, error: { message: error.message, field: error.field } };
      return { ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
    }
  };
}
