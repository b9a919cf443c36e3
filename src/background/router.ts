/**
 * Messages from the extension's own pages. The sender is checked before the
 * shape, the shape before anything else; each type has one handler.
 */
import browser, { type Runtime as BrowserRuntime } from 'webextension-polyfill';
import { requestSchema, type Reply, type Request } from '../shared/messages';
import type { Problem } from '../shared/problem';
import { toAuditRow } from '../shared/audit-export';
import { countAudit, queryAudit } from '../store/audit-query';
import { UNTIL_RESUMED } from '../time';
import { decideApprovals } from './approval-handler';
import { linkedInHandlers } from './linkedin-handlers';
import { FieldError, type Handlers, type RouterDeps } from './router-handlers';
import { updateRuntime } from './runtime';
import { settingsHandlers } from './settings-handlers';
import { computeStatus } from './status';

export type { RouterDeps } from './router-handlers';

const refused = (problem: Problem): Reply<never> => ({ ok: false, error: { problems: [problem] } });

export function createRouter(deps: RouterDeps) {
  const handlers: Handlers = {
    ...settingsHandlers(deps),
    ...linkedInHandlers(deps),
    'status/get': async () => ({ ok: true, data: await computeStatus(deps.now()) }),
    'audit/query': async (req) => {
      const page = await queryAudit(req.filter, req.before, req.limit);
      return {
        ok: true,
        data: { rows: page.rows.map(toAuditRow), nextBefore: page.nextBefore, total: await countAudit() },
      };
    },
    'executor/pause': async () => {
      await updateRuntime(() => ({ pause: { until: UNTIL_RESUMED, reason: 'user', since: deps.now() } }));
      deps.pumpNow();
      return { ok: true, data: await computeStatus(deps.now()) };
    },
    'executor/resume': async (req) => {
      await updateRuntime((r) => {
        const challenge = r.pause?.reason === 'challenge' && r.pause.until > deps.now();
        if (challenge && !req.confirmEarlyChallengeResume) {
          throw new FieldError('confirm', { key: 'problemResumeNeedsConfirm' });
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
    'approval/decide': async (req) => {
      const outcome = await decideApprovals(req, deps.now);
      // Approved ones run now (under the throttles); rejected and expired ones are reported now.
      deps.pumpNow();
      return { ok: true, data: { outcome, status: await computeStatus(deps.now()) } };
    },
  };

  return async function onMessage(message: unknown, sender: BrowserRuntime.MessageSender): Promise<Reply<unknown>> {
    const ownPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
    if (!ownPage) return refused({ key: 'problemNotOwnPage' });
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success)
      return refused({ key: 'problemBadRequest', path: parsed.error.issues[0]?.path.join('.') ?? '' });
    const request = parsed.data;
    const handler = handlers[request.type] as (req: Request) => Promise<Reply<unknown>>;
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof FieldError) return { ok: false, error: { problems: error.problems, field: error.field } };
      return refused({ key: 'problemUnexpected', detail: error instanceof Error ? error.message : String(error) });
    }
  };
}
