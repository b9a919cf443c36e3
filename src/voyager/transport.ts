/**
 * Every request to LinkedIn leaves from a linkedin.com tab, never from the
 * service worker: a worker fetch carries `Origin: chrome-extension://…`,
 * while a fetch run in the tab (isolated world) is same-origin, as the page's
 * own calls are (browser-testing.md). We reuse an open tab; if there is none
 * and the user agreed to it, we open one in the background and reuse it.
 * No `tabs` permission: the host permission already shows linkedin.com
 * tabs' URLs, and no other tab is ever looked at. Incognito tabs are skipped
 * (the manifest also keeps the extension out of incognito).
 */
import browser from 'webextension-polyfill';
import type { WireResponse } from './classify';
import { LINKEDIN_ORIGIN } from './session';
import { NoLinkedInTabError, NotSentError, TabLostError } from './transport-errors';

export { NoLinkedInTabError, NotSentError, TabLostError } from './transport-errors';

export interface WireRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query, starting with /voyager/api/ or /flagship-web/. */
  path: string;
  /** Every header but csrf-token, which the tab adds from its own cookie at send time. */
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface SendOptions {
  /** False: use an open linkedin.com tab or fail; never open one for this request. */
  openTab?: boolean;
}

export interface Transport {
  send(request: WireRequest, options?: SendOptions): Promise<WireResponse>;
}

/** The same transport, restricted to tabs the user already has open (e.g. to learn who is signed in). */
export function existingTabOnly(transport: Transport): Transport {
  return { send: (request) => transport.send(request, { openTab: false }) };
}

const TAB_KEY = 'linkedinTabId';
const TAB_PATTERN = `${LINKEDIN_ORIGIN}/*`;

/**
 * Runs inside the tab: must be self-contained (it is serialised). Nothing is
 * sent from a tab that sits on a checkpoint or a login page (v2: check the
 * tab before sending). The csrf token is read from the tab's own cookie now,
 * not earlier: LinkedIn rotates it.
 */
async function fetchInTab(origin: string, req: WireRequest): Promise<WireResponse> {
  const here = location.pathname;
  if (/^\/checkpoint(\/|$)/.test(here) && !/^\/checkpoint\/lg\/login-submit/.test(here)) {
    return { status: 0, url: location.href, redirected: false, body: '', blocked: 'checkpoint' };
  }
  if (/^\/(authwall|login|uas\/login)(\/|$)/.test(here))
    return { status: 0, url: location.href, redirected: false, body: '', blocked: 'signed_out' };
  const jsession = document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith('JSESSIONID='));
  const csrf = jsession ? jsession.slice('JSESSIONID='.length).replace(/^"+|"+$/g, '') : '';
  if (!csrf) return { status: 0, url: location.href, redirected: false, body: '', blocked: 'signed_out' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMs);
  try {
    const response = await fetch(origin + req.path, {
      method: req.method,
      headers: { ...req.headers, 'csrf-token': csrf },
      body: req.body,
      credentials: 'include',
      redirect: 'follow',
      signal: controller.signal,
    });
    const body = await response.text();
    const headers: Record<string, string> = {};
    const restliId = response.headers.get('x-restli-id');
    if (restliId !== null) headers['x-restli-id'] = restliId;
    return { status: response.status, url: response.url, redirected: response.redirected, body, headers };
  } catch (error) {
    // A fixed text: it may reach the backend in a result, and an error's own message is the browser's to word.
    const timedOut = error instanceof Error && error.name === 'AbortError';
    return { status: 0, url: '', redirected: false, body: '', networkError: timedOut ? 'timed out' : 'network error' };
  } finally {
    clearTimeout(timer);
  }
}

async function waitForComplete(tabId: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tab = await browser.tabs.get(tabId);
    if (tab.status === 'complete') return;
    if (Date.now() > deadline) throw new Error(`linkedin.com tab ${tabId} did not finish loading`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function usableTab(tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    return Boolean(tab.url?.startsWith(`${LINKEDIN_ORIGIN}/`)) && !tab.discarded && !tab.incognito;
  } catch {
    return false;
  }
}

async function findOrOpenTab(mayOpen: () => Promise<boolean>): Promise<number> {
  const stored = (await browser.storage.session.get(TAB_KEY))[TAB_KEY];
  if (typeof stored === 'number' && (await usableTab(stored))) return stored;
  // A private window's session is not the one the user bound the executor to.
  const open = (await browser.tabs.query({ url: TAB_PATTERN })).filter(
    (t) => t.id !== undefined && !t.discarded && !t.incognito,
  );
  const candidate = open.find((t) => t.status === 'complete') ?? open[0];
  let tabId = candidate?.id;
  if (tabId === undefined) {
    // Asked only now, when a tab is missing: the consent question is about opening one.
    if (!(await mayOpen())) throw new NoLinkedInTabError();
    const created = await browser.tabs.create({ url: `${LINKEDIN_ORIGIN}/feed/`, active: false });
    if (created.id === undefined) throw new Error('could not open a linkedin.com tab');
    tabId = created.id;
  }
  await browser.storage.session.set({ [TAB_KEY]: tabId });
  await waitForComplete(tabId, 30_000);
  return tabId;
}

/**
 * `mayOpenTab` is asked only when no linkedin.com tab is open: whether one
 * may be opened in the background (the user's consent).
 */
export function createTabTransport(options: { mayOpenTab: () => Promise<boolean> }): Transport {
  return {
    async send(request, sendOptions = {}) {
      const mayOpen = sendOptions.openTab === false ? async () => false : options.mayOpenTab;
      // A tab can close or navigate away between lookup and injection. A read is retried
      // once in a fresh tab; a write is not: it may have left before the tab went away.
      const attempts = request.method === 'GET' ? 2 : 1;
      for (let attempt = 0; attempt < attempts; attempt++) {
        let tabId: number;
        try {
          tabId = await findOrOpenTab(mayOpen);
        } catch (error) {
          if (error instanceof NotSentError) throw error;
          // Chrome's text may name a tab's URL: it stays in this console, the result says something fixed.
          console.warn('[transport] no usable linkedin.com tab', error);
          throw new NotSentError();
        }
        try {
          const [injection] = await browser.scripting.executeScript({
            target: { tabId },
            func: fetchInTab as (...args: unknown[]) => unknown,
            args: [LINKEDIN_ORIGIN, request],
          });
          const result = injection?.result as WireResponse | undefined;
          if (result && typeof result.status === 'number') return result;
        } catch (error) {
          console.warn('[transport] the linkedin.com tab could not run the request', error);
        }
        await browser.storage.session.remove(TAB_KEY);
      }
      throw new TabLostError();
    },
  };
}
