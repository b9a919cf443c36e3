/**
 * The first-run page, opened once on install: the three setup steps with their live state. It
 * reads the worker's status snapshot and follows its changes instead of polling, so an open
 * welcome tab never keeps the service worker awake.
 */
// First: zod must be jitless before any schema module runs.
import '../../zod-jitless';
import browser from 'webextension-polyfill';
import type { SettingsView, StatusView } from '../../shared/messages';
import { STATUS_SNAPSHOT_KEY } from '../../shared/status-snapshot';
import { send } from '../shared/send';
import { showScaledBuildNotice } from '../shared/scaled-build';
import { errorText, localizePage, t } from '../shared/i18n';
import { setupChecklist } from '../shared/setup-checklist';
import { elementsOf } from '../shared/element';
import { parseSnapshot, readStatusSnapshot } from '../shared/status-snapshot';

const element = elementsOf('welcome page');

const urlInput = element<HTMLInputElement>('backend-url');
const tokenInput = element<HTMLInputElement>('token');
const connectResult = element('connect-result');
localizePage();
showScaledBuildNotice(element('scaled-build'));

function render(view: StatusView): void {
  const steps = setupChecklist(view, t);
  for (const step of steps) {
    const item = element(`step-${step.id}`);
    item.dataset.done = String(step.done);
    const title = item.querySelector('.title');
    if (title) title.textContent = step.title;
    const detail = item.querySelector('.detail');
    if (detail) detail.textContent = step.done ? t('welcomeStepDone', [step.detail]) : step.detail;
  }
  const overall = element('overall');
  const done = steps.every((s) => s.done);
  overall.dataset.done = String(done);
  const count = new Intl.NumberFormat(navigator.language);
  overall.textContent = done
    ? t('welcomeAllSet')
    : t('welcomeProgress', [count.format(steps.filter((s) => s.done).length), count.format(steps.length)]);
}

async function refresh(): Promise<void> {
  const reply = await send({ type: 'status/get' });
  if (reply.ok) render(reply.data);
}

function showFieldError(field: string | undefined, message: string): void {
  element('backend-url-error').textContent = field === 'backendUrl' ? message : '';
  element('token-error').textContent = field === 'token' ? message : '';
  urlInput.setAttribute('aria-invalid', String(field === 'backendUrl'));
  tokenInput.setAttribute('aria-invalid', String(field === 'token'));
  if (field === 'token') tokenInput.focus();
  else if (field === 'backendUrl') urlInput.focus();
}

/** Tested first, saved only if the backend accepted the token: a first run should not store a wrong one. */
async function connect(): Promise<void> {
  connectResult.className = '';
  connectResult.textContent = t('welcomeTesting');
  const connection = { backendUrl: urlInput.value, token: tokenInput.value };
  const tested = await send({ type: 'settings/testConnection', ...connection });
  if (!tested.ok) {
    connectResult.textContent = '';
    return showFieldError(tested.error.field, errorText(tested.error));
  }
  showFieldError(undefined, '');
  if (!tested.data.ok) {
    connectResult.className = 'error';
    connectResult.textContent = t('welcomeNothingSaved', [tested.data.message]);
    return;
  }
  const saved = await send({ type: 'settings/saveConnection', ...connection });
  if (!saved.ok) {
    connectResult.textContent = '';
    return showFieldError(saved.error.field, errorText(saved.error));
  }
  connectResult.className = 'ok';
  connectResult.textContent = t('welcomeSaved', [tested.data.message]);
  await refresh();
}

const approvalBox = element<HTMLInputElement>('approval-mode');
const approvalState = element('approval-mode-state');

function showApproval(view: SettingsView): void {
  approvalBox.checked = view.approvalMode;
  const locked = view.policy.locked.includes('approvalMode');
  approvalBox.disabled = locked;
  approvalState.textContent = locked ? t('lockedByPolicy') : '';
}

/** Saved with the other safety settings as they stand, so nothing else changes. */
async function saveApproval(on: boolean): Promise<void> {
  const current = await send({ type: 'settings/get' });
  if (!current.ok) {
    approvalState.textContent = errorText(current.error);
    return;
  }
  const v = current.data;
  const saved = await send({
    type: 'settings/saveSafety',
    limits: v.limits,
    workingHours: v.workingHours,
    spacingSeconds: v.spacingSeconds,
    warmup: v.warmupStartedAt !== null,
    allowBackgroundTab: v.allowBackgroundTab,
    approvalMode: on,
  });
  if (!saved.ok) {
    approvalState.textContent = errorText(saved.error);
    return;
  }
  showApproval(saved.data);
  approvalState.textContent = t(on ? 'approvalModeOn' : 'approvalModeOff');
}
approvalBox.addEventListener('change', () => void saveApproval(approvalBox.checked));

element<HTMLFormElement>('connection').addEventListener('submit', (event) => {
  event.preventDefault();
  void connect();
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'session' || !(STATUS_SNAPSHOT_KEY in changes)) return;
  const next = parseSnapshot(changes[STATUS_SNAPSHOT_KEY]?.newValue);
  if (next !== null) render(next);
});

async function start(): Promise<void> {
  const snapshot = await readStatusSnapshot();
  if (snapshot !== null) render(snapshot);
  const settings = await send({ type: 'settings/get' });
  if (settings.ok) {
    urlInput.value = settings.data.backendUrl ?? '';
    tokenInput.value = settings.data.token ?? '';
    showApproval(settings.data);
  }
  await refresh();
}
void start();
