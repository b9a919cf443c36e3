/** Pure text for the popup. */
import type { InHandItem } from '../../shared/approval-view';
import type { ReplyData, StatusView } from '../../shared/messages';
import { isIndefinite } from '../../time';
import { actionLabel } from '../shared/action-labels';

export function countdown(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  // A no-break space keeps "14m 05s" on one line.
  if (h > 0) return `${h}h\u00a0${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m\u00a0${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

const PAUSE_REASON: Record<string, string> = {
  user: 'by you',
  challenge: 'LinkedIn security challenge',
  rate_limited: 'LinkedIn rate limit',
  working_hours: 'outside working hours',
};

export function bannerText(view: StatusView, now: number): string {
  switch (view.state) {
    case 'unconfigured':
      return 'Not configured: set the backend URL and token in Options.';
    case 'auth_rejected':
      return 'The backend rejected the token. Check it in Options.';
    case 'signed_out':
      return 'Signed out of LinkedIn: sign in to resume.';
    case 'account_mismatch':
      return `Account mismatch: bound to ${view.boundAccount?.publicIdentifier ?? view.boundAccount?.memberUrn ?? '?'}, signed in as ${view.account?.publicIdentifier ?? view.account?.memberUrn ?? '?'}.`;
    case 'paused': {
      const reason = PAUSE_REASON[view.pause?.reason ?? ''] ?? '';
      const until =
        view.pause && !isIndefinite(view.pause.until)
          ? ` · resumes in ${countdown(view.pause.until - now)}`
          : ' until you resume';
      return `Paused (${reason})${until}`;
    }
    case 'active':
      return 'Active';
  }
}

/** A local clock time: "14:05" today, "Tue 14:05" on another day. */
export function localTime(at: number, now: number): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return date.toDateString() === new Date(now).toDateString()
    ? time
    : `${date.toLocaleDateString([], { weekday: 'short' })} ${time}`;
}

/** "Withdraw is suspended: LinkedIn changed withdraw (HTTP 410, endpoint retired). Checked again at 14:05." */
export function suspensionText(
  s: StatusView['suspended'][number],
  now: number,
  formatTime: (at: number, now: number) => string = localTime,
): string {
  const at = Date.parse(s.recheckAt);
  // A re-check already due runs at the next wake-up: a time in the past would read as if it had.
  const when = at > now ? `Checked again at ${formatTime(at, now)}.` : 'Checked again shortly.';
  return `${actionLabel(s.type)} is suspended: LinkedIn changed ${s.endpoint} (${s.reason}). ${when}`;
}

/** What "Check again" found. */
export function recheckText(result: ReplyData<'linkedin/recheck'>): string {
  if (result.stillSuspended.length === 0) return 'Resumed.';
  const still = `Still suspended: ${result.stillSuspended.map(actionLabel).join(', ')}.`;
  // recheckNow checks nothing without a session and a known account; say so rather than imply LinkedIn answered.
  return result.checked === 0
    ? `Not checked: LinkedIn is signed out or your account is not known yet. ${still}`
    : still;
}

type Item = InHandItem;

/** "Message to Jane Doe (jdoe)", "Comment on urn:li:activity:1", "Follow a member: jdoe". */
export function itemTitle(item: Item): string {
  const label = actionLabel(item.type);
  const target = item.targetName ? `${item.targetName} (${item.target})` : item.target;
  if (item.type === 'message' || item.type === 'connect' || item.type === 'withdraw') return `${label} to ${target}`;
  if (item.type.startsWith('follow_') || item.type.startsWith('unfollow_')) return `${label}: ${target}`;
  return `${label} on ${target}`;
}

/** When it goes out, as a clock time (no countdown: the text must not change under the reader every second). */
export function goesOutText(
  item: Item,
  now: number,
  formatTime: (at: number, now: number) => string = localTime,
): string {
  if (item.state === 'running') return 'Sending now';
  const when =
    item.goesOutAt === null
      ? 'not in sight (paused until you resume, or a limit of 0)'
      : item.goesOutAt <= now + 1000
        ? 'now'
        : `not before ${formatTime(item.goesOutAt, now)}`;
  switch (item.state) {
    case 'awaiting_approval': {
      const lease =
        item.leaseExpiresAt === null
          ? ''
          : ` · unless approved by ${formatTime(item.leaseExpiresAt, now)}, it goes back unsent`;
      return `If approved now: ${when}${lease}`;
    }
    case 'approved':
      return `Approved · goes out ${when}`;
    default:
      return `Goes out ${when}`;
  }
}
