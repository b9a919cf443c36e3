/**
 * Scheduling the next pass. The stored state says what is due; one alarm
 * ("pump") points at the earliest due time, and a timer covers short delays
 * while the worker is alive (packed extensions' alarms fire at most every 30 s).
 */
import browser from 'webextension-polyfill';
import { SECOND, isIndefinite, scaledWait } from '../time';

export const ALARM_PUMP = 'pump';
export const ALARM_TICK = 'tick';
/** The periodic tick: a pass at least this often, whatever else happens. */
export const TICK_MS = 30 * SECOND;

let onWake: (() => void) | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Number.POSITIVE_INFINITY;

export function setWakeHandler(handler: () => void): void {
  onWake = handler;
}

export async function wakeAt(at: number): Promise<void> {
  const now = Date.now();
  // "Until resumed" (a user pause) has no due time: the resume wakes us.
  if (!Number.isFinite(at) || isIndefinite(at)) return;
  // A floor of 20 ms real time keeps very fast test builds from spinning.
  const when = Math.max(at, now + 20);
  const alarm = await browser.alarms.get(ALARM_PUMP);
  if (!alarm || alarm.scheduledTime > when || alarm.scheduledTime < now - SECOND) {
    await browser.alarms.create(ALARM_PUMP, { when });
  }
  if (when - now < 25 * SECOND && when < timerAt) {
    clearTimeout(timer);
    timerAt = when;
    timer = setTimeout(() => {
      timerAt = Number.POSITIVE_INFINITY;
      onWake?.();
    }, when - now);
  }
}

export async function ensureTickAlarm(): Promise<void> {
  const periodInMinutes = scaledWait(TICK_MS, SECOND) / 60_000;
  const existing = await browser.alarms.get(ALARM_TICK);
  if (!existing || existing.periodInMinutes !== periodInMinutes) {
    await browser.alarms.create(ALARM_TICK, { periodInMinutes, delayInMinutes: periodInMinutes });
  }
}
