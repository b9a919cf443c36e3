/**
 * The options page under an organisation's policy: the fields it sets are read-only and say
 * "Set by your organisation"; a limit it caps says so next to its maximum. The worker enforces
 * the same (a page cannot change a locked value), this only shows it.
 */
import type { SettingsView } from '../../shared/messages';
import { fmt, t } from '../shared/i18n';
import { problemText } from '../shared/problem-text';

/** Each lockable setting's control on this page (absent ones, e.g. on an older page, are skipped). */
const CONTROL: Record<SettingsView['policy']['locked'][number], string> = {
  backendUrl: 'backend-url',
  token: 'token',
  allowBackgroundTab: 'background-tab',
  approvalMode: 'approval-mode',
};

function note(forId: string): HTMLSpanElement {
  const existing = document.getElementById(`${forId}-org`);
  if (existing instanceof HTMLSpanElement) return existing;
  const span = document.createElement('span');
  span.id = `${forId}-org`;
  span.className = 'org-note';
  span.textContent = t('orgNote');
  return span;
}

function lock(input: HTMLInputElement, locked: boolean): void {
  const span = note(input.id);
  const describedBy = new Set((input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
  if (locked) {
    describedBy.add(span.id);
    if (!span.isConnected) (input.type === 'checkbox' ? (input.closest('label') ?? input) : input).after(span);
  } else {
    describedBy.delete(span.id);
    span.remove();
  }
  if (input.type === 'checkbox') input.disabled = locked;
  else input.readOnly = locked;
  if (describedBy.size > 0) input.setAttribute('aria-describedby', [...describedBy].join(' '));
  else input.removeAttribute('aria-describedby');
}

/** Applies the policy to the rendered page; called after every render. */
export function showPolicy(view: SettingsView): void {
  const locked = new Set(view.policy.locked);
  for (const [field, id] of Object.entries(CONTROL) as [keyof typeof CONTROL, string][]) {
    const input = document.getElementById(id);
    if (input instanceof HTMLInputElement) lock(input, locked.has(field));
  }
  const token = document.getElementById('token');
  if (token instanceof HTMLInputElement) token.placeholder = locked.has('token') ? t('orgNote') : '';
  // Both connection fields fixed: nothing here to save (Test connection still tries the organisation's).
  const save = document.querySelector<HTMLButtonElement>('#connection button[type="submit"]');
  if (save) save.hidden = locked.has('backendUrl') && locked.has('token');
  for (const [bucket, windows] of Object.entries(view.policy.limits)) {
    for (const window of ['day', 'week'] as const) {
      const cap = windows?.[window];
      const hint = document.getElementById(`limit-${bucket}-${window}`)?.nextElementSibling;
      if (cap !== undefined && hint) hint.textContent = t('limitMaxOrg', [fmt.number(cap)]);
    }
  }
  const banner = document.getElementById('policy-banner');
  if (!banner) return;
  const managed = locked.size > 0 || Object.keys(view.policy.limits).length > 0;
  banner.hidden = !managed && view.policy.problems.length === 0;
  const problems = document.getElementById('policy-problems');
  problems?.replaceChildren(
    ...view.policy.problems.map((p) =>
      Object.assign(document.createElement('li'), { textContent: problemText(p, t, fmt) }),
    ),
  );
}
