/** The options page: connection, safety settings, account binding, Check LinkedIn, local data. */
// First: zod must be jitless before any schema module runs.
import '../../zod-jitless';
import { BUCKETS, type Bucket } from '../../../contract/protocol';
import type { SettingsView } from '../../shared/messages';
import { send } from '../shared/send';
import { errorText, fmt, localizePage, t } from '../shared/i18n';
import { bucketLabel } from '../shared/action-labels';
import { limitLabel as limitName } from '../shared/problem-text';
import { showScaledBuildNotice } from '../shared/scaled-build';
import { setUpCheckLinkedIn } from './check-linkedin';
import { showPolicy } from './policy-lock';
import { MESSAGE_SPACING_MS, SPACING_SECONDS } from '../../safety/decide';
import { SECOND } from '../../time';
import { elementsOf } from '../shared/element';

const element = elementsOf('options page');

const urlInput = element<HTMLInputElement>('backend-url');
const tokenInput = element<HTMLInputElement>('token');
const urlError = element('backend-url-error');
const tokenError = element('token-error');
const saved = element('saved');
const DAYS = fmt.weekdays();
/** The stored answer about a background tab; null (not asked yet) stays null unless the box is ticked. */
let backgroundTabStored: boolean | null = null;
localizePage();
showScaledBuildNotice(document.getElementById('scaled-build'));

function showConnectionError(field: string | undefined, message: string): void {
  urlError.textContent = field === 'backendUrl' ? message : '';
  tokenError.textContent = field === 'token' ? message : '';
  urlInput.setAttribute('aria-invalid', String(field === 'backendUrl'));
  tokenInput.setAttribute('aria-invalid', String(field === 'token'));
  if (field === 'token') tokenInput.focus();
  else if (field === 'backendUrl') urlInput.focus();
  else saved.textContent = message;
}

function limitInput(bucket: Bucket, window: 'day' | 'week', view: SettingsView): HTMLTableCellElement {
  const cell = document.createElement('td');
  const ceiling = view.ceilings[bucket][window];
  const fallback = view.defaults[bucket][window];
  if (ceiling === undefined || fallback === undefined) {
    cell.textContent = '–';
    return cell;
  }
  const input = document.createElement('input');
  input.type = 'number';
  input.min = '0';
  input.max = String(ceiling);
  input.step = '1';
  input.id = `limit-${bucket}-${window}`;
  input.dataset.bucket = bucket;
  input.dataset.window = window;
  input.value = String(view.limits[bucket]?.[window] ?? fallback);
  input.setAttribute('aria-label', t('limitAria', [limitLabel(bucket, window), fmt.number(ceiling)]));
  const hint = document.createElement('span');
  hint.className = 'muted';
  hint.textContent = t('limitMax', [fmt.number(ceiling)]);
  cell.append(input, ' ', hint);
  return cell;
}

/** "follows per day", as the limit's field is named in labels and errors. */
const limitLabel = (bucket: Bucket, window: 'day' | 'week'): string => limitName(bucket, window, t);

/** The spacing field's range and hint come from the safety floors, so they cannot drift apart. */
function describeSpacing(): void {
  const spacing = element<HTMLInputElement>('spacing');
  spacing.min = String(SPACING_SECONDS.min);
  spacing.max = String(SPACING_SECONDS.max);
  element('spacing-hint').textContent = t('spacingHint', [
    fmt.number(SPACING_SECONDS.min),
    fmt.number(MESSAGE_SPACING_MS / SECOND),
  ]);
}
describeSpacing();

/** "This computer's" (no zone stored: follows the computer when it travels), then every IANA zone. */
function fillTimeZones(): void {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = element<HTMLSelectElement>('wh-zone');
  zone.append(
    new Option(t('ownTimeZone', [own]), ''),
    ...Intl.supportedValuesOf('timeZone').map((z) => new Option(z, z)),
  );
}
fillTimeZones();

function renderSafety(view: SettingsView): void {
  const rows = BUCKETS.map((bucket) => {
    const tr = document.createElement('tr');
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = bucketLabel(bucket, t);
    tr.append(name, limitInput(bucket, 'day', view), limitInput(bucket, 'week', view));
    return tr;
  });
  element('limits-table')
    .querySelector('tbody')
    ?.replaceChildren(...rows);
  const wh = view.workingHours;
  element<HTMLInputElement>('wh-enabled').checked = wh !== null;
  element('wh-days').replaceChildren(
    ...DAYS.map((d, i) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = String(i);
      box.checked = wh ? wh.days.includes(i) : i >= 1 && i <= 5;
      label.append(box, ` ${d}`);
      return label;
    }),
  );
  element<HTMLInputElement>('wh-start').value = wh?.start ?? '09:00';
  element<HTMLInputElement>('wh-end').value = wh?.end ?? '18:00';
  const zone = element<HTMLSelectElement>('wh-zone');
  const stored = wh?.timeZone ?? '';
  // A zone saved by a browser that knew more zones than this one stays selectable.
  if (stored && ![...zone.options].some((o) => o.value === stored)) zone.append(new Option(stored, stored));
  zone.value = stored;
  element<HTMLInputElement>('spacing').value = String(view.spacingSeconds);
  element<HTMLInputElement>('warmup').checked = view.warmupStartedAt !== null;
  element('warmup-advice').textContent = view.warmupAdvice ?? '';
  element<HTMLInputElement>('background-tab').checked = view.allowBackgroundTab === true;
  backgroundTabStored = view.allowBackgroundTab;
  element<HTMLInputElement>('approval-mode').checked = view.approvalMode;
}

function renderAccount(view: SettingsView): void {
  const bound = view.boundAccount?.publicIdentifier ?? view.boundAccount?.memberUrn;
  const current = view.signedInAccount?.publicIdentifier ?? view.signedInAccount?.memberUrn;
  element('account-text').textContent = bound
    ? current && current !== bound
      ? t('accountBoundOther', [bound, current])
      : t('accountBound', [bound])
    : t('accountUnbound');
}

let signedInAccount: SettingsView['signedInAccount'] = null;

function render(view: SettingsView): void {
  signedInAccount = view.signedInAccount;
  urlInput.value = view.backendUrl ?? '';
  tokenInput.value = view.token ?? '';
  renderSafety(view);
  renderAccount(view);
  showPolicy(view);
}

element<HTMLFormElement>('connection').addEventListener('submit', (event) => {
  event.preventDefault();
  saved.textContent = '';
  void send({ type: 'settings/saveConnection', backendUrl: urlInput.value, token: tokenInput.value }).then((reply) => {
    if (!reply.ok) return showConnectionError(reply.error.field, errorText(reply.error));
    showConnectionError(undefined, '');
    render(reply.data);
    saved.textContent = t('saved');
  });
});

element('test-connection').addEventListener('click', () => {
  const out = element('test-result');
  out.textContent = t('welcomeTesting');
  out.className = '';
  void send({ type: 'settings/testConnection', backendUrl: urlInput.value, token: tokenInput.value }).then((reply) => {
    if (!reply.ok) {
      out.textContent = '';
      return showConnectionError(reply.error.field, errorText(reply.error));
    }
    out.textContent = reply.data.message;
    out.className = reply.data.ok ? 'ok' : 'error';
  });
});

/**
 * A whole-number field's value, or null after showing `label: enter a whole number from min to max.`
 * in `errorId` and focusing it: an empty (or unparsable) number field would travel as null and
 * come back as a bad request.
 */
function numberField(input: HTMLInputElement, label: string, errorId: string): number | null {
  if (input.value.trim() !== '' && Number.isFinite(Number(input.value))) return Number(input.value);
  element(errorId).textContent = t('wholeNumber', [
    label,
    fmt.number(Number(input.min)),
    fmt.number(Number(input.max)),
  ]);
  input.focus();
  return null;
}

element<HTMLFormElement>('safety').addEventListener('submit', (event) => {
  event.preventDefault();
  element('safety-saved').textContent = '';
  element('limits-error').textContent = '';
  element('wh-error').textContent = '';
  element('spacing-error').textContent = '';
  const limits: Partial<Record<Bucket, { day?: number; week?: number }>> = {};
  for (const input of document.querySelectorAll<HTMLInputElement>('#limits-table input')) {
    const bucket = input.dataset.bucket as Bucket;
    const window = input.dataset.window as 'day' | 'week';
    const value = numberField(input, limitLabel(bucket, window), 'limits-error');
    if (value === null) return;
    limits[bucket] = { ...limits[bucket], [window]: value };
  }
  const spacing = element<HTMLInputElement>('spacing');
  const spacingSeconds = numberField(spacing, t('spacingLabel'), 'spacing-error');
  if (spacingSeconds === null) return;
  const zone = element<HTMLSelectElement>('wh-zone').value;
  const workingHours = element<HTMLInputElement>('wh-enabled').checked
    ? {
        days: [...document.querySelectorAll<HTMLInputElement>('#wh-days input:checked')].map((b) => Number(b.value)),
        start: element<HTMLInputElement>('wh-start').value,
        end: element<HTMLInputElement>('wh-end').value,
        ...(zone ? { timeZone: zone } : {}),
      }
    : null;
  void send({
    type: 'settings/saveSafety',
    limits,
    workingHours,
    spacingSeconds,
    warmup: element<HTMLInputElement>('warmup').checked,
    // Saving other safety settings must not answer the popup's question with "no" on the user's behalf.
    allowBackgroundTab:
      element<HTMLInputElement>('background-tab').checked || (backgroundTabStored === null ? null : false),
    approvalMode: element<HTMLInputElement>('approval-mode').checked,
  }).then((reply) => {
    if (!reply.ok) {
      const field = reply.error.field ?? '';
      const target = field.startsWith('workingHours')
        ? 'wh-error'
        : field === 'spacingSeconds'
          ? 'spacing-error'
          : 'limits-error';
      element(target).textContent = errorText(reply.error);
      if (field === 'spacingSeconds') spacing.focus();
      return;
    }
    render(reply.data);
    element('safety-saved').textContent = t('safetyApplied');
  });
});

element('rebind').addEventListener('click', () => {
  if (!window.confirm(t('confirmRebind'))) return;
  void send({ type: 'account/rebind', confirm: true }).then((reply) => {
    if (reply.ok) {
      render(reply.data);
      element('rebind-result').textContent = t('rebound');
    }
  });
});

element('reset').addEventListener('click', () => {
  if (!window.confirm(t('confirmReset'))) return;
  void send({ type: 'data/reset', confirm: true }).then((reply) => {
    if (reply.ok) {
      render(reply.data);
      element('reset-result').textContent = t('resetDone');
    }
  });
});

setUpCheckLinkedIn({ account: () => signedInAccount });

// The forms stay disabled until the stored settings are in them: a worker that is slow to start
// would otherwise answer after the user began typing and overwrite what was typed.
void send({ type: 'settings/get' }).then((reply) => {
  if (reply.ok) render(reply.data);
  else {
    const out = element('test-result');
    out.textContent = t('loadFailed', [errorText(reply.error)]);
    out.className = 'error';
  }
  for (const id of ['connection-fields', 'safety-fields']) element<HTMLFieldSetElement>(id).disabled = false;
});
