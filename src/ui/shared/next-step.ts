/**
 * What the user does next, in one sentence, and where they do it: the popup shows it under the
 * state banner for every state that needs the user (issue: "every failure state says what to do
 * next"). Pure; the page turns `target` into a link.
 */
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

const who = (account: StatusView['boundAccount']): string =>
  account?.publicIdentifier ?? account?.memberUrn ?? 'the account it was set up with';

/** null: nothing for the user to do (active, or paused by a rule that ends by itself). */
export function nextStep(view: View): NextStep | null {
  switch (view.state) {
    case 'unconfigured':
      return {
        sentence: 'Connect a backend: enter its URL and your executor token, then test the connection.',
        link: { label: 'Get started', target: 'welcome' },
      };
    case 'auth_rejected':
      return {
        sentence:
          'The backend refused the executor token: ask your backend administrator for a new one and paste it in Options.',
        link: { label: 'Open Options', target: 'options' },
      };
    case 'signed_out':
      return {
        sentence: 'Sign in to LinkedIn in this browser; work resumes by itself once you are signed in.',
        link: { label: 'Sign in to LinkedIn', target: 'linkedin-login' },
      };
    case 'account_mismatch':
      return {
        sentence: `Sign in to LinkedIn as ${who(view.boundAccount)}, or bind the executor to this account in Options.`,
        link: { label: 'Open Options', target: 'options' },
      };
    case 'paused':
      return pausedStep(view);
    case 'active':
      return suspendedStep(view);
  }
}

function pausedStep(view: View): NextStep | null {
  switch (view.pause?.reason) {
    case 'challenge':
      return {
        sentence:
          'Open LinkedIn and complete its security check; the executor stays paused for 24 hours to protect your account.',
        link: { label: 'Open LinkedIn', target: 'linkedin-home' },
      };
    case 'user':
      return { sentence: 'Press Resume when you want queued actions to go out again.', link: null };
    case 'working_hours':
      return {
        sentence: 'Nothing goes out outside your working hours; change them in Options if they are wrong.',
        link: { label: 'Open Options', target: 'options' },
      };
    default:
      // rate_limited: LinkedIn's own pause, which ends by itself; there is nothing to do but wait.
      return suspendedStep(view);
  }
}

function suspendedStep(view: View): NextStep | null {
  if (view.suspended.length === 0) return null;
  const types = view.suspended.map((s) => actionLabel(s.type)).join(', ');
  return {
    sentence: `LinkedIn changed how ${types} work${view.suspended.length === 1 ? 's' : ''}: run Check LinkedIn in Options and send the report to whoever maintains your executor.`,
    link: { label: 'Check LinkedIn', target: 'check-linkedin' },
  };
}
