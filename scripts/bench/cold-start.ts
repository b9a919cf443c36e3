/**
 * Worker cold start → first lease request (scripts/bench-worker.ts): the worker
 * is stopped through CDP (ServiceWorker.stopAllWorkers, as Chrome stops an idle
 * one), then woken by a message from an extension page. Timed from that message,
 * and from the new worker's performance.timeOrigin, to the first
 * POST /v1/executor/lease the backend double receives. Run on a production build
 * (scale 1): no 600 ms poll alarm wakes the worker by itself in between. A run
 * counts only if the worker that sent the lease started after the message (its
 * timeOrigin) and nothing reached the backend in between; others are repeated.
 */
import type { Page, Worker } from '@playwright/test';
import { startHarness, type Harness } from '../../e2e/harness';
import { sleep } from './stats';
import { distribution } from './distribution';

export interface ColdStartRun {
  /** Extension page's message → first lease request at the backend double. */
  fromWakeMs: number;
  /** The new worker's performance.timeOrigin → that lease request. */
  fromWorkerStartMs: number;
  /** The worker's own marks, ms after its start: modules evaluated (index.ts), first lease about to be sent. */
  evaluatedMs: number | null;
  leaseMarkMs: number | null;
}

async function idle(h: Harness, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const last = h.backend.requests.at(-1)?.at ?? 0;
    if (Date.now() - last >= quietMs) return;
    await sleep(50);
  }
}

const extensionWorkers = (h: Harness): Worker[] =>
  h.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`));

/** The extension's worker as CDP's ServiceWorker domain reports it: stopping it, and seeing it stopped. */
async function workerControl(h: Harness, page: Page) {
  const cdp = await h.context.newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions)
      if (v.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`)) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const stopped = (): boolean => [...status.values()].every((s) => s === 'stopped');
  return {
    /** Stops the worker and waits until CDP says it is stopped (asks again every 2 s). */
    async stop(): Promise<boolean> {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        const deadline = Date.now() + 2000;
        while (Date.now() < deadline) {
          if (status.size > 0 && stopped()) return true;
          await sleep(20);
        }
      }
      return false;
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}

interface WorkerTimes {
  /** performance.timeOrigin: when the worker started (epoch ms). */
  origin: number;
  /** Its marks, in ms after that: the modules evaluated, the first lease about to be sent. */
  readyMs: number | null;
  leaseMs: number | null;
}

/** When the running worker started, and its own marks. */
async function workerTimes(h: Harness): Promise<WorkerTimes | null> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    for (const w of extensionWorkers(h)) {
      const times = await w
        // No helper function inside: tsx would wrap it in a __name() the worker does not have.
        .evaluate(() => ({
          origin: performance.timeOrigin,
          readyMs: performance.getEntriesByName('executor:worker-ready')[0]?.startTime ?? null,
          leaseMs: performance.getEntriesByName('executor:first-lease')[0]?.startTime ?? null,
        }))
        .catch(() => null);
      if (times !== null) return times;
    }
    await sleep(20);
  }
  return null;
}

export async function measureColdStart(extensionDir: string, runs: number, headed: boolean, log: (s: string) => void) {
  const h = await startHarness({ extensionDir, headed });
  try {
    await h.backend.waitFor(() => h.backend.leases.length > 0, 30_000, 'a first lease request');
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/src/ui/options/index.html`);
    const control = await workerControl(h, page);
    const results: ColdStartRun[] = [];
    let discarded = 0;
    while (results.length < runs && discarded < 2 * runs) {
      await idle(h, 1000, 15_000);
      if (!(await control.stop())) throw new Error('the service worker did not stop');
      await sleep(200);
      const leasesBefore = h.backend.leases.length;
      const requestsBefore = h.backend.requests.length;
      const sentAt = await page.evaluate(() => {
        const at = Date.now();
        void chrome.runtime.sendMessage({ type: 'executor/pumpNow' }).catch(() => undefined);
        return at;
      });
      await h.backend.waitFor(() => h.backend.leases.length > leasesBefore, 15_000, 'the lease after a wake-up');
      const lease = h.backend.leases[leasesBefore];
      const times = await workerTimes(h);
      const started = times?.origin ?? 0;
      // Valid only if our message started this worker: not an alarm before it, not a worker that never stopped.
      const woken = times !== null && started >= sentAt - 2;
      const quietBefore = h.backend.requests.slice(requestsBefore).every((r) => r.at >= sentAt);
      if (!lease || !woken || !quietBefore) {
        discarded += 1;
        log(
          `  run thrown away: ${!lease ? 'no lease' : !woken ? `worker started ${Math.round(sentAt - started)} ms before the message` : 'another request came first'}`,
        );
        continue;
      }
      results.push({
        fromWakeMs: lease.at - sentAt,
        fromWorkerStartMs: lease.at - started,
        evaluatedMs: times?.readyMs ?? null,
        leaseMarkMs: times?.leaseMs ?? null,
      });
      log(
        `  cold start ${results.length}/${runs}: ${lease.at - sentAt} ms (${Math.round(lease.at - started)} ms after the worker started)`,
      );
    }
    await control.detach();
    return {
      measured:
        'CDP ServiceWorker.stopAllWorkers, then chrome.runtime.sendMessage from an extension page; until the backend double receives the first POST /v1/executor/lease',
      fromWake: distribution(results.map((r) => r.fromWakeMs)),
      fromWorkerStart: distribution(results.map((r) => r.fromWorkerStartMs)),
      /** Worker start → its modules evaluated (the bundle's parse and top-level code). */
      evaluated: distribution(results.flatMap((r) => (r.evaluatedMs === null ? [] : [r.evaluatedMs]))),
      /** Worker start → the first lease leaves the executor (its mark, before fetch). */
      leaseMark: distribution(results.flatMap((r) => (r.leaseMarkMs === null ? [] : [r.leaseMarkMs]))),
      discarded,
      runs: results,
    };
  } finally {
    await h.close();
  }
}
