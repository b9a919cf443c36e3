/**
 * The three first-run steps, shown on the welcome page and in the popup until the executor is
 * active. Pure: derived from the status view alone, so both pages agree and a worker restart
 * changes nothing.
 */
import type { StatusView } from '../../shared/messages';

export type SetupStepId = 'backend' | 'linkedin' | 'choices';

export interface SetupStep {
  id: SetupStepId;
  title: string;
  done: boolean;
  /** Where it stands, in one sentence. */
  detail: string;
}

type View = Pick<StatusView, 'state' | 'configured' | 'signedIn' | 'account'>;

export function setupChecklist(view: View): SetupStep[] {
  const backendDone = view.configured && view.state !== 'auth_rejected';
  const linkedinDone = view.signedIn && view.state !== 'account_mismatch';
  return [
    {
      id: 'backend',
      title: 'Connect your backend',
      done: backendDone,
      detail: !view.configured
        ? 'Enter the backend URL and the executor token your backend issued, then test the connection.'
        : view.state === 'auth_rejected'
          ? 'The backend refused the token: paste a new one.'
          : 'Connected.',
    },
    {
      id: 'linkedin',
      title: 'Sign in to LinkedIn in this browser',
      done: linkedinDone,
      detail: !view.signedIn
        ? 'Sign in at linkedin.com in this browser profile (not in a private window).'
        : view.account
          ? `Signed in as ${view.account.publicIdentifier ?? view.account.memberUrn}.`
          : 'Signed in; the account is read the first time a linkedin.com tab is used.',
    },
    {
      id: 'choices',
      title: 'Choose what needs your approval, and your limits',
      // Safe defaults exist (approval on, limits below LinkedIn's own), so this step never blocks.
      done: backendDone && linkedinDone,
      detail: 'Words sent in your name wait for your approval unless you turn that off; limits start at safe defaults.',
    },
  ];
}

/** Setup is over once the executor has been active or paused by a rule; failures after that are not setup. */
export function setupNeeded(view: Pick<StatusView, 'state'>): boolean {
  return view.state === 'unconfigured' || view.state === 'auth_rejected' || view.state === 'signed_out';
}
