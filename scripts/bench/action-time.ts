/**
 * The executor's own time per action, network excluded (scripts/bench-worker.ts):
 * the worker's `executor:action:<type>` measures (src/background/action-timing.ts:
 * a job's wall time minus the time inside the LinkedIn transport; IndexedDB and
 * chrome.storage writes included), over a mix of twelve action types per round,
 * on a scale-100 build (spacing 0.3–0.6 s) against the LinkedIn double.
 * Beside it, the worker's CPU time inside each of those windows (worker-cpu.ts:
 * V8's sampling profiler; waits for storage or the network cost no CPU, the
 * native side of the transport's chrome.scripting call counts).
 */
import type { Worker } from '@playwright/test';
import type { ActionType } from '../../contract/protocol';
import { startHarness } from '../../e2e/harness';
import type { ActionTimingDetail } from '../../src/background/action-timing';
import { distribution, type Distribution } from './distribution';
import { ALIGN_MARKER, busyInWindows, profileWorker } from './worker-cpu';

/** Spins a function named ALIGN_MARKER for 5 ms in the worker; returns the performance.now() it began at. */
async function spinMarker(worker: Worker): Promise<number> {
  // A string, so the function keeps its name whatever compiles this file.
  return worker.evaluate<number>(
    `(() => { function ${ALIGN_MARKER}() { const end = performance.now() + 5; while (performance.now() < end) {} } const t = performance.now(); ${ALIGN_MARKER}(); return t; })()`,
  );
}

interface ActionMeasure {
  type: string;
  /** performance.now() in the worker when the job started. */
  start: number;
  ms: number;
  totalMs: number;
  networkMs: number;
}

/** Takes (and clears) the worker's action measures. */
async function takeMeasures(worker: Worker): Promise<ActionMeasure[]> {
  return worker.evaluate(() => {
    const entries = performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('executor:action:')) as PerformanceMeasure[];
    for (const name of new Set(entries.map((e) => e.name))) performance.clearMeasures(name);
    return entries.map((e) => {
      const d = e.detail as ActionTimingDetail;
      return {
        type: e.name.slice('executor:action:'.length),
        start: e.startTime,
        ms: e.duration,
        totalMs: d.totalMs,
        networkMs: d.networkMs,
      };
    });
  });
}

export async function measureActions(extensionDir: string, rounds: number, headed: boolean, log: (s: string) => void) {
  const h = await startHarness({ extensionDir, headed });
  try {
    const li = h.linkedin;
    li.addCompany({ id: '4004', slug: 'cpu-company', name: 'CPU Company' });
    const friend = li.addMember({ slug: 'cpu-friend', firstName: 'Fran', lastName: 'Friend', distance: 1 });
    const measures: ActionMeasure[] = [];
    let failed = 0;
    const profiler = await profileWorker(h.context, await h.context.newPage(), `chrome-extension://${h.extensionId}/`);
    await profiler.start();
    const origin = async () => (await h.worker()).evaluate(() => performance.timeOrigin);
    const workerOrigin = await origin();
    const markerAt = await spinMarker(await h.worker());
    for (let round = 0; round < rounds; round += 1) {
      const member = li.addMember({
        slug: `cpu-member-${round}`,
        firstName: 'Mem',
        lastName: `Ber${round}`,
        distance: 2,
      });
      const post = li.addPost({ id: String(7400000000000000000n + BigInt(round)) }).threadUrn;
      const profile = `https://www.linkedin.com/in/${member.slug}/`;
      const mix: Array<{ type: ActionType; params: Record<string, unknown> }> = [
        { type: 'follow_member', params: { profile } },
        { type: 'unfollow_member', params: { profile } },
        { type: 'save', params: { post } },
        { type: 'unsave', params: { post } },
        { type: 'react', params: { post, reaction: 'LIKE' } },
        { type: 'unreact', params: { post } },
        { type: 'comment', params: { post, text: `Benchmark comment ${round}` } },
        { type: 'message', params: { profile: friend.slug, text: `Benchmark message ${round}` } },
        { type: 'follow_company', params: { company: '4004' } },
        { type: 'unfollow_company', params: { company: '4004' } },
        { type: 'connect', params: { profile, note: '' } },
        { type: 'withdraw', params: { profile } },
      ];
      for (const spec of mix) {
        const queued = h.backend.enqueue(spec);
        await h.backend.waitForFinal([queued.id], 90_000);
        if (h.backend.finalResult(queued.id)?.status !== 'succeeded') failed += 1;
        measures.push(...(await takeMeasures(await h.worker())));
      }
      log(`  round ${round + 1}/${rounds}: ${measures.length} action measures so far`);
    }
    // One worker all along, or its performance.now() (and the profiler's target) changed under us.
    if ((await origin()) !== workerOrigin) throw new Error('the worker restarted during the CPU profile');
    const profile = await profiler.stop();
    await profiler.detach();
    const busy = busyInWindows(
      profile,
      markerAt,
      measures.map((m) => ({ start: m.start, end: m.start + m.totalMs })),
    );
    if (!busy) throw new Error('the CPU profile holds no sample of the alignment marker');
    const cpu = measures.map((m, i) => ({ type: m.type, ms: busy[i] ?? 0 }));
    const byType: Record<string, Distribution> = {};
    for (const type of new Set(measures.map((m) => m.type)))
      byType[type] = distribution(measures.filter((m) => m.type === type).map((m) => m.ms));
    return {
      measured:
        'per job: wall time in the worker minus the time inside the LinkedIn transport (src/background/action-timing.ts); includes IndexedDB writes',
      overall: distribution(measures.map((m) => m.ms)),
      totalWithNetwork: distribution(measures.map((m) => m.totalMs)),
      byType,
      cpu: {
        measured:
          "per job: the worker's CPU time inside the job's window (V8 sampling profiler, 100 µs, every sample but idle)",
        overall: distribution(cpu.map((c) => c.ms)),
        runs: cpu,
      },
      actionsNotSucceeded: failed,
      measures,
    };
  } finally {
    await h.close();
  }
}
