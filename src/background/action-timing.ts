/**
 * The executor's own time per action, LinkedIn's network excluded: the wall
 * time of one job (safety input, validation, gate, building requests, the job,
 * audit and outbox writes in IndexedDB) minus the time spent inside the
 * transport (the request in the LinkedIn tab, and opening that tab). Recorded
 * as a User Timing measure, `executor:action:<type>`, with the parts in
 * `detail`; the bench reads them from the worker (scripts/bench-worker.ts).
 * Two `performance.now()` calls per request: negligible beside the request.
 */
import type { Transport } from '../voyager/transport';

export const ACTION_MEASURE_PREFIX = 'executor:action:';
/** Measures kept in the worker's timeline; older ones are dropped (a worker lives minutes, not days). */
const KEEP = 500;

export interface ActionTimingDetail {
  totalMs: number;
  networkMs: number;
}

export async function timeAction<T>(
  type: string,
  transport: Transport,
  run: (timedTransport: Transport) => Promise<T>,
): Promise<T> {
  const start = performance.now();
  let networkMs = 0;
  const timed: Transport = {
    async send(request, options) {
      const sent = performance.now();
      try {
        return await transport.send(request, options);
      } finally {
        networkMs += performance.now() - sent;
      }
    },
  };
  try {
    return await run(timed);
  } finally {
    const totalMs = performance.now() - start;
    if (performance.getEntriesByType('measure').length >= KEEP) performance.clearMeasures();
    const detail: ActionTimingDetail = { totalMs, networkMs };
    performance.measure(`${ACTION_MEASURE_PREFIX}${type}`, {
      start,
      duration: Math.max(0, totalMs - networkMs),
      detail,
    });
  }
}
