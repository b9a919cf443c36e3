/** Settings in chrome.storage.local (never sync: the token stays on this machine). */
import browser from 'webextension-polyfill';
import { z } from '../../contract/zod';
import { bucketSchema } from '../../contract/protocol';
import { SPACING_SECONDS } from '../safety/decide';
import { workingHoursSchema } from '../safety/working-hours';
import { applyPolicy, withoutLocked } from './managed';
import { loadPolicy } from './managed-storage';
import { connectionFingerprint } from './schema';

const limitsSchema = z.object({
  day: z.optional(z.int().check(z.gte(0))),
  week: z.optional(z.int().check(z.gte(0))),
});

export const settingsSchema = z.object({
  backendUrl: z._default(z.nullable(z.string()), null),
  token: z._default(z.nullable(z.string()), null),
  limits: z._default(z.partialRecord(bucketSchema, limitsSchema), {}),
  /**
   * May a LinkedIn tab be opened in the background when none is open? null: not asked yet
   * (off; the popup asks the first time one is needed). Installs from before the question
   * stored true or false, and keep it.
   */
  allowBackgroundTab: z._default(z.nullable(z.boolean()), null),
  workingHours: z._default(z.nullable(workingHoursSchema), null),
  /** Base seconds between two writes (before jitter); 45 s before a message stays the floor. */
  spacingSeconds: z._default(
    z.int().check(z.gte(SPACING_SECONDS.min), z.lte(SPACING_SECONDS.max)),
    SPACING_SECONDS.min,
  ),
  /** Warm-up ramp start (epoch ms) when enabled. */
  warmupStartedAt: z._default(z.nullable(z.number()), null),
  /**
   * "Ask me before sending words in my name": messages, comments, notes and share commentary wait
   * in the popup for the user's approval (safety/approval.ts). On for new installs and for installs
   * that never stored it. An organisation's policy can force it on (managed.ts).
   */
  approvalMode: z._default(z.boolean(), true),
});
export type Settings = z.infer<typeof settingsSchema>;

const KEY = 'settings';

/** What this browser stored, without the policy. */
async function loadLocalSettings(): Promise<Settings> {
  const raw = (await browser.storage.local.get(KEY))[KEY];
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

/** The settings in force: the local ones with the organisation's policy laid over them (managed.ts). */
export async function loadSettings(): Promise<Settings> {
  const [local, { policy }] = await Promise.all([loadLocalSettings(), loadPolicy()]);
  return applyPolicy(local, policy);
}

/** Saves locally what the policy does not fix; returns the settings in force. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  return navigator.locks.request('settings', async () => {
    const [local, { policy }] = await Promise.all([loadLocalSettings(), loadPolicy()]);
    const next = settingsSchema.parse({ ...local, ...withoutLocked(patch, policy, local) });
    await browser.storage.local.set({ [KEY]: next });
    return applyPolicy(next, policy);
  });
}

export function isConfigured(s: Settings): s is Settings & { backendUrl: string; token: string } {
  return Boolean(s.backendUrl && s.token);
}

export const SETTINGS_KEY = KEY;

/**
 * Identifies the backend connection settings; a 401 is remembered against it.
 * A SHA-256, so the runtime state (and anything that reads it) holds no
 * second copy of the token.
 */
export function settingsFingerprint(s: Settings): string {
  return connectionFingerprint(s.backendUrl, s.token);
}
