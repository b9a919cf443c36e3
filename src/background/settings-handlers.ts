/**
 * The options and welcome pages' handlers: settings (connection, safety,
 * the background-tab answer), the account binding, and the local data reset.
 * A field the organisation's policy sets is the policy's, whatever a page sends.
 */
import { t, uiLocale } from '../i18n/chrome';
import { localeFormat } from '../i18n/locale-format';
import { connectionTestText } from './connection-text';
import browser from 'webextension-polyfill';
import { createBackendClient } from '../backend/client';
import { DEFAULT_LIMITS, checkUserLimits } from '../safety/limits';
import { warmupAdvice } from '../safety/warmup';
import { checkSpacing, checkWorkingHours, parseBackendUrl, parseToken } from '../settings/schema';
import { checkPolicyLimits, lockedFields, policyCeilings, type ManagedPolicy } from '../settings/managed';
import { loadPolicy } from '../settings/managed-storage';
import { loadSettings, saveSettings, type Settings } from '../settings/store';
import type { SettingsView } from '../shared/messages';
import { resetLocalData } from './reset-local-data';
import { FieldError, type Handlers, type RouterDeps } from './router-handlers';
import { executorId, loadRuntime, updateRuntime } from './runtime';
import { computeStatus, heartbeatOf } from './status';

type SettingsRequest =
  | 'settings/get'
  | 'settings/saveConnection'
  | 'settings/testConnection'
  | 'settings/saveSafety'
  | 'settings/backgroundTab'
  | 'account/rebind'
  | 'data/reset';

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
  if (!url.ok) throw new FieldError('backendUrl', url.problem);
  const token = policy.token !== undefined ? { ok: true as const, value: policy.token } : parseToken(req.token);
  if (!token.ok) throw new FieldError('token', token.problem);
  return { backendUrl: url.value, token: token.value };
}

export function settingsHandlers(deps: RouterDeps): Handlers<SettingsRequest> {
  return {
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
      const [firstLimit, ...otherLimits] = [
        ...checkUserLimits(req.limits),
        ...checkPolicyLimits(req.limits, (await loadPolicy()).policy),
      ];
      if (firstLimit) throw new FieldError('limits', firstLimit, ...otherLimits);
      const spacing = checkSpacing(req.spacingSeconds);
      if (spacing) throw new FieldError('spacingSeconds', spacing);
      const hours = checkWorkingHours(req.workingHours);
      if (!hours.ok) throw new FieldError(hours.field, hours.problem);
      const workingHours = hours.value;
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
  };
}
