/**
 * Every request to LinkedIn leaves from a linkedin.com tab, never from the
 * service worker: a worker fetch carries `Origin: chrome-extension://…`,
 * while a fetch run in the tab (isolated world) is same-origin, as the page's
 * own calls are (browser-testing.md). We reuse an open tab; if there is none
 * (and the user allows it) we open one in the background and reuse it.
 */
import browser from 'webextension-polyfill';
import type { WireResponse } from './classify';
import { LINKEDIN_ORIGIN } from './session';

export interface WireRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query, starting with /voyager/api/ or /flagship-web/. */
  path: string;
  /** Every header but csrf-token, which the tab adds from its own cookie at send time. */
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface Transport {
  send(request: WireRequest): Promise<WireResponse>;
}

/** The request never left (no tab to send it from): safe to try again later. */
export class NotSentError extends Error {
  override name = 'NotSentError';
}

export class NoLinkedInTabError extends NotSentError {
  override name = 'NoLinkedInTabError';
  constructor() {
    super('no linkedin.com tab is open and opening one in the background is disabled');
  }
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
  if (/^\/(authwall|login|uas\/login)(\/|$)/.test(here)) return { status: 0, url: location.href, redirected: false, body: '', blocked: 'signed_out' };
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
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { status: 0, url: '', redirected: false, body: '', networkError: message };
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
    return Boolean(tab.url?.startsWith(`${LINKEDIN_ORIGIN}/`)) && !tab.discarded;
  } catch {
    return false;
  }
}

async function findOrOpenTab(allowOpen: boolean): Promise<number> {
  const stored = (await browser.storage.session.get(TAB_KEY))[TAB_KEY];
  if (typeof stored === 'number' && (await usableTab(stored))) return stored;
  const open = await browser.tabs.query({ url: TAB_PATTERN });
  const candidate = open.find((t) => t.id !== undefined && !t.discarded && t.status === 'complete') ?? open.find((t) => t.id !== undefined && !t.discarded);
  let tabId = candidate?.id;
  if (tabId === undefined) {
    if (!allowOpen) throw new NoLinkedInTabError();
    const created = await browser.tabs.create({ url: `${LINKEDIN_ORIGIN}/feed/`, active: false });
    if (created.id === undefined) throw new Error('could not open a linkedin.com tab');
    tabId = created.id;
  }
  await browser.storage.session.set({ [TAB_KEY]: tabId });
  await waitForComplete(tabId, 30_000);
  return tabId;
}

export function createTabTransport(options: { allowOpenTab: () => Promise<boolean> }): Transport {
  return {
    async send(request) {
      let lastError: unknown;
      // A tab can close or navigate away between lookup and injection. A read is retried
      // once in a fresh tab; a write is not: it may have left before the tab went away.
      const attempts = request.method === 'GET' ? 2 : 1;
      for (let attempt = 0; attempt < attempts; attempt++) {
        let tabId: number;
        try {
          tabId = await findOrOpenTab(await options.allowOpenTab());
        } catch (error) {
          if (error instanceof NotSentError) throw error;
          throw new NotSentError(`no usable linkedin.com tab: ${error instanceof Error ? error.message : String(error)}`);
        }
        try {
          const [injection] = await browser.scripting.executeScript({
            target: { tabId },
            func: fetchInTab as (...args: unknown[]) => unknown,
            args: [LINKEDIN_ORIGIN, request],
          });
          const result = injection?.result as WireResponse | undefined;
          if (result && typeof result.status === 'number') return result;
          lastError = new Error('the linkedin.com tab returned no answer');
        } catch (error) {
          lastError = error;
        }
        await browser.storage.session.remove(TAB_KEY);
      }
      throw lastError instanceof Error ? lastError : new Error(String(lastError));
    },
  };
}
