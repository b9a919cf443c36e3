/**
 * Deals jobs out to lanes (the audit page's verify workers): each lane runs at
 * most `perLane` jobs at a time and takes the next job as soon as one of its
 * own finishes, so a lane that is served faster does more of the work and the
 * lanes finish together (Verify chain, 100,000 entries, 2 workers: with one
 * fixed half each, one worker finished ~300 ms before the other).
 */
export interface DealOptions<J> {
  /** At most this many jobs at a time on each lane. */
  perLane: number;
  /** Asked as each job comes up: true leaves it undone (its result stays undefined). */
  skip?: (job: J) => boolean;
}

/** The results in job order; rejects with the first failure (jobs already running are not awaited). */
export async function dealOut<J, R>(
  jobs: readonly J[],
  lanes: ReadonlyArray<(job: J) => Promise<R>>,
  { perLane, skip = () => false }: DealOptions<J>,
): Promise<Array<R | undefined>> {
  const results: Array<R | undefined> = jobs.map(() => undefined);
  const queue = jobs.map((job, index) => ({ job, index }));
  let next = 0;
  const take = (): { job: J; index: number } | undefined => {
    for (let item = queue[next++]; item; item = queue[next++]) if (!skip(item.job)) return item;
    return undefined;
  };
  const slot = async (lane: (job: J) => Promise<R>): Promise<void> => {
    for (let item = take(); item; item = take()) results[item.index] = await lane(item.job);
  };
  await Promise.all(lanes.flatMap((lane) => Array.from({ length: Math.max(1, perLane) }, () => slot(lane))));
  return results;
}
