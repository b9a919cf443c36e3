import { describe, expect, it } from 'vitest';
import { dealOut } from './deal';

/** A lane that takes `ms` per job and records how many of its jobs ran at once. */
function lane(ms: number, log: { done: number[]; maxAtOnce: number }) {
  let running = 0;
  return async (job: number): Promise<string> => {
    running++;
    log.maxAtOnce = Math.max(log.maxAtOnce, running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    log.done.push(job);
    return `r${job}`;
  };
}

describe('dealOut', () => {
  it('gives every result in job order, with at most perLane jobs at a time on a lane', async () => {
    const a = { done: [] as number[], maxAtOnce: 0 };
    const b = { done: [] as number[], maxAtOnce: 0 };
    const jobs = Array.from({ length: 12 }, (_, i) => i);
    const results = await dealOut(jobs, [lane(2, a), lane(2, b)], { perLane: 3 });
    expect(results).toEqual(jobs.map((j) => `r${j}`));
    expect(a.maxAtOnce).toBe(3);
    expect(b.maxAtOnce).toBe(3);
    expect([...a.done, ...b.done].sort((x, y) => x - y)).toEqual(jobs);
  });

  it('gives more jobs to the lane that is served faster', async () => {
    const fast = { done: [] as number[], maxAtOnce: 0 };
    const slow = { done: [] as number[], maxAtOnce: 0 };
    await dealOut(
      Array.from({ length: 20 }, (_, i) => i),
      [lane(1, fast), lane(15, slow)],
      { perLane: 1 },
    );
    expect(fast.done.length).toBeGreaterThan(slow.done.length);
  });

  it('leaves the jobs that skip() names undone, asked as each comes up', async () => {
    const log = { done: [] as number[], maxAtOnce: 0 };
    let stopAfter = Number.POSITIVE_INFINITY;
    const results = await dealOut(
      [0, 1, 2, 3, 4, 5],
      [
        async (job: number) => {
          const r = await lane(1, log)(job);
          if (job === 2) stopAfter = 2;
          return r;
        },
      ],
      { perLane: 1, skip: (job) => job > stopAfter },
    );
    expect(results).toEqual(['r0', 'r1', 'r2', undefined, undefined, undefined]);
  });

  it('rejects with a lane failure and handles no jobs', async () => {
    const failing = async (job: number): Promise<number> => {
      if (job === 3) throw new Error('lane failed');
      return job;
    };
    await expect(dealOut([1, 2, 3, 4], [failing], { perLane: 2 })).rejects.toThrow('lane failed');
    expect(await dealOut([], [failing], { perLane: 2 })).toEqual([]);
  });
});
