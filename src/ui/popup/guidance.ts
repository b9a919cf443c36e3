/**
 * What the user does next: one sentence with a link under the banner for any state that needs
 * them, and the first-run checklist until setup is done. Rebuilt only when its text changes, so
 * the 2-second refresh never disturbs a screen reader.
 */
import type { StatusView } from '../../shared/messages';
import { t } from '../shared/i18n';
import { LINKEDIN_URLS, nextStep, type NextStepTarget } from '../shared/next-step';
import { elementsOf } from '../shared/element';
import { setupChecklist, setupNeeded } from '../shared/setup-checklist';

const PAGE_LINKS: Record<Exclude<NextStepTarget, keyof typeof LINKEDIN_URLS>, string> = {
  welcome: '../welcome/index.html',
  options: '../options/index.html',
  'check-linkedin': '../options/index.html#check-title',
};

const hrefOf = (target: NextStepTarget): string =>
  target === 'linkedin-login' || target === 'linkedin-home' ? LINKEDIN_URLS[target] : PAGE_LINKS[target];

export function createGuidance(root: Document = document): (view: StatusView) => void {
  const byId = elementsOf('popup', root);
  const next = byId('next-step');
  const nextText = byId('next-step-text');
  const nextLink = byId<HTMLAnchorElement>('next-step-link');
  const setup = byId('setup');
  const setupList = byId('setup-list');
  let shown = '';

  return (view) => {
    const step = nextStep(view, t);
    const steps = setupNeeded(view) ? setupChecklist(view, t) : [];
    const key = JSON.stringify([step, steps]);
    if (key === shown) return;
    shown = key;
    next.hidden = step === null;
    nextText.textContent = step?.sentence ?? '';
    nextLink.hidden = !step?.link;
    nextLink.textContent = step?.link?.label ?? '';
    if (step?.link) nextLink.href = hrefOf(step.link.target);
    setup.hidden = steps.length === 0;
    setupList.replaceChildren(
      ...steps.map((s) => {
        const li = document.createElement('li');
        li.dataset.done = String(s.done);
        const title = document.createElement('strong');
        title.textContent = s.title;
        const detail = document.createElement('span');
        detail.textContent = s.done ? t('welcomeStepDone', [s.detail]) : s.detail;
        li.append(title, document.createTextNode(' '), detail);
        return li;
      }),
    );
  };
}
