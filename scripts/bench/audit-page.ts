/** The audit page with a large log: load, CSV/JSON export to a file, Verify chain. */
import { readFileSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Harness } from '../../e2e/harness';
import { openMeasured, timings, type Mark } from './page-timing';
import { ms, summarize, type Summary } from './stats';

export interface ExportRun {
  /** In the page: click → "Exported N rows as …" (the blob is built and the download triggered). */
  inPageMs: number;
  /** In Node: click → the downloaded file is complete on disk. */
  toFileMs: number;
  bytes: number;
  rows: number;
  summaryText: string;
}

export interface ExportResult {
  kind: 'csv' | 'json';
  runs: ExportRun[];
  inPage: Summary;
  toFile: Summary;
  bytes: number;
  rows: number;
}

/** One verify worker's times (src/ui/audit/verify.ts "verify-worker" measures), ms after the click. */
export interface VerifyWorkerTimes {
  /** Seq ranges it verified (a few at a time, so its phases below are sums that overlap). */
  ranges: number;
  /** Its script ran, and it began on its range. */
  loadedAtMs: number;
  startedAtMs: number;
  /** Its verdict reached the page. */
  doneAtMs: number;
  /** Phases in the worker, summed over its ranges (store/audit-verify.ts RangeTiming). */
  readMs: number;
  hashMs: number;
  digestWaitMs: number;
  checkMs: number;
}

export interface VerifyRun {
  ms: number;
  text: string;
  /** Empty for a build without the measures (before 2026-11-24's verify-speed). */
  workers: VerifyWorkerTimes[];
}

export interface AuditPageResult {
  auditEntries: number;
  /** Page load → first table row and the summary line ("N entries in the log…"). */
  load: { firstRowMs: number; summaryMs: number; summaryText: string };
  exports: ExportResult[];
  verify: { runs: VerifyRun[]; summary: Summary; text: string };
}

async function clickAndWaitForText(
  page: Page,
  buttonId: string,
  targetId: string,
  done: string[],
  failed: string[],
): Promise<{ ms: number; text: string; clickedAt: number }> {
  return page.evaluate(
    (a) =>
      new Promise<{ ms: number; text: string; clickedAt: number }>((resolve, reject) => {
        const button = document.getElementById(a.buttonId);
        const target = document.getElementById(a.targetId);
        if (!button || !target) {
          reject(new Error(`missing #${a.buttonId} or #${a.targetId}`));
          return;
        }
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          const text = target.textContent ?? '';
          if (a.done.some((p) => text.startsWith(p))) {
            observer.disconnect();
            resolve({ ms: performance.now() - t0, text, clickedAt: t0 });
          } else if (a.failed.some((p) => text.startsWith(p))) {
            observer.disconnect();
            reject(new Error(text));
          }
        });
        observer.observe(target, { childList: true, characterData: true, subtree: true });
        button.click();
      }),
    { buttonId, targetId, done, failed },
  );
}

function countRows(kind: 'csv' | 'json', file: string): number {
  const text = readFileSync(file, 'utf8');
  if (kind === 'json') {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) throw new Error('JSON export is not an array');
    return parsed.length;
  }
  // One header line; every row ends with \r\n (quoted cells may hold \r\n too, which the seeded data never does).
  return text.split('\r\n').filter((line) => line !== '').length - 1;
}

/** A count as the page shows it (the harness's browser runs in English, numbers grouped as en-US). */
function shownCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * The verify workers' measures since the click (and clears them for the next
 * run). No named functions inside: tsx would wrap them in __name (idb.ts).
 */
async function verifyWorkerTimes(page: Page, clickedAt: number): Promise<VerifyWorkerTimes[]> {
  const raw = await page.evaluate(() => {
    const list = performance
      .getEntriesByName('verify-worker')
      .map((m) => ({ doneAt: m.startTime + m.duration, detail: (m as PerformanceMeasure).detail as unknown }));
    performance.clearMeasures('verify-worker');
    return list;
  });
  const round = (x: number): number => Math.round(x * 10) / 10;
  return raw
    .map(({ doneAt, detail }) => {
      const d = (typeof detail === 'object' && detail !== null ? detail : {}) as Record<string, unknown>;
      const num = (k: string): number => (typeof d[k] === 'number' ? d[k] : Number.NaN);
      return {
        ranges: num('ranges'),
        loadedAtMs: round(num('loadedAt') - clickedAt),
        startedAtMs: round(num('startedAt') - clickedAt),
        doneAtMs: round(doneAt - clickedAt),
        readMs: round(num('readMs')),
        hashMs: round(num('hashMs')),
        digestWaitMs: round(num('digestWaitMs')),
        checkMs: round(num('checkMs')),
      };
    })
    .sort((a, b) => a.loadedAtMs - b.loadedAtMs);
}

function describeWorkers(workers: VerifyWorkerTimes[]): string {
  if (workers.length === 0) return '';
  const list = (pick: (w: VerifyWorkerTimes) => number): string => workers.map((w) => Math.round(pick(w))).join('/');
  return `; ${workers.length} workers: script ran at +${list((w) => w.loadedAtMs)} ms, ${list((w) => w.ranges)} ranges, summed over them: read ${list((w) => w.readMs)}, hash ${list((w) => w.hashMs)}, digest wait ${list((w) => w.digestWaitMs)}, check ${list((w) => w.checkMs)} ms; last verdict at +${list((w) => w.doneAtMs)} ms`;
}

export type AuditLoad = AuditPageResult['load'];

/** Opens the audit page and times its first row and summary line ("N entries in the log…"). */
export async function openAuditPage(
  h: Harness,
  auditEntries: number,
  log: (line: string) => void,
): Promise<{ page: Page; load: AuditLoad }> {
  const url = `chrome-extension://${h.extensionId}/src/ui/audit/index.html`;
  const page = await openMeasured(
    h,
    url,
    { firstRow: '#entries tbody tr', summary: '#summary:not(:empty)' },
    { width: 1280, height: 800 },
  );
  try {
    const t = await timings(page, ['firstRow', 'summary'], 120_000);
    const firstRow = t.marks.firstRow as Mark;
    const summaryMark = t.marks.summary as Mark;
    const summaryText = (await page.locator('#summary').textContent()) ?? '';
    if (!summaryText.startsWith(`${shownCount(auditEntries)} entries`))
      throw new Error(`audit page says "${summaryText}", expected ${auditEntries} entries`);
    const load = {
      firstRowMs: ms(firstRow.at - t.navigationStart),
      summaryMs: ms(summaryMark.at - t.navigationStart),
      summaryText,
    };
    log(`  audit page: first row after ${load.firstRowMs} ms; "${summaryText}"`);
    return { page, load };
  } catch (error) {
    await page.close();
    throw error;
  }
}

export async function measureAuditPage(
  h: Harness,
  opts: { exportRuns: number; verifyRuns: number; auditEntries: number },
  log: (line: string) => void,
): Promise<AuditPageResult> {
  const { page, load } = await openAuditPage(h, opts.auditEntries, log);
  try {
    const exports: ExportResult[] = [];
    for (const kind of ['csv', 'json'] as const) {
      const runs: ExportRun[] = [];
      for (let i = 0; i < opts.exportRuns; i++) {
        const t0 = performance.now();
        const [download, inPage] = await Promise.all([
          page.waitForEvent('download', { timeout: 600_000 }),
          clickAndWaitForText(
            page,
            kind === 'csv' ? 'export-csv' : 'export-json',
            'summary',
            ['Exported '],
            ['Export failed'],
          ),
        ]);
        const file = await download.path();
        const toFileMs = performance.now() - t0;
        const bytes = statSync(file).size;
        const rows = countRows(kind, file);
        if (rows !== opts.auditEntries)
          throw new Error(`${kind} export holds ${rows} rows, expected ${opts.auditEntries}`);
        runs.push({ inPageMs: ms(inPage.ms), toFileMs: ms(toFileMs), bytes, rows, summaryText: inPage.text });
        log(
          `  export ${kind.toUpperCase()} ${i + 1}/${opts.exportRuns}: ${ms(inPage.ms)} ms in the page, ${ms(toFileMs)} ms to the file; ${(bytes / 1e6).toFixed(1)} MB, ${rows} rows`,
        );
        await download.delete();
      }
      exports.push({
        kind,
        runs,
        inPage: summarize(runs.map((r) => r.inPageMs)),
        toFile: summarize(runs.map((r) => r.toFileMs)),
        bytes: runs[0]?.bytes ?? 0,
        rows: runs[0]?.rows ?? 0,
      });
    }

    const verifyRuns: VerifyRun[] = [];
    const expected = `Chain intact: ${shownCount(opts.auditEntries)} entries verified.`;
    for (let i = 0; i < opts.verifyRuns; i++) {
      const v = await clickAndWaitForText(page, 'verify', 'verify-result', ['Chain intact', 'Chain broken'], []);
      if (v.text !== expected) throw new Error(`verify said "${v.text}", expected "${expected}"`);
      const workers = await verifyWorkerTimes(page, v.clickedAt);
      verifyRuns.push({ ms: ms(v.ms), text: v.text, workers });
      log(`  verify chain ${i + 1}/${opts.verifyRuns}: ${ms(v.ms)} ms — ${v.text}${describeWorkers(workers)}`);
    }
    return {
      auditEntries: opts.auditEntries,
      load,
      exports,
      verify: { runs: verifyRuns, summary: summarize(verifyRuns.map((r) => r.ms)), text: expected },
    };
  } finally {
    await page.close();
  }
}
