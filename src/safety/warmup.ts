/**
 * Warm-up ramp for new or long-idle accounts: caps start at 25 % of the
 * configured values and grow by 25 % a week until they reach them. Pure.
 */
import type { Bucket } from '../../contract/protocol';
import { DAY, WEEK, scaled } from '../time';
import type { BucketLimits } from './limits';
import type { Translate } from '../i18n/catalog';

export function warmupFactor(startedAt: number, now: number): number {
  const weeks = Math.max(0, Math.floor((now - startedAt) / scaled(WEEK)));
  return Math.min(1, 0.25 * (weeks + 1));
}

/** A quiet spell after which LinkedIn may read a sudden burst of writes as automation. */
const IDLE_AFTER = 30 * DAY;

/** Why the options page suggests the warm-up (it is off), in the user's language, or null when nothing suggests it. */
export function warmupAdvice(
  lastWriteAt: number | null,
  now: number,
  t: Translate,
  number: (n: number) => string = String,
): string | null {
  if (lastWriteAt === null) return t('warmupNeverWritten');
  const idle = now - lastWriteAt;
  if (idle < scaled(IDLE_AFTER)) return null;
  const days = Math.floor(idle / scaled(DAY));
  return t('warmupIdle', [number(days)]);
}

export function applyWarmup(limits: Record<Bucket, BucketLimits>, factor: number): Record<Bucket, BucketLimits> {
  if (factor >= 1) return limits;
  const out = {} as Record<Bucket, BucketLimits>;
  for (const [bucket, l] of Object.entries(limits) as [Bucket, BucketLimits][]) {
    const scaledLimits: BucketLimits = {};
    // At least one a window while warming up, so nothing stalls entirely.
    if (l.day !== undefined) scaledLimits.day = l.day === 0 ? 0 : Math.max(1, Math.floor(l.day * factor));
    if (l.week !== undefined) scaledLimits.week = l.week === 0 ? 0 : Math.max(1, Math.floor(l.week * factor));
    out[bucket] = scaledLimits;
  }
  return out;
}
