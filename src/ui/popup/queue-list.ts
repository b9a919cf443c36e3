/**
 * The popup's queue: the actions waiting for approval (Approve / Reject each,
 * "Approve all N" for the ones shown), then the other actions in hand with
 * when each goes out, then how many wait at the backend. Items are keyed and
 * updated in place, so a refresh never moves focus or the reading position.
 */
import type { InHandItem } from '../../shared/approval-view';
import type { StatusView } from '../../shared/messages';
import type { Translate } from '../../i18n/catalog';
import type { LocaleFormat } from '../../i18n/locale-format';
import { goesOutText, itemTitle } from './format';
import { elementsOf } from '../shared/element';

export interface QueueListHooks {
  t: Translate;
  fmt: LocaleFormat;
  decide(decision: 'approve' | 'reject', keys: string[]): void;
}

const element = elementsOf('popup');

/** One list item per key, reused across refreshes; its title and words are fixed for the key. */
function keyedItems(list: HTMLElement, items: InHandItem[], make: (item: InHandItem) => HTMLLIElement): void {
  const existing = new Map([...list.children].map((li) => [(li as HTMLElement).dataset['key'] ?? '', li]));
  const wanted = items.map((item) => existing.get(item.key) ?? make(item));
  // Only when membership or order changed: appending an element that is already in place would still move it.
  const same = wanted.length === list.children.length && wanted.every((li, i) => list.children[i] === li);
  if (!same) list.replaceChildren(...wanted);
}

let nextId = 0;

function itemBody(item: InHandItem, idPrefix: string, t: Translate): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset['key'] = item.key;
  const title = document.createElement('p');
  title.className = 'item-title';
  // Keys come from the backend: a counter makes a safe id for aria-describedby.
  title.id = `${idPrefix}-${++nextId}`;
  title.textContent = itemTitle(item, t);
  li.append(title);
  if (item.text !== null) {
    const words = document.createElement('blockquote');
    words.className = 'words';
    words.textContent = item.text;
    li.append(words);
  }
  const when = document.createElement('p');
  when.className = 'muted when';
  li.append(when);
  return li;
}

export function createQueueList(hooks: QueueListHooks) {
  const { t, fmt } = hooks;
  const section = element('approvals');
  const approvalList = element('approval-list');
  const approveAll = element<HTMLButtonElement>('approve-all');
  const inHandList = element('in-hand');
  const backendQueue = element('backend-queue');
  let shownKeys: string[] = [];

  approveAll.addEventListener('click', () => hooks.decide('approve', shownKeys));

  function makeApproval(item: InHandItem): HTMLLIElement {
    const li = itemBody(item, 'approval', t);
    const controls = document.createElement('div');
    controls.className = 'controls';
    const titleId = li.querySelector('.item-title')?.id ?? '';
    for (const [decision, label] of [
      ['approve', t('approve')],
      ['reject', t('reject')],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.className = decision === 'reject' ? 'secondary' : '';
      button.setAttribute('aria-describedby', titleId);
      button.addEventListener('click', () => {
        // One click is one request; the worker ignores a second decision anyway.
        for (const b of controls.querySelectorAll('button')) b.disabled = true;
        hooks.decide(decision, [item.key]);
      });
      controls.append(button);
    }
    li.append(controls);
    return li;
  }

  return function render(view: StatusView, now: number): void {
    const waiting = view.inHand.filter((i) => i.state === 'awaiting_approval');
    const others = view.inHand.filter((i) => i.state !== 'awaiting_approval');
    section.hidden = waiting.length === 0;
    keyedItems(approvalList, waiting, makeApproval);
    shownKeys = waiting.map((i) => i.key);
    approveAll.hidden = waiting.length < 2;
    approveAll.textContent = t('approveAll', [fmt.number(waiting.length)]);
    keyedItems(inHandList, others, (item) => itemBody(item, 'in-hand', t));
    for (const item of view.inHand) {
      const list = item.state === 'awaiting_approval' ? approvalList : inHandList;
      const li = [...list.children].find((c) => (c as HTMLElement).dataset['key'] === item.key);
      const when = li?.querySelector('.when');
      const text = goesOutText(item, now, t, fmt.time);
      if (when && when.textContent !== text) when.textContent = text;
    }
    const empty = element('in-hand-empty');
    empty.hidden = others.length > 0;
    empty.textContent = t(waiting.length > 0 ? 'nothingElseInHand' : 'nothingInHand');
    const atBackend = view.queue.queuedAtBackend;
    backendQueue.textContent =
      atBackend === null ? t('backendQueueUnknown') : t('backendQueueCount', [fmt.number(atBackend)]);
  };
}
