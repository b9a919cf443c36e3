import { SECOND, scaled } from '../time';

/** Backend backoff: 2 s doubling to 5 min, with ±20 % jitter (nominal, then scaled). */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(2 * SECOND * 2 ** Math.max(0, failures - 1), 5 * 60 * SECOND);
  return scaled(base * (0.8 + random() * 0.4));
}
