/**
 * The executor's runtime state, written through to chrome.storage.local so a
 * restarted worker picks up where the last one stopped. Read-modify-write goes
 * through one Web Lock.
 */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { accountSchema, bucketSchema, pauseReasonSchema } from '../../contract/protocol';
import { driftStateSchema } from '../safety/drift';
import { isConnectionFingerprint } from '../settings/schema';

export const runtimeSchema = z.object({
  executorId: z.string().nullable().default(null),
  /** The LinkedIn account this executor is bound to (the first one it saw). */
  boundAccount: accountSchema.nullable().default(null),
  /** Who the current session is, and which session (fingerprint of li_at) that was. */
  viewer: z
    .object({
      memberUrn: z.string(),
      tail: z.string(),
      publicIdentifier: z.string().nullable(),
      fingerprint: z.string(),
    })
    .nullable()
    .default(null),
  /** li_at fingerprint of a session LinkedIn declared invalid (401/CSRF): not retried until it changes. */
  sessionInvalidFor: z.string().nullable().default(null),
  pause: z.object({ until: z.number(), reason: pauseReasonSchema, since: z.number() }).nullable().default(null),
  closedUntil: z.partialRecord(bucketSchema, z.number()).default({}),
  rateLimitLevel: z.number().int().min(0).default(0),
  lastMutationAt: z.number().nullable().default(null),
  jitter: z.number().min(0).max(1).default(0),
  /**
   * Set when the backend answered 401/403 (the settings' fingerprint, a hash); cleared when the
   * settings change. Older versions stored the token itself here: such a value is dropped on load.
   */
  authRejectedFor: z
    .string()
    .nullable()
    .default(null)
    .transform((v) => (v !== null && isConnectionFingerprint(v) ? v : null)),
  /** The LinkedIn session (li_at fingerprint) whose account is not read yet because no linkedin.com tab is open. */
  viewerAwaitsTab: z.string().nullable().default(null),
  /** A background tab was needed while the user had not answered whether one may be opened: the popup asks. */
  backgroundTabWanted: z.boolean().default(false),
  backendFailures: z.number().int().min(0).default(0),
  backendRetryAt: z.number().default(0),
  nextPollAt: z.number().default(0),
  pollAfterMs: z.number().nullable().default(null),
  queuedAtBackend: z.number().nullable().default(null),
  lastHeartbeatAt: z.number().default(0),
  lastHeartbeatDigest: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
  /** The first `lease_expired` in the approval queue was notified (only that one is). */
  approvalExpiryNotified: z.boolean().default(false),
  /** Whether the last heartbeat the backend accepted carried `approvals` (it grants long leases then). */
  lastHeartbeatApprovals: z.boolean().default(false),
  /** Answers that meant "LinkedIn changed", and the action types they suspended (safety/drift.ts). */
  drift: driftStateSchema.default({ counts: {}, suspended: {} }),
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
