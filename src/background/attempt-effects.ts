/**
 * What an attempt (or a LinkedIn stop met outside one) changes for every
 * later one: spacing, backoff, pauses, closed buckets, a dead session.
 */
import browser from 'webextension-polyfill';
import { INVITATION_LIMIT_CLOSE_MS } from '../safety/limits';
import { DAY, HOUR, scaled } from '../time';
import type { StopVerdict } from '../voyager/client';
import { readSession } from '../voyager/session';
import type { AttemptEffects } from './job-environment';
import { loadRuntime, updateRuntime, type Runtime } from './runtime';
import { t, uiLocale } from '../i18n/chrome';
import { localeFormat } from '../i18n/locale-format';
import { challengeNotification } from './notification-text';

export const CHALLENGE_PAUSE_MS = DAY;
export const RATE_LIMIT_BASE_MS = HOUR;

export function stopUntilFor(now: number, runtime: Runtime) {
  return (verdict: StopVerdict): number => {
    if (verdict.kind === 'challenge') return now + scaled(CHALLENGE_PAUSE_MS);
    if (verdict.kind === 'rate_limited') return now + scaled(RATE_LIMIT_BASE_MS * 2 ** runtime.rateLimitLevel);
    return now;
  };
}

/** What an attempt changes for every later one: spacing, backoff, pauses, closed buckets. */
export async function recordEffects(
  effects: AttemptEffects,
  now: number,
  stopUntil: (v: StopVerdict) => number,
  fingerprint: string | null,
): Promise<void> {
  const runtime = await updateRuntime((r) => {
    const patch: Partial<Runtime> = {};
    if (effects.mutated) {
      patch.lastMutationAt = now;
      patch.jitter = Math.random();
    }
    if (effects.mutated && effects.code === null) patch.rateLimitLevel = 0;
    if (effects.code === 'invitation_limit') {
      patch.closedUntil = { ...r.closedUntil, invitations: now + scaled(INVITATION_LIMIT_CLOSE_MS) };
    }
    const stop = effects.stop;
    if (stop?.kind === 'challenge')
      patch.pause = { until: effects.pauseUntil ?? stopUntil(stop), reason: 'challenge', since: now };
    if (stop?.kind === 'rate_limited') {
      patch.pause = { until: effects.pauseUntil ?? stopUntil(stop), reason: 'rate_limited', since: now };
      patch.rateLimitLevel = r.rateLimitLevel + 1;
    }
    if (stop?.kind === 'session_expired') {
      patch.viewer = null;
      patch.sessionInvalidFor = fingerprint;
    }
    return patch;
  });
  // The user is told after the state is safe; not awaited, so it never delays the result.
  if (effects.stop?.kind === 'challenge') void notifyChallenge(runtime);
}

/**
 * A LinkedIn "stop" met outside an action (Check LinkedIn, a re-check) counts
 * as one met by an action: a challenge pauses everything for 24 h, a 429
 * backs off, a dead session stops work.
 */
export async function recordLinkedInStop(verdict: StopVerdict, now: number): Promise<void> {
  const [runtime, session] = await Promise.all([loadRuntime(), readSession()]);
  await recordEffects(
    { mutated: false, stop: verdict, code: null },
    now,
    stopUntilFor(now, runtime),
    session.fingerprint,
  );
}

async function notifyChallenge(runtime: Runtime): Promise<void> {
  try {
    await browser.notifications.create('challenge', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      ...challengeNotification(runtime.pause?.until ?? 0, t, localeFormat(uiLocale())),
    });
  } catch (error) {
    console.warn('[executor] notification failed', error);
  }
}
