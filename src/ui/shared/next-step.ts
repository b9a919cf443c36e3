/**
 * What the user does next, in one sentence, and where they do it: the popup shows it under the
 * state banner for every state that needs the user. Pure; the page turns `target` into a link.
 */
import type { MessageKey, Translate } from '../../i18n/catalog';
import type { StatusView } from '../../shared/messages';
import { actionLabel } from './action-labels';

/** Places a next step can send the user: extension pages, or LinkedIn itself. */
export type NextStepTarget = 'welcome' | 'options' | 'check-linkedin' | 'linkedin-login' | 'linkedin-home';

export interface NextStep {
  sentence: string;
  link: { label: string; target: NextStepTarget } | null;
}

export const LINKEDIN_URLS: Record<'linkedin-login' | 'linkedin-home', string> = {
  'linkedin-login': 'https://www.linkedin.com/login',
  'linkedin-home': 'https://www.linkedin.com/feed/',
};

type View = Pick<StatusView, 'state' | 'pause' | 'suspended' | 'boundAccount'>;

/** null: nothing for the user to do (active, or paused by a rule that ends by itself). */
export function nextStep(view: View, t: Translate): NextStep | null {
  const step = (sentence: MessageKey, label: MessageKey | null, target: NextStepTarget, subs?: string[]): NextStep => ({
    sentence: t(sentence, subs),
    link: label === null ? null : { label: t(label), target },
  });
  switch (view.state) {
    case 'unconfigured':
      return step('nextUnconfigured', 'nextUnconfiguredLink', 'welcome');
    case 'auth_rejected':
      return step('nextAuthRejected', 'openOptions', 'options');
    case 'signed_out':
      return step('nextSignedOut', 'nextSignedOutLink', 'linkedin-login');
    case 'account_mismatch': {
      const bound = view.boundAccount?.publicIdentifier ?? view.boundAccount?.memberUrn ?? t('nextMismatchUnknown');
      return step('nextMismatch', 'openOptions', 'options', [bound]);
    }
    case 'paused':
      switch (view.pause?.reason) {
        case 'challenge':
          return step('nextChallenge', 'openLinkedIn', 'linkedin-home');
        case 'user':
          return step('nextPausedByUser', null, 'options');
        case 'working_hours':
          return step('nextWorkingHours', 'openOptions', 'options');
        default:
          // rate_limited: LinkedIn's own pause ends by itself; only a suspension needs the user.
          return suspendedStep(view, t);
      }
    case 'active':
      return suspendedStep(view, t);
  }
}

function suspendedStep(view: View, t: Translate): NextStep | null {
  if (view.suspended.length === 0) return null;
  const types = view.suspended.map((s) => actionLabel(s.type, t)).join(', ');
  return { sentence: t('nextSuspended', [types]), link: { label: t('checkLinkedInLink'), target: 'check-linkedin' } };
}
