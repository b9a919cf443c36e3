/** The popup: state banner, suspended action types, queue, limits and recent results, refreshed live while open. */
// First: zod must be jitless before any schema module runs.
import '../../zod-jitless';
import browser from 'webextension-polyfill';
import type { StatusView } from '../../shared/messages';
import { send } from '../shared/send';
import { showScaledBuildNotice } from '../shared/scaled-build';
import { bannerText, countdown, decisionText, limitText, queueText, recheckText, suspensionText } from './format';
import { errorText, fmt, localizePage, t } from '../shared/i18n';
import { statusText } from '../shared/action-labels';
import { createGuidance } from './guidance';
import { createQueueList } from './queue-list';
import { elementsOf } from '../shared/element';
import { readStatusSnapshot } from '../shared/status-snapshot';

const element = elementsOf('popup');

const banner = element<HTMLElement>('banner');
const pauseButton = element<HTMLButtonElement>('pause');
const resumeButton = element<HTMLButtonElement>('resume');
const suspendedSection = element<HTMLElement>('suspended');
const recheckButton = element<HTMLButtonElement>('recheck');
const recheckResult = element<HTMLElement>('recheck-result');
const tabConsent = element<HTMLElement>('tab-consent');
localizePage();
showScaledBuildNotice(element('scaled-build'));
const renderGuidance = createGuidance();
let view: StatusView | null = null;
let skew = 0;
const approvalResult = element<HTMLElement>('approval-result');
const renderQueue = createQueueList({
  t,
  fmt,
  decide: (decision, keys) =>
    void send({ type: 'approval/decide', decision, keys }).then((reply) => {
      if (!reply.ok) {
        approvalResult.textContent = errorText(reply.error);
        return;
      }
      approvalResult.textContent = decisionText(reply.data.outcome, t, fmt);
      render(reply.data.status);
      // The decided item is gone with its buttons: keep focus on the sentence that says what happened.
      if (document.activeElement === document.body) approvalResult.focus();
    }),
});

function renderBanner(): void {
  if (!view) return;
  const now = Date.now() + skew;
  banner.dataset.state = view.state;
  banner.textContent = bannerText(view, now, t);
}

function renderSuspended(v: StatusView, now: number): void {
  const sentences = v.suspended.map((s) => suspensionText(s, now, t, fmt.time));
  const list = element('suspended-list');
  // Rebuilt only when a sentence changes: the popup refreshes every 2 s, and a list that is
  // replaced under a screen reader loses its reading position.
  if (sentences.join('\n') !== [...list.children].map((li) => li.textContent).join('\n')) {
    list.replaceChildren(
      ...sentences.map((text) => {
        const li = document.createElement('li');
        li.textContent = text;
        return li;
      }),
    );
  }
  const hide = sentences.length === 0;
  // Hiding the focused "Check again" would drop focus to the page: hand it to the result it announced.
  if (hide && !suspendedSection.hidden && document.activeElement === recheckButton) recheckResult.focus();
  suspendedSection.hidden = hide;
}

function render(v: StatusView, live = true): void {
  view = v;
  // A snapshot's clock is old; only a live answer tells the worker's clock.
  skew = live ? v.now - Date.now() : 0;
  renderBanner();
  renderGuidance(v);
  renderSuspended(v, Date.now() + skew);
  tabConsent.hidden = !v.askBackgroundTab;
  element('backend').textContent = v.configured ? (v.backendUrl ?? '') : t('notConfigured');
  element('linkedin').textContent = v.signedIn
    ? (v.account?.publicIdentifier ?? v.account?.memberUrn ?? t('signedIn'))
    : t('signedOut');
  element('queue').textContent = queueText(v.queue, t, fmt);
  renderQueue(v, Date.now() + skew);
  const paused = v.pause !== null;
  pauseButton.hidden = paused || !v.configured;
  resumeButton.hidden = !paused;

  const rows = v.limits.map((l) => {
    const tr = document.createElement('tr');
    const text = limitText(l, t, fmt);
    const now = Date.now() + skew;
    const next = l.nextAvailableAt ? Date.parse(l.nextAvailableAt) - now : 0;
    // When the count next drops, and, when it is later than now (spacing, a full window, a pause), the next slot.
    const times = [
      ...(l.resetsAt ? [t('resetsIn', [countdown(Date.parse(l.resetsAt) - now, t)])] : []),
      ...(next > 1000 ? [t('nextSlotIn', [countdown(next, t)])] : []),
    ];
    tr.innerHTML = `<td></td><td></td><td class="bar-cell"><div class="bar" role="img"><span></span></div></td><td class="muted resets"></td>`;
    const cells = tr.querySelectorAll('td');
    (cells[0] as HTMLElement).textContent = text.name;
    (cells[1] as HTMLElement).textContent = text.usage;
    const bar = tr.querySelector('.bar') as HTMLElement;
    bar.setAttribute('aria-label', text.barLabel);
    (bar.firstElementChild as HTMLElement).style.width = `${text.pct}%`;
    (cells[3] as HTMLElement).replaceChildren(
      ...times.map((text) => {
        const line = document.createElement('span');
        line.textContent = text;
        return line;
      }),
    );
    return tr;
  });
  element('limits')
    .querySelector('tbody')
    ?.replaceChildren(...rows);

  const items = v.recent.map((r) => {
    const li = document.createElement('li');
    const what = document.createElement('span');
    // The protocol's own words (action type, parameter summary), as the audit log and the backend show them.
    what.textContent = [r.type, r.paramsSummary].join(' ');
    const status = document.createElement('span');
    status.className = `status-${r.status}`;
    status.textContent = statusText(r.status, r.code, t);
    const detail = document.createElement('span');
    detail.className = 'detail';
    // The message is the worker's (English, as reported to the backend).
    const at = fmt.time(r.at, Date.now() + skew);
    detail.textContent = [at, r.message].join(' · ');
    li.append(what, status, detail);
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = t('nothingDoneYet');
    items.push(li);
  }
  element('recent').replaceChildren(...items);
}

/** First paint from the worker's last snapshot, without waiting for it to wake. */
async function paintSnapshot(): Promise<void> {
  const snapshot = await readStatusSnapshot();
  if (snapshot !== null && view === null) render(snapshot, false);
}

async function refresh(): Promise<void> {
  const reply = await send({ type: 'status/get' });
  if (reply.ok) render(reply.data);
  else banner.textContent = errorText(reply.error);
}

element('open-options').addEventListener('click', (e) => {
  e.preventDefault();
  void browser.runtime.openOptionsPage();
});
pauseButton.addEventListener('click', () => void send({ type: 'executor/pause' }).then((r) => r.ok && render(r.data)));
resumeButton.addEventListener('click', () => {
  const early = view?.pause?.reason === 'challenge';
  if (early && !window.confirm(t('confirmEarlyResume'))) return;
  void send({ type: 'executor/resume', confirmEarlyChallengeResume: early }).then((r) => {
    if (r.ok) render(r.data);
    else banner.textContent = errorText(r.error);
  });
});

function answerTabConsent(allow: boolean): void {
  void send({ type: 'settings/backgroundTab', allow }).then((reply) => {
    if (!reply.ok) {
      banner.textContent = errorText(reply.error);
      return;
    }
    render(reply.data);
    // The question is gone with the clicked button: keep focus on the state it changed.
    if (document.activeElement === document.body) banner.focus();
  });
}
element('tab-consent-allow').addEventListener('click', () => answerTabConsent(true));
element('tab-consent-later').addEventListener('click', () => answerTabConsent(false));

recheckButton.addEventListener('click', () => {
  recheckButton.disabled = true;
  recheckResult.textContent = t('checking');
  void send({ type: 'linkedin/recheck' })
    .then(async (reply) => {
      recheckResult.textContent = reply.ok ? recheckText(reply.data, t) : errorText(reply.error);
      await refresh();
    })
    .finally(() => {
      recheckButton.disabled = false;
      // Disabling (or hiding) the clicked button drops focus to the page: keep it where the user is.
      if (document.activeElement === document.body) (suspendedSection.hidden ? recheckResult : recheckButton).focus();
    });
});

void paintSnapshot();
void refresh();
setInterval(renderBanner, 1000);
setInterval(() => void refresh(), 2000);
