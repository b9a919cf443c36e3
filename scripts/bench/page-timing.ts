/** Timing marks in the measured extension pages: when a selector first matches, from navigation start. */
import type { Page } from '@playwright/test';
import type { Harness } from '../../e2e/harness';

/**
 * Runs at document start in the measured pages: records performance.now() (ms
 * since navigation start) when a selector first matches, and at the next frame.
 * A string, so tsx's transforms never reach it.
 */
function markScript(selectors: Record<string, string>): string {
  return `(() => {
  globalThis.__name ??= (fn) => fn;
  const selectors = ${JSON.stringify(selectors)};
  const marks = {};
  window.__benchMarks = marks;
  const check = () => {
    let pending = 0;
    for (const [name, selector] of Object.entries(selectors)) {
      if (marks[name]) continue;
      const found = document.querySelectorAll(selector);
      if (found.length === 0) { pending++; continue; }
      const mark = { at: performance.now(), nextFrameAt: null, count: found.length, text: (found[0].textContent || '').slice(0, 120), muted: found[0].classList.contains('muted') };
      marks[name] = mark;
      requestAnimationFrame(() => { mark.nextFrameAt = performance.now(); });
    }
    if (pending === 0) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

export interface Mark {
  at: number;
  nextFrameAt: number | null;
  count: number;
  text: string;
  muted: boolean;
}

export interface PageTimings {
  marks: Record<string, Mark>;
  navigationStart: number;
  domContentLoaded: number;
  load: number;
  firstContentfulPaint: number | null;
}

export async function openMeasured(
  h: Harness,
  url: string,
  selectors: Record<string, string>,
  viewport: { width: number; height: number },
): Promise<Page> {
  const page = await h.context.newPage();
  await page.addInitScript({ content: markScript(selectors) });
  await page.setViewportSize(viewport);
  await page.goto(url);
  return page;
}

export async function timings(page: Page, names: string[], timeoutMs: number): Promise<PageTimings> {
  await page.waitForFunction(
    (wanted) => {
      const marks = (window as unknown as { __benchMarks?: Record<string, Mark> }).__benchMarks;
      return marks !== undefined && wanted.every((n) => marks[n]?.nextFrameAt != null);
    },
    names,
    { timeout: timeoutMs },
  );
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    return {
      marks: (window as unknown as { __benchMarks: Record<string, Mark> }).__benchMarks,
      navigationStart: nav?.startTime ?? 0,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
      load: nav?.loadEventEnd ?? 0,
      firstContentfulPaint: fcp?.startTime ?? null,
    };
  });
}
