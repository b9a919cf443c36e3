/** The popup: state banner, suspended action types, queue, limits and recent results, refreshed live while open. */
// First: zod must be jitless before any schema module runs.
import '../../zod-jitless';
import browser from 'webextension-polyfill';
import type { StatusView } from '../../shared/messages';
import { statusViewSchema } from '../../shared/replies';
import { STATUS_SNAPSHOT_KEY } from '../../shared/status-snapshot';
import { send } from '../shared/send';
import { showScaledBuildNotice } from '../shared/scaled-build';
import { bannerText, countdown, recheckText, suspensionText } from './format';
import { localizePage } from '../shared/i18n';
import { createGuidance } from './guidance';
import { createQueueList } from './queue-list';

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup is missing #${id}`);
  return el as T;
}

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
  decide: (decision, keys) =>
    void send({ type: 'approval/decide', decision, keys }).then((reply) => {
      if (!reply.ok) {
        approvalResult.textContent = reply.error.message;
        return;
      }
      const o = reply.data.outcome;
      const parts = [
        o.approved ? `${o.approved} approved` : '',
        o.rejected ? `${o.rejected} rejected` : '',
        o.expired ? `${o.expired} ran out of time (not sent)` : '',
        o.unchanged ? `${o.unchanged} already decided` : '',
      ].filter(Boolean);
      approvalResult.textContent = `${parts.join(' · ')}.`;
      render(reply.data.status);
      // The decided item is gone with its buttons: keep focus on the sentence that says what happened.
      if (document.activeElement === document.body) approvalResult.focus();
    }),
});

function renderBanner(): void {
  if (!view) return;
  const now = Date.now() + skew;
  banner.dataset.state = view.state;
  banner.textContent = bannerText(view, now);
}

function renderSuspended(v: StatusView, now: number): void {
  const sentences = v.suspended.map((s) => suspensionText(s, now));
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
  element('backend').textContent = v.configured ? (v.backendUrl ?? '') : 'not configured';
  element('linkedin').textContent = v.signedIn
    ? (v.account?.publicIdentifier ?? v.account?.memberUrn ?? 'signed in')
    : 'signed out';
  const queued = v.queue.queuedAtBackend === null ? '' : ` · ${v.queue.queuedAtBackend} waiting at the backend`;
  element('queue').textContent = `${v.queue.running} running · ${v.queue.outbox} results to deliver${queued}`;
  renderQueue(v, Date.now() + skew);
  const paused = v.pause !== null;
  pauseButton.hidden = paused || !v.configured;
  resumeButton.hidden = !paused;

  const rows = v.limits.map((l) => {
    const tr = document.createElement('tr');
    const pct = l.limit > 0 ? Math.min(100, Math.round((100 * l.used) / l.limit)) : 100;
    const now = Date.now() + skew;
    const next = l.nextAvailableAt ? Date.parse(l.nextAvailableAt) - now : 0;
    // When the count next drops, and, when it is later than now (spacing, a full window, a pause), the next slot.
    const times = [
      ...(l.resetsAt ? [`resets in ${countdown(Date.parse(l.resetsAt) - now)}`] : []),
      ...(next > 1000 ? [`next slot in ${countdown(next)}`] : []),
    ];
    tr.innerHTML = `<td></td><td></td><td class="bar-cell"><div class="bar" role="img"><span></span></div></td><td class="muted resets"></td>`;
    const cells = tr.querySelectorAll('td');
    (cells[0] as HTMLElement).textContent = `${l.bucket} / ${l.window}`;
    (cells[1] as HTMLElement).textContent = `${l.used}/${l.limit}`;
    const bar = tr.querySelector('.bar') as HTMLElement;
    bar.setAttribute('aria-label', `${pct}% used`);
    (bar.firstElementChild as HTMLElement).style.width = `${pct}%`;
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
    what.textContent = `${r.type} ${r.paramsSummary}`;
    const status = document.createElement('span');
    status.className = `status-${r.status}`;
    status.textContent = r.code ? `${r.status} · ${r.code}` : r.status;
    const detail = document.createElement('span');
    detail.className = 'detail';
    detail.textContent = `${new Date(r.at).toLocaleTimeString()} · ${r.message}`;
    li.append(what, status, detail);
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'Nothing done yet.';
    items.push(li);
  }
  element('recent').replaceChildren(...items);
}

/** First paint from the worker's last snapshot, without waiting for it to wake. */
async function paintSnapshot(): Promise<void> {
  const stored = (await browser.storage.session.get(STATUS_SNAPSHOT_KEY))[STATUS_SNAPSHOT_KEY];
  const snapshot = statusViewSchema.safeParse(stored);
  if (snapshot.success && view === null) render(snapshot.data, false);
}

async function refresh(): Promise<void> {
  const reply = await send({ type: 'status/get' });
  if (reply.ok) render(reply.data);
  else banner.textContent = reply.error.message;
}

element('open-options').addEventListener('click', (e) => {
  e.preventDefault();
  void browser.runtime.openOptionsPage();
});
pauseButton.addEventListener('click', () => void send({ type: 'executor/pause' }).then((r) => r.ok && render(r.data)));
resumeButton.addEventListener('click', () => {
  const early = view?.pause?.reason === 'challenge';
  if (
    early &&
    !window.confirm(
      'LinkedIn showed a security challenge. Resuming before the 24 h pause ends risks your account. Resume anyway?',
    )
  )
    return;
  void send({ type: 'executor/resume', confirmEarlyChallengeResume: early }).then((r) => {
    if (r.ok) render(r.data);
    else banner.textContent = r.error.message;
  });
});

function answerTabConsent(allow: boolean): void {
  void send({ type: 'settings/backgroundTab', allow }).then((reply) => {
    if (!reply.ok) {
      banner.textContent = reply.error.message;
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
  recheckResult.textContent = 'Checking…';
  void send({ type: 'linkedin/recheck' })
    .then(async (reply) => {
      recheckResult.textContent = reply.ok ? recheckText(reply.data) : reply.error.message;
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
