/**
 * What the executor's last heartbeat says about one more action of a type,
 * decided before anything is queued (outbound-api.md, Rate-limit headers and
 * 429). Pure: the heartbeat, when it arrived and `now` are arguments.
 */
import type { ActionType, Bucket, BucketLimit, Heartbeat } from '../../contract/protocol';

export const BUCKET_OF: Record<ActionType, Bucket> = {
  connect: 'invitations',
  message: 'messages',
  comment: 'comments',
  react: 'reactions',
  unreact: 'reactions',
  follow_member: 'follows',
  unfollow_member: 'follows',
  follow_company: 'follows',
  unfollow_company: 'follows',
  save: 'saves',
  unsave: 'saves',
  share: 'shares',
  withdraw: 'withdrawals',
};

/** An executor with no heartbeat for this long is offline (503). */
export const OFFLINE_AFTER_MS = 5 * 60_000;
/** A pause without an end: ask again in an hour. */
export const OPEN_PAUSE_RETRY_S = 3600;

export interface RateHeaders {
  limit: number;
  remaining: number;
  reset: string | null;
}

export type ThrottleAnswer =
  | { kind: 'offline' }
  | { kind: 'throttled'; nextAvailableAt: string; retryAfterS: number; reason: string }
  | { kind: 'ok'; rate: RateHeaders | null };

const ms = (iso: string | null): number => (iso === null ? NaN : Date.parse(iso));

function retryAfter(untilMs: number, now: number): number {
  return Math.max(1, Math.ceil((untilMs - now) / 1000));
}

/** The window with fewer remaining (ties: the later reset), for the headers. */
function tightest(windows: BucketLimit[]): RateHeaders | null {
  let best: BucketLimit | undefined;
  for (const w of windows) {
    const rem = w.limit - w.used;
    if (!best || rem < best.limit - best.used) best = w;
  }
  return best ? { limit: best.limit, remaining: Math.max(0, best.limit - best.used), reset: best.resetsAt } : null;
}

/** The rate-limit headers of a type from a heartbeat, whatever the verdict (for replayed answers). */
export function rateOf(type: ActionType, heartbeat: Heartbeat | null): RateHeaders | null {
  return heartbeat ? tightest(heartbeat.limits.filter((l) => l.bucket === BUCKET_OF[type])) : null;
}

export function throttleAnswer(
  type: ActionType,
  heartbeat: Heartbeat | null,
  heartbeatAt: Date | null,
  now: Date,
): ThrottleAnswer {
  const t = now.getTime();
  if (heartbeat === null || heartbeatAt === null || t - heartbeatAt.getTime() > OFFLINE_AFTER_MS)
    return { kind: 'offline' };
  if (heartbeat.state === 'paused') {
    const until = ms(heartbeat.pausedUntil);
    const reason = `outbound is paused (${heartbeat.pauseReason ?? 'no reason given'})`;
    if (Number.isNaN(until))
      return {
        kind: 'throttled',
        nextAvailableAt: new Date(t + OPEN_PAUSE_RETRY_S * 1000).toISOString(),
        retryAfterS: OPEN_PAUSE_RETRY_S,
        reason,
      };
    if (until > t)
      return {
        kind: 'throttled',
        nextAvailableAt: new Date(until).toISOString(),
        retryAfterS: retryAfter(until, t),
        reason,
      };
  }
  const bucket = BUCKET_OF[type];
  const windows = heartbeat.limits.filter((l) => l.bucket === bucket);
  // Exhausted in any window whose reset is still ahead; the answer is the latest such time.
  let latest = NaN;
  for (const w of windows) {
    if (w.used < w.limit) continue;
    const at = Math.max(ms(w.nextAvailableAt) || 0, ms(w.resetsAt) || 0);
    if (at === 0) latest = Math.max(Number.isNaN(latest) ? 0 : latest, t + OPEN_PAUSE_RETRY_S * 1000);
    else if (at > t) latest = Math.max(Number.isNaN(latest) ? 0 : latest, at);
  }
  if (!Number.isNaN(latest)) {
    return {
      kind: 'throttled',
      nextAvailableAt: new Date(latest).toISOString(),
      retryAfterS: retryAfter(latest, t),
      reason: `the ${bucket} limit is reached`,
    };
  }
  return { kind: 'ok', rate: tightest(windows) };
}
