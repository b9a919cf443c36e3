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

export interface VerifyRun {
  ms: number;
  text: string;
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
): Promise<{ ms: number; text: string }> {
  return page.evaluate(
    (a) =>
      new Promise<{ ms: number; text: string }>((resolve, reject) => {
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
            resolve({ ms: performance.now() - t0, text });
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
    if (!summaryText.startsWith(`${auditEntries} entries`))
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
    const expected = `Chain intact: ${opts.auditEntries} entries verified.`;
    for (let i = 0; i < opts.verifyRuns; i++) {
      const v = await clickAndWaitForText(page, 'verify', 'verify-result', ['Chain intact', 'Chain broken'], []);
      if (v.text !== expected) throw new Error(`verify said "${v.text}", expected "${expected}"`);
      verifyRuns.push({ ms: ms(v.ms), text: v.text });
      log(`  verify chain ${i + 1}/${opts.verifyRuns}: ${ms(v.ms)} ms — ${v.text}`);
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
