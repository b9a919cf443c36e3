/** The popup: navigation start → first recent result in the DOM, with the worker running or stopped first. */
import type { Harness } from '../../e2e/harness';
import { openMeasured, timings, type Mark } from './page-timing';
import { ms, sleep, summarize, type Summary } from './stats';

export interface PopupRun {
  /** The service worker was stopped before the popup opened, and had to start again to answer. */
  workerRestarted: boolean | null;
  /** From navigation start until the first `#recent li` is in the DOM. */
  recentMs: number;
  /** Until the next animation frame after that (≈ painted). */
  recentNextFrameMs: number | null;
  firstContentfulPaintMs: number | null;
  domContentLoadedMs: number;
  items: number;
  firstItem: string;
  placeholder: boolean;
}

export interface PopupResult {
  auditEntries: number;
  /** Each run stopped the extension's service worker first (as Chrome does after ~30 s idle). */
  workerStoppedFirst: boolean;
  runs: PopupRun[];
  recent: Summary;
  recentNextFrame: Summary;
}

const WORKER_MARKER = '__benchWorkerMarker';

/** Stops every service worker of the profile (CDP), as Chrome does to an idle MV3 worker. */
async function stopWorker(h: Harness): Promise<void> {
  await (await h.worker()).evaluate(`globalThis.${WORKER_MARKER} = true`);
  const blank = await h.context.newPage();
  try {
    const cdp = await h.context.newCDPSession(blank);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  } finally {
    await blank.close();
  }
  await sleep(300);
}

async function workerWasRestarted(h: Harness): Promise<boolean> {
  return (await (await h.worker()).evaluate(`globalThis.${WORKER_MARKER} === undefined`)) === true;
}

export async function measurePopup(
  h: Harness,
  opts: { runs: number; auditEntries: number; stopWorkerFirst: boolean },
  log: (line: string) => void,
): Promise<PopupResult> {
  const url = `chrome-extension://${h.extensionId}/src/ui/popup/index.html`;
  const out: PopupRun[] = [];
  const { runs, auditEntries } = opts;
  for (let i = 0; i < runs; i++) {
    if (opts.stopWorkerFirst) await stopWorker(h);
    const page = await openMeasured(h, url, { recent: '#recent li' }, { width: 400, height: 600 });
    try {
      const t = await timings(page, ['recent'], 60_000);
      const mark = t.marks.recent as Mark;
      const run: PopupRun = {
        workerRestarted: opts.stopWorkerFirst ? await workerWasRestarted(h) : null,
        recentMs: ms(mark.at - t.navigationStart),
        recentNextFrameMs: mark.nextFrameAt === null ? null : ms(mark.nextFrameAt - t.navigationStart),
        firstContentfulPaintMs: t.firstContentfulPaint === null ? null : ms(t.firstContentfulPaint - t.navigationStart),
        domContentLoadedMs: ms(t.domContentLoaded - t.navigationStart),
        items: await page.locator('#recent li').count(),
        firstItem: mark.text,
        placeholder: mark.muted,
      };
      out.push(run);
      log(
        `  popup run ${i + 1}/${runs}${opts.stopWorkerFirst ? ' (worker stopped first)' : ''}: #recent li after ${run.recentMs} ms (next frame ${run.recentNextFrameMs ?? '-'} ms, FCP ${run.firstContentfulPaintMs ?? '-'} ms), ${run.items} item(s)`,
      );
    } finally {
      await page.close();
    }
  }
  if (auditEntries > 0 && out.some((r) => r.placeholder))
    throw new Error('popup showed "Nothing done yet." although the audit log is not empty');
  if (out.some((r) => r.workerRestarted === false))
    throw new Error('the service worker was to be stopped before the popup opened, but it kept running');
  return {
    auditEntries,
    workerStoppedFirst: opts.stopWorkerFirst,
    runs: out,
    recent: summarize(out.map((r) => r.recentMs)),
    recentNextFrame: summarize(out.flatMap((r) => (r.recentNextFrameMs === null ? [] : [r.recentNextFrameMs]))),
  };
}
