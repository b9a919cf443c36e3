/**
 * The executor's runtime state, written through to chrome.storage.local so a
 * restarted worker picks up where the last one stopped. Read-modify-write goes
 * through one Web Lock.
 */
import browser from 'webextension-polyfill';
import { z } from '../../contract/zod';
import { accountSchema, bucketSchema, pauseReasonSchema } from '../../contract/protocol';
import { driftStateSchema } from '../safety/drift';
import { isConnectionFingerprint } from '../settings/schema';

export const runtimeSchema = z.object({
  executorId: z._default(z.nullable(z.string()), null),
  /** The LinkedIn account this executor is bound to (the first one it saw). */
  boundAccount: z._default(z.nullable(accountSchema), null),
  /** Who the current session is, and which session (fingerprint of li_at) that was. */
  viewer: z._default(
    z.nullable(
      z.object({
        memberUrn: z.string(),
        tail: z.string(),
        publicIdentifier: z.nullable(z.string()),
        fingerprint: z.string(),
      }),
    ),
    null,
  ),
  /** li_at fingerprint of a session LinkedIn declared invalid (401/CSRF): not retried until it changes. */
  sessionInvalidFor: z._default(z.nullable(z.string()), null),
  pause: z._default(z.nullable(z.object({ until: z.number(), reason: pauseReasonSchema, since: z.number() })), null),
  closedUntil: z._default(z.partialRecord(bucketSchema, z.number()), {}),
  rateLimitLevel: z._default(z.int().check(z.gte(0)), 0),
  lastMutationAt: z._default(z.nullable(z.number()), null),
  jitter: z._default(z.number().check(z.gte(0), z.lte(1)), 0),
  /**
   * Set when the backend answered 401/403 (the settings' fingerprint, a hash); cleared when the
   * settings change. Older versions stored the token itself here: such a value is dropped on load.
   */
  authRejectedFor: z.pipe(
    z._default(z.nullable(z.string()), null),
    z.transform((v: string | null) => (v !== null && isConnectionFingerprint(v) ? v : null)),
  ),
  /** The LinkedIn session (li_at fingerprint) whose account is not read yet because no linkedin.com tab is open. */
  viewerAwaitsTab: z._default(z.nullable(z.string()), null),
  /** A background tab was needed while the user had not answered whether one may be opened: the popup asks. */
  backgroundTabWanted: z._default(z.boolean(), false),
  backendFailures: z._default(z.int().check(z.gte(0)), 0),
  backendRetryAt: z._default(z.number(), 0),
  nextPollAt: z._default(z.number(), 0),
  pollAfterMs: z._default(z.nullable(z.number()), null),
  queuedAtBackend: z._default(z.nullable(z.number()), null),
  lastHeartbeatAt: z._default(z.number(), 0),
  lastHeartbeatDigest: z._default(z.nullable(z.string()), null),
  lastError: z._default(z.nullable(z.string()), null),
  /** The first `lease_expired` in the approval queue was notified (only that one is). */
  approvalExpiryNotified: z._default(z.boolean(), false),
  /** Whether the last heartbeat the backend accepted carried `approvals` (it grants long leases then). */
  lastHeartbeatApprovals: z._default(z.boolean(), false),
  /** Answers that meant "LinkedIn changed", and the action types they suspended (safety/drift.ts). */
  drift: z._default(driftStateSchema, { counts: {}, suspended: {} }),
});
export type Runtime = z.infer<typeof runtimeSchema>;

const KEY = 'runtime';

export async function loadRuntime(): Promise<Runtime> {
  const raw = (await browser.storage.local.get(KEY))[KEY];
  const parsed = runtimeSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : runtimeSchema.parse({});
}

export async function updateRuntime(change: (r: Runtime) => Partial<Runtime>): Promise<Runtime> {
  return navigator.locks.request('runtime', async () => {
    const current = await loadRuntime();
    const next = runtimeSchema.parse({ ...current, ...change(current) });
    await browser.storage.local.set({ [KEY]: next });
    return next;
  });
}

/** The per-install executor id sent as X-Executor-Id. */
export async function executorId(): Promise<string> {
  const runtime = await updateRuntime((r) => (r.executorId ? {} : { executorId: crypto.randomUUID() }));
  return runtime.executorId ?? '';
}
