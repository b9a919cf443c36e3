/**
 * Webhook deliveries: the outbox rows written with the final result are
 * claimed (SKIP LOCKED, so replicas share the work), POSTed signed, and
 * retried with exponential backoff for 24 h until a 2xx. Rows live in the
 * database, so a restart loses none.
 */
import { getAction } from '../storage/actions';
import type { DeliveryRow } from '../storage/rows';
import { claimDueDeliveries, markAttemptFailed, markDelivered, promoteFinalActions } from '../storage/webhooks';
import { findWorkspace } from '../storage/workspaces';
import { actionView } from './action-view';
import type { Deps } from './deps';
import { signBody } from './secrets';

const CLAIM_MS = 60_000;
const SEND_TIMEOUT_MS = 10_000;

/** When to try again after `attempts` failures, or null once the window has passed. Pure. */
export function nextAttemptAt(
  attempts: number,
  createdAt: Date,
  now: Date,
  baseMs: number,
  windowMs: number,
  random = Math.random(),
): Date | null {
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3600_000) * (1 + random * 0.2);
  const at = now.getTime() + delay;
  return at > createdAt.getTime() + windowMs ? null : new Date(at);
}

export interface WebhookWorker {
  /** Looks for due deliveries soon (batched: many results in a burst cost one sweep). */
  kick(): void;
  stop(): Promise<void>;
}

export function startWebhookWorker(
  deps: Deps,
  opts: { intervalMs?: number; fetchImpl?: typeof fetch } = {},
): WebhookWorker {
  const doFetch = opts.fetchImpl ?? fetch;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  async function deliverOne(d: DeliveryRow): Promise<void> {
    const ws = await findWorkspace(deps.db, d.workspace_id);
    const action = await getAction(deps.db, d.workspace_id, d.action_id);
    // The action is final, so rendering it now gives the same bytes on every retry.
    const body = action ? JSON.stringify(actionView(action, deps.clock())) : JSON.stringify({ id: d.action_id });
    let error: string;
    try {
      const res = await doFetch(d.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Outbound-Signature': signBody(ws?.webhook_secret ?? '', body),
          'X-Outbound-Delivery': d.id,
          'User-Agent': 'outbound-executor-webhooks/1',
        },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        redirect: 'manual',
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) {
        await markDelivered(deps.db, d.id, deps.clock());
        return;
      }
      error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const now = deps.clock();
    await markAttemptFailed(
      deps.db,
      d.id,
      error,
      nextAttemptAt(d.attempts + 1, d.created_at, now, deps.config.webhookBaseDelayMs, deps.config.webhookRetryForMs),
    );
  }

  async function sweep(): Promise<void> {
    do {
      again = false;
      const now = deps.clock();
      if ((await promoteFinalActions(deps.db, now, 500)) === 500) again = true;
      const due = await claimDueDeliveries(deps.db, now, new Date(now.getTime() + CLAIM_MS), 20);
      await Promise.all(due.map((d) => deliverOne(d)));
      if (due.length === 20) again = true;
    } while (again && !stopped);
  }

  let soon: ReturnType<typeof setTimeout> | undefined;
  function kickSoon(): void {
    if (soon === undefined && !stopped) {
      soon = setTimeout(() => {
        soon = undefined;
        kick();
      }, 50);
    }
  }

  function kick(): void {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    running = sweep()
      .catch((err: unknown) => console.error(`webhooks: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        running = null;
      });
  }

  const timer = setInterval(kick, opts.intervalMs ?? 1000);
  const stopFinal = deps.events.onAnyFinal(() => kickSoon());
  kick();
  return {
    kick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      stopFinal();
      clearTimeout(soon);
      await running;
    },
  };
}
