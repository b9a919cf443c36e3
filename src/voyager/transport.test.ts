/**
 * The tab transport against an in-memory `tabs`/`scripting`: incognito tabs are
 * never used, consent is asked only when a tab is missing, `existingTabOnly`
 * never opens one, and Chrome's error texts never come out of it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface FakeTab {
  id: number;
  url: string;
  incognito: boolean;
  status: 'complete';
  discarded: boolean;
  active: boolean;
}
const state = {
  tabs: [] as FakeTab[],
  created: 0,
  sentTo: [] as number[],
  session: {} as Record<string, unknown>,
  scriptError: null as Error | null,
};

vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: {
      query: async () => state.tabs,
      get: async (id: number) => {
        const tab = state.tabs.find((t) => t.id === id);
        if (!tab) throw new Error(`No tab with id: ${id}.`);
        return tab;
      },
      create: async ({ url, active }: { url: string; active: boolean }) => {
        state.created++;
        const tab: FakeTab = {
          id: 100 + state.created,
          url,
          incognito: false,
          status: 'complete',
          discarded: false,
          active,
        };
        state.tabs.push(tab);
        return tab;
      },
    },
    scripting: {
      executeScript: async ({ target }: { target: { tabId: number } }) => {
        if (state.scriptError) throw state.scriptError;
        state.sentTo.push(target.tabId);
        return [
          { result: { status: 200, url: 'https://www.linkedin.com/voyager/api/me', redirected: false, body: '{}' } },
        ];
      },
    },
    storage: {
      session: {
        get: async (key: string) => ({ [key]: state.session[key] }),
        set: async (values: Record<string, unknown>) => void Object.assign(state.session, values),
        remove: async (key: string) => void delete state.session[key],
      },
    },
  },
}));

const { createTabTransport, existingTabOnly, NoLinkedInTabError, NotSentError, TabLostError } = await import(
  './transport'
);
const request = { method: 'GET' as const, path: '/voyager/api/me', headers: {}, timeoutMs: 1000 };
const tab = (id: number, incognito = false): FakeTab => ({
  id,
  url: 'https://www.linkedin.com/feed/',
  incognito,
  status: 'complete',
  discarded: false,
  active: true,
});

beforeEach(() => {
  Object.assign(state, { tabs: [], created: 0, sentTo: [], session: {}, scriptError: null });
});

describe('tab transport', () => {
  it('skips incognito tabs', async () => {
    state.tabs = [tab(1, true), tab(2)];
    await createTabTransport({ mayOpenTab: async () => false }).send(request);
    expect(state.sentTo).toEqual([2]);
  });

  it('with only an incognito tab and no consent: nothing is sent, nothing opened', async () => {
    state.tabs = [tab(1, true)];
    const mayOpenTab = vi.fn(async () => false);
    await expect(createTabTransport({ mayOpenTab }).send(request)).rejects.toBeInstanceOf(NoLinkedInTabError);
    expect(mayOpenTab).toHaveBeenCalledTimes(1);
    expect(state.created).toBe(0);
    expect(state.sentTo).toEqual([]);
  });

  it('asks for consent only when a tab is missing, and opens one in the background when given', async () => {
    const mayOpenTab = vi.fn(async () => true);
    const transport = createTabTransport({ mayOpenTab });
    await transport.send(request);
    expect(state.created).toBe(1);
    expect(state.tabs[0]?.active).toBe(false);
    await transport.send(request);
    expect(mayOpenTab).toHaveBeenCalledTimes(1);
    expect(state.sentTo).toEqual([101, 101]);
  });

  it('existingTabOnly never opens a tab, nor asks', async () => {
    const mayOpenTab = vi.fn(async () => true);
    await expect(existingTabOnly(createTabTransport({ mayOpenTab })).send(request)).rejects.toBeInstanceOf(
      NoLinkedInTabError,
    );
    expect(mayOpenTab).not.toHaveBeenCalled();
    expect(state.created).toBe(0);
  });

  it("Chrome's error texts (which can name a tab's URL) are replaced by fixed ones", async () => {
    state.tabs = [tab(1)];
    state.scriptError = new Error(
      'Cannot access contents of url "https://www.linkedin.com/in/someone-private/". Extension manifest must request permission.',
    );
    const error = await createTabTransport({ mayOpenTab: async () => false })
      .send(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TabLostError);
    expect((error as Error).message).not.toContain('https://');
    const unsent = new NotSentError();
    expect(unsent.message).not.toContain('https://');
  });
});
