/** Pure text for the popup. */
import type { StatusView } from '../../shared/messages';
import { isIndefinite } from '../../time';

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
      const until = view.pause && !isIndefinite(view.pause.until) ? ` · resumes in ${countdown(view.pause.until - now)}` : ' until you resume';
      return `Paused (${reason})${until}`;
    }
    case 'active':
      return 'Active';
  }
}
