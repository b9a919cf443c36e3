/**
 * The three first-run steps, shown on the welcome page (and by the popup until the executor is
 * active). Pure: derived from the status view alone, so pages agree and a worker restart changes
 * nothing.
 */
import type { Translate } from '../../i18n/catalog';
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

export function setupChecklist(view: View, t: Translate): SetupStep[] {
  const backendDone = view.configured && view.state !== 'auth_rejected';
  const linkedinDone = view.signedIn && view.state !== 'account_mismatch';
  return [
    {
      id: 'backend',
      title: t('stepBackendTitle'),
      done: backendDone,
      detail: t(
        !view.configured
          ? 'stepBackendTodo'
          : view.state === 'auth_rejected'
            ? 'stepBackendRefused'
            : 'stepBackendDone',
      ),
    },
    {
      id: 'linkedin',
      title: t('stepLinkedInTitle'),
      done: linkedinDone,
      detail: !view.signedIn
        ? t('stepLinkedInTodo')
        : view.account
          ? t('stepLinkedInAs', [view.account.publicIdentifier ?? view.account.memberUrn])
          : t('stepLinkedInUnknown'),
    },
    {
      id: 'choices',
      title: t('stepChoicesTitle'),
      // Safe defaults exist (approval on, limits below LinkedIn's own), so this step never blocks.
      done: backendDone && linkedinDone,
      detail: t('stepChoicesDetail'),
    },
  ];
}

/** Setup is over once the executor has been active or paused by a rule; failures after that are not setup. */
export function setupNeeded(view: Pick<StatusView, 'state'>): boolean {
  return view.state === 'unconfigured' || view.state === 'auth_rejected' || view.state === 'signed_out';
}
