/**
 * Worker cold start → first lease request (scripts/bench-worker.ts): the worker
 * is stopped through CDP (ServiceWorker.stopAllWorkers, as Chrome stops an idle
 * one), then woken by a message from an extension page. Timed from that message,
 * and from the new worker's performance.timeOrigin, to the first
 * POST /v1/executor/lease the backend double receives. Run on a production build
 * (scale 1): no 600 ms poll alarm wakes the worker by itself in between, and a
 * run where anything reached the backend between the stop and the message is
 * thrown away and repeated.
 */
import type { Worker } from '@playwright/test';
import { startHarness, type Harness } from '../e2e/harness';
import { sleep } from './bench-stats';
import { distribution } from './bench-distribution';

export interface ColdStartRun {
  /** Extension page's message → first lease request at the backend double. */
  fromWakeMs: number;
  /** The new worker's performance.timeOrigin → that lease request. */
  fromWorkerStartMs: number | null;
}

async function idle(h: Harness, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const last = h.backend.requests.at(-1)?.at ?? 0;
    if (Date.now() - last >= quietMs) return;
    await sleep(50);
  }
}

async function currentWorker(h: Harness): Promise<Worker> {
  return h.worker();
}

export async function measureColdStart(extensionDir: string, runs: number, headed: boolean, log: (s: string) => void) {
  const h = await startHarness({ extensionDir, headed });
  try {
    await h.backend.waitFor(() => h.backend.leases.length > 0, 30_000, 'a first lease request');
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/src/ui/options/index.html`);
    const results: ColdStartRun[] = [];
    let discarded = 0;
    while (results.length < runs && discarded < runs) {
      await idle(h, 1000, 15_000);
      const worker = await currentWorker(h);
      const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
      await h.stopServiceWorker();
      await Promise.race([closed, sleep(5000)]);
      await sleep(200);
      const leasesBefore = h.backend.leases.length;
      const stoppedAt = Date.now();
      const sentAt = await page.evaluate(() => {
        const at = Date.now();
        void chrome.runtime.sendMessage({ type: 'executor/pumpNow' }).catch(() => undefined);
        return at;
      });
      await h.backend.waitFor(() => h.backend.leases.length > leasesBefore, 15_000, 'the lease after a wake-up');
      const lease = h.backend.leases[leasesBefore];
      if (!lease || lease.at < sentAt || h.backend.requests.some((r) => r.at >= stoppedAt && r.at < sentAt)) {
        discarded += 1; // something else (an alarm) woke the worker first
        continue;
      }
      // The worker that sent it: started after the stop (performance.timeOrigin is when it started).
      const fresh = await currentWorker(h);
      const started = await fresh.evaluate(() => performance.timeOrigin).catch(() => null);
      const origin = started !== null && started >= stoppedAt ? started : null;
      results.push({ fromWakeMs: lease.at - sentAt, fromWorkerStartMs: origin === null ? null : lease.at - origin });
      log(`  cold start ${results.length}/${runs}: ${lease.at - sentAt} ms`);
    }
    const fromWorker = results.map((r) => r.fromWorkerStartMs).filter((n): n is number => n !== null);
    return {
      measured:
        'CDP ServiceWorker.stopAllWorkers, then chrome.runtime.sendMessage from an extension page; until the backend double receives the first POST /v1/executor/lease',
      fromWake: distribution(results.map((r) => r.fromWakeMs)),
      fromWorkerStart: fromWorker.length ? distribution(fromWorker) : null,
      discarded,
      runs: results,
    };
  } finally {
    await h.close();
  }
}
