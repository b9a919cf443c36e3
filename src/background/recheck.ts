/**
 * Re-checks action types suspended because LinkedIn changed an endpoint
 * (safety/drift.ts): on their own when due (every few hours), and at once
 * when the user asks ("Check again"). Where a read-only probe exists for the
 * drifted endpoint it decides; a write endpoint has none, so its type is let
 * through again and the next action tells (one more drift answer suspends it
 * again after the threshold; a 410 at once).
 */
import browser from 'webextension-polyfill';
import type { Viewer } from '../actions/types';
import { UNREADABLE_ANSWER } from '../diagnostics/probe-note';
import { recheckProbeFor, runProbes, type ProbeResult } from '../diagnostics/probes';
import { RECHECK_MS, dueForRecheck, lift, postpone, type Suspension } from '../safety/drift';
import { scaled } from '../time';
import { createLinkedInClient, type StopVerdict } from '../voyager/client';
import { readSession } from '../voyager/session';
import type { Transport } from '../voyager/transport';
import { loadRuntime, updateRuntime, type Runtime } from './runtime';
import { t } from '../i18n/chrome';
import { suspendedNotification } from './notification-text';

export interface RecheckArgs {
  now: () => number;
  transport: Transport;
  liLang: string | null;
  viewer: Viewer;
  /** Re-check every suspended type now, due or not (the user asked). */
  force: boolean;
  /** A LinkedIn stop met while probing: handled as the executor handles any stop. */
  onStop: (verdict: StopVerdict) => Promise<void>;
}

/** What a failing probe says first, in the suspension's reason (sent to the backend as it is). */
const failureLine = (r: ProbeResult): string => (r.unreadable ? UNREADABLE_ANSWER : r.unexpected[0]) ?? r.status;

export async function recheckSuspended(args: RecheckArgs): Promise<Runtime> {
  let runtime = await loadRuntime();
  const due = args.force ? Object.keys(runtime.drift.suspended) : dueForRecheck(runtime.drift, args.now());
  for (const type of due) {
    const suspension = runtime.drift.suspended[type];
    if (!suspension) continue;
    const probe = recheckProbeFor(suspension.endpoint);
    if (!probe) {
      runtime = await updateRuntime((r) => ({ drift: lift(r.drift, type) }));
      continue;
    }
    const linkedin = createLinkedInClient({ transport: args.transport, liLang: args.liLang, timeoutMs: 20_000 });
    const { results, stoppedBy, stop } = await runProbes(
      { linkedin, viewer: args.viewer, inputs: { profile: null, company: null, post: null } },
      [probe],
    );
    if (stop) await args.onStop(stop);
    // A LinkedIn "stop" during the probe says nothing about the endpoint: look again later.
    const passed = stoppedBy === null && results.length > 0 && results.some((r) => r.status === 'ok');
    runtime = await updateRuntime((r) => ({
      drift: passed
        ? lift(r.drift, type)
        : postpone(
            r.drift,
            type,
            args.now(),
            scaled(RECHECK_MS),
            stoppedBy ? undefined : `still failing: ${results.map(failureLine).join('; ')}`,
          ),
    }));
  }
  return runtime;
}

/** The user's "Check again": reads the session and viewer itself, then re-checks every suspended type. */
export async function recheckNow(
  transport: Transport,
  now: () => number,
  onStop: (verdict: StopVerdict) => Promise<void>,
): Promise<{ checked: number; stillSuspended: string[] }> {
  const [session, before] = await Promise.all([readSession(), loadRuntime()]);
  const viewer = before.viewer;
  const checked = Object.keys(before.drift.suspended).length;
  if (!session.signedIn || !viewer) return { checked: 0, stillSuspended: Object.keys(before.drift.suspended) };
  const after = await recheckSuspended({ now, transport, liLang: session.liLang, viewer, force: true, onStop });
  return { checked, stillSuspended: Object.keys(after.drift.suspended) };
}

export async function notifySuspended(type: string, suspension: Suspension): Promise<void> {
  try {
    await browser.notifications.create(`suspended-${type}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      ...suspendedNotification(type, suspension.endpoint, t),
    });
  } catch (error) {
    console.warn('[executor] notification failed', error);
  }
}
