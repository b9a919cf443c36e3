/** Pure text for the popup; `t` is the catalogue, `fmt` the user's number and time formats. */
import type { InHandItem } from '../../shared/approval-view';
import type { ReplyData, StatusView } from '../../shared/messages';
import type { MessageKey, Translate } from '../../i18n/catalog';
import type { LocaleFormat } from '../../i18n/locale-format';
import { isIndefinite } from '../../time';
import { actionLabel, bucketLabel } from '../shared/action-labels';

type FormatTime = (at: number, now: number) => string;

/** "1h 05m", "14m 05s", "9s" (each unit's spelling from the catalogue). */
export function countdown(ms: number, t: Translate): string {
  if (!Number.isFinite(ms) || ms <= 0) return t('durationSeconds', ['0']);
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return t('durationHours', [String(h), two(m)]);
  if (m > 0) return t('durationMinutes', [String(m), two(sec)]);
  return t('durationSeconds', [String(sec)]);
}

const PAUSE_REASON: Record<string, MessageKey> = {
  user: 'pauseReasonUser',
  challenge: 'pauseReasonChallenge',
  rate_limited: 'pauseReasonRateLimited',
  working_hours: 'pauseReasonWorkingHours',
};

export function bannerText(view: StatusView, now: number, t: Translate): string {
  switch (view.state) {
    case 'unconfigured':
      return t('bannerUnconfigured');
    case 'auth_rejected':
      return t('bannerAuthRejected');
    case 'signed_out':
      return t('bannerSignedOut');
    case 'account_mismatch':
      return t('bannerMismatch', [
        view.boundAccount?.publicIdentifier ?? view.boundAccount?.memberUrn ?? '?',
        view.account?.publicIdentifier ?? view.account?.memberUrn ?? '?',
      ]);
    case 'paused': {
      const key = PAUSE_REASON[view.pause?.reason ?? ''];
      const reason = key ? t(key) : '';
      return view.pause && !isIndefinite(view.pause.until)
        ? t('bannerPausedFor', [reason, countdown(view.pause.until - now, t)])
        : t('bannerPausedIndefinitely', [reason]);
    }
    case 'active':
      return t('bannerActive');
  }
}

/** "Withdraw is suspended: LinkedIn changed withdraw (HTTP 410, endpoint retired). Checked again at 14:05." */
export function suspensionText(
  s: StatusView['suspended'][number],
  now: number,
  t: Translate,
  formatTime: FormatTime,
): string {
  const at = Date.parse(s.recheckAt);
  // A re-check already due runs at the next wake-up: a time in the past would read as if it had.
  const when = at > now ? t('recheckAt', [formatTime(at, now)]) : t('recheckShortly');
  return t('suspendedSentence', [actionLabel(s.type, t), s.endpoint, s.reason, when]);
}

/** What "Check again" found. */
export function recheckText(result: ReplyData<'linkedin/recheck'>, t: Translate): string {
  if (result.stillSuspended.length === 0) return t('recheckResumed');
  const still = t('recheckStill', [result.stillSuspended.map((type) => actionLabel(type, t)).join(', ')]);
  // recheckNow checks nothing without a session and a known account; say so rather than imply LinkedIn answered.
  return result.checked === 0 ? t('recheckNotChecked', [still]) : still;
}

/** "Message to Jane Doe (jdoe)", "Comment on urn:li:activity:1", "Follow a member: jdoe". */
export function itemTitle(item: InHandItem, t: Translate): string {
  const label = actionLabel(item.type, t);
  const target = item.targetName ? t('namedTarget', [item.targetName, item.target]) : item.target;
  if (item.type === 'message' || item.type === 'connect' || item.type === 'withdraw')
    return t('itemTo', [label, target]);
  if (item.type.startsWith('follow_') || item.type.startsWith('unfollow_')) return t('itemFollow', [label, target]);
  return t('itemOn', [label, target]);
}

/** When it goes out, as a clock time (no countdown: the text must not change under the reader every second). */
export function goesOutText(item: InHandItem, now: number, t: Translate, formatTime: FormatTime): string {
  if (item.state === 'running') return t('sendingNow');
  const when =
    item.goesOutAt === null
      ? t('whenNotInSight')
      : item.goesOutAt <= now + 1000
        ? t('whenNow')
        : t('whenNotBefore', [formatTime(item.goesOutAt, now)]);
  switch (item.state) {
    case 'awaiting_approval':
      return item.leaseExpiresAt === null
        ? t('ifApproved', [when])
        : t('ifApprovedLease', [when, formatTime(item.leaseExpiresAt, now)]);
    case 'approved':
      return t('approvedGoesOut', [when]);
    default:
      return t('goesOut', [when]);
  }
}

/** "1 approved · 2 rejected." after a decision. */
export function decisionText(
  o: { approved: number; rejected: number; expired: number; unchanged: number },
  t: Translate,
  fmt: Pick<LocaleFormat, 'number'>,
): string {
  const parts = (
    [
      [o.approved, 'decidedApproved'],
      [o.rejected, 'decidedRejected'],
      [o.expired, 'decidedExpired'],
      [o.unchanged, 'decidedUnchanged'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, key]) => t(key, [fmt.number(n)]));
  return t('sentence', [parts.join(' · ')]);
}

/** "0 running · 0 results to deliver · 3 waiting at the backend". */
export function queueText(queue: StatusView['queue'], t: Translate, fmt: Pick<LocaleFormat, 'number'>): string {
  const running = fmt.number(queue.running);
  const outbox = fmt.number(queue.outbox);
  return queue.queuedAtBackend === null
    ? t('queueFacts', [running, outbox])
    : t('queueFactsBackend', [running, outbox, fmt.number(queue.queuedAtBackend)]);
}

/** A limit row: its name ("follows / day"), its use ("1/100") and its bar's label ("1% used"). */
export function limitText(
  l: StatusView['limits'][number],
  t: Translate,
  fmt: Pick<LocaleFormat, 'number' | 'percent'>,
): { name: string; usage: string; pct: number; barLabel: string } {
  const pct = l.limit > 0 ? Math.min(100, Math.round((100 * l.used) / l.limit)) : 100;
  return {
    name: t('limitName', [bucketLabel(l.bucket, t), t(l.window === 'week' ? 'windowWeek' : 'windowDay')]),
    usage: t('limitUsage', [fmt.number(l.used), fmt.number(l.limit)]),
    pct,
    barLabel: t('percentUsed', [fmt.percent(pct / 100)]),
  };
}
