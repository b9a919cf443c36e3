/**
 * The service worker's CPU time, from V8's sampling profiler over CDP: a page's
 * CDP session attaches to the worker's target (Target.attachToTarget, messages
 * relayed with Target.sendMessageToTarget). CPU is the time of every sample
 * not `(idle)` (our code, the native side of chrome.* calls, V8's `(program)`
 * and `(garbage collector)` included), so waiting for IndexedDB,
 * chrome.storage or the network costs nothing. The profile's clock is not
 * performance.now(): a marker function spun in the worker at a known
 * performance.now() ties the two (error about one sampling interval), so the
 * CPU inside any window the worker marked (an action's measure) can be read.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/** A V8 CPU profile as Profiler.stop returns it (the fields read here). */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string } }>;
  samples: number[];
  startTime: number;
  /** Microseconds between consecutive samples; the first is from startTime. */
  timeDeltas: number[];
}

export const ALIGN_MARKER = '__benchCpuAlignMarker';

/** Each sample as [time in µs on the profile's clock, busy or idle, marker or not]. Pure. */
function samplesOf(profile: CpuProfile): Array<{ at: number; busy: boolean; marker: boolean; us: number }> {
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let at = profile.startTime;
  return profile.samples.map((node, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    const name = names.get(node);
    // A sample's delta is the time since the one before: that span is charged to this sample.
    return { at, us, busy: name !== '(idle)', marker: name === ALIGN_MARKER };
  });
}

/**
 * CPU milliseconds inside each window ([start, end] in the worker's
 * performance.now() ms), given `markerAt`: the performance.now() at which the
 * marker function started. Null when the profile holds no marker sample. Pure.
 */
export function busyInWindows(
  profile: CpuProfile,
  markerAt: number,
  windows: ReadonlyArray<{ start: number; end: number }>,
): number[] | null {
  const samples = samplesOf(profile);
  const first = samples.find((s) => s.marker);
  if (!first) return null;
  // The first marker sample was taken up to one delta after the marker began.
  const offsetUs = first.at - first.us - markerAt * 1000;
  return windows.map((w) => {
    const from = w.start * 1000 + offsetUs;
    const to = w.end * 1000 + offsetUs;
    let us = 0;
    for (const s of samples) if (s.busy && !s.marker && s.at > from && s.at <= to) us += s.us;
    return us / 1000;
  });
}

export interface WorkerProfiler {
  start(): Promise<void>;
  stop(): Promise<CpuProfile>;
  detach(): Promise<void>;
}

/** Attaches to the service worker at `workerUrlPrefix` through a CDP session of `page`. */
export async function profileWorker(
  context: BrowserContext,
  page: Page,
  workerUrlPrefix: string,
  intervalUs = 100,
): Promise<WorkerProfiler> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(workerUrlPrefix));
  if (!target) throw new Error(`no service worker target at ${workerUrlPrefix}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const msg = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id === undefined) return;
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.error) w?.reject(new Error(msg.error.message));
    else w?.resolve(msg.result);
  });
  const send = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      nextId += 1;
      waiting.set(nextId, { resolve, reject });
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: nextId, method, params }) })
        .catch(reject);
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: intervalUs });
  return {
    start: async () => {
      await send('Profiler.start');
    },
    stop: async () => ((await send('Profiler.stop')) as { profile: CpuProfile }).profile,
    detach: () => cdp.detach().catch(() => undefined),
  };
}
