/**
 * The service worker: wiring only. Every listener is registered at the top
 * level, synchronously, so a worker woken by an event gets it.
 */
// First: zod must be jitless before any schema module runs.
import '../zod-jitless';
import browser from 'webextension-polyfill';
import { SETTINGS_KEY } from '../settings/store';
import { systemClock } from '../time';
import { createTabTransport } from '../voyager/transport';
import { pump, type ExecutorDeps } from './executor';
import { createRouter } from './router';
import { updateRuntime } from './runtime';
import { ALARM_PUMP, ALARM_TICK, ensureTickAlarm, setWakeHandler } from './wake';
import { startWakeSocket } from './wake-socket';
import { mayOpenBackgroundTab } from './tab-consent';
import { openWelcome } from './welcome';

const deps: ExecutorDeps = {
  now: systemClock,
  transport: createTabTransport({ mayOpenTab: mayOpenBackgroundTab }),
  version: browser.runtime.getManifest().version,
};

const run = (force = false): void => void pump(deps, { force });

setWakeHandler(() => run());
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM_PUMP || alarm.name === ALARM_TICK) run();
});
browser.runtime.onInstalled.addListener((details) => {
  void ensureTickAlarm();
  if (details.reason === 'install') void openWelcome(deps.now());
});
browser.runtime.onStartup.addListener(() => run());
browser.storage.onChanged.addListener((changes, area) => {
  // A policy pushed or changed by the organisation applies at once, as a local settings change does.
  if ((area === 'local' && SETTINGS_KEY in changes) || area === 'managed') {
    run(true);
    void startWakeSocket(() => run(true));
  }
});
// Signing in or out of LinkedIn (li_at appears, changes or goes) resumes or stops work by itself.
browser.cookies.onChanged.addListener((info) => {
  if (info.cookie.name !== 'li_at' || !info.cookie.domain.endsWith('linkedin.com')) return;
  // A (re)written li_at is a new sign-in: forget who we thought was signed in, and any verdict on the old session.
  if (!info.removed) void updateRuntime(() => ({ viewer: null, sessionInvalidFor: null })).then(() => run());
  else run();
});
browser.runtime.onMessage.addListener(
  createRouter({ now: systemClock, pumpNow: () => run(true), transport: deps.transport }),
);

void ensureTickAlarm();
void startWakeSocket(() => run(true));
run();
// The module graph is evaluated and the listeners are in place (cold start bench).
performance.mark('executor:worker-ready');
