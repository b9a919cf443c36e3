import { describe, expect, it } from 'vitest';
import { ALIGN_MARKER, busyInWindows } from './worker-cpu';

const node = (id: number, functionName: string) => ({ id, callFrame: { functionName } });
const nodes = [node(1, '(idle)'), node(2, 'finishJob'), node(3, ALIGN_MARKER), node(4, '(garbage collector)')];

describe('busyInWindows', () => {
  it("charges each busy sample's delta to the window it falls in, on the worker's clock", () => {
    // Profile clock starts at 1,000,000 µs; the marker began at performance.now() = 10 ms.
    const profile = {
      nodes,
      startTime: 1_000_000,
      samples: [1, 3, 3, 1, 2, 2, 1, 4, 1],
      timeDeltas: [100, 100, 100, 100, 100, 100, 500, 200, 100],
    };
    // Marker's first sample at 1,000,200 µs, charged 100 µs: the marker began at 1,000,100 ↔ 10 ms.
    // finishJob samples at 1,000,500 and 1,000,600 µs → 10.4 and 10.5 ms; GC at 1,001,300 → 11.2 ms.
    expect(busyInWindows(profile, 10, [{ start: 10.3, end: 10.55 }])).toEqual([0.2]);
    expect(busyInWindows(profile, 10, [{ start: 10.45, end: 11.3 }])).toEqual([0.3]);
    expect(busyInWindows(profile, 10, [{ start: 11.3, end: 20 }])).toEqual([0]);
  });
  it('the marker itself and idle samples count for nothing', () => {
    const profile = { nodes, startTime: 0, samples: [3, 3, 1, 1], timeDeltas: [100, 100, 100, 100] };
    expect(busyInWindows(profile, 0, [{ start: -1, end: 1 }])).toEqual([0]);
  });
  it('no marker sample: no answer rather than a misaligned one', () => {
    expect(busyInWindows({ nodes, startTime: 0, samples: [2, 2], timeDeltas: [100, 100] }, 0, [])).toBeNull();
  });
});
