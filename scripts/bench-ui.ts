/**
 * The popup and the audit page with a large audit log: seeding a valid hash
 * chain, popup first render, audit page load, CSV/JSON export, chain verification.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Harness } from '../e2e/harness';
import type { ActionType, ResultCode, ResultStatus } from '../contract/protocol';
import { GENESIS_HASH, entryHash, type AuditFields } from '../src/store/audit-chain';
import type { AuditRecord } from '../src/store/db';
import { BUCKET_OF } from '../src/safety/limits';
import { auditTail, putAudit, waitForDatabase } from './bench-idb';
import { ms, sleep, summarize, type Summary } from './bench-stats';
import { mulberry32 as prng } from '../src/shared/seeded-random';

/** A plausible mix of action types (weights). */
const TYPE_MIX: ReadonlyArray<readonly [ActionType, number]> = [
  ['connect', 20],
  ['withdraw', 5],
  ['message', 15],
  ['react', 18],
  ['unreact', 2],
  ['comment', 8],
  ['follow_member', 8],
  ['unfollow_member', 2],
  ['follow_company', 5],
  ['unfollow_company', 1],
  ['share', 4],
  ['save', 9],
  ['unsave', 3],
];

export interface SeedOptions {
  count: number;
  /** seq of the first new entry. */
  firstSeq: number;
  /** Hash of the entry before the first new one (GENESIS_HASH for an empty log). */
  prevHash: string;
  /** `at` of the newest entry; older ones are `spacingMs` apart before it. */
  endAt: number;
  spacingMs: number;
  account: string;
}

/** Audit entries as the extension writes them (fields, prevHash, hash), with explicit seq, oldest first. */
export function seedEntries(o: SeedOptions): AuditRecord[] {
  const random = prng(0x5eed);
  const total = TYPE_MIX.reduce((n, [, w]) => n + w, 0);
  const pickType = (): ActionType => {
    let r = random() * total;
    for (const [type, w] of TYPE_MIX) {
      r -= w;
      if (r < 0) return type;
    }
    return 'connect';
  };
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const out: AuditRecord[] = [];
  let prevHash = o.prevHash;
  for (let i = 0; i < o.count; i++) {
    const type = pickType();
    const bucket = BUCKET_OF[type];
    const at = o.endAt - (o.count - 1 - i) * o.spacingMs;
    const person = `member-${Math.floor(random() * 5000)}`;
    const post = `urn:li:activity:7${digits(18)}`;
    const paramsSummary =
      type === 'connect'
        ? `profile=${person} note=${20 + Math.floor(random() * 200)} chars`
        : type === 'message'
          ? `profile=${person} text=${10 + Math.floor(random() * 400)} chars`
          : type === 'withdraw'
            ? random() < 0.5
              ? `invitation=urn:li:fsd_invitation:${digits(19)}`
              : `profile=${person}`
            : type === 'react'
              ? `post=${post} reaction=LIKE`
              : type === 'comment'
                ? `post=${post} text=${10 + Math.floor(random() * 300)} chars`
                : type.endsWith('company')
                  ? `company=company-${Math.floor(random() * 800)}`
                  : type.endsWith('member')
                    ? `profile=${person}`
                    : `post=${post}`;
    const r = random();
    const status: ResultStatus = r < 0.86 ? 'succeeded' : r < 0.92 ? 'deferred' : r < 0.96 ? 'failed' : 'refused';
    const code: ResultCode | null =
      status === 'succeeded'
        ? null
        : status === 'deferred'
          ? 'outbound_throttled'
          : status === 'failed'
            ? random() < 0.5
              ? 'linkedin_error'
              : 'not_found'
            : type === 'message'
              ? 'not_connected'
              : 'invalid_action';
    const message =
      status === 'succeeded'
        ? `${type.replace('_', ' ')} done`
        : status === 'deferred'
          ? `local throttle for ${bucket}: next slot ${new Date(at + 30_000).toISOString()}`
          : code === 'not_found'
            ? `${type}: not found on LinkedIn`
            : code === 'linkedin_error'
              ? `${type}: LinkedIn answered HTTP 500`
              : code === 'not_connected'
                ? `${person} is not a 1st-degree connection: distance DISTANCE_2`
                : 'params.profile: must not be empty';
    const sent = status === 'succeeded' || status === 'failed';
    const duration = 200 + Math.floor(random() * 1800);
    const fields: AuditFields = {
      at,
      actionId: `act_seed_${o.firstSeq + i}`,
      type,
      bucket,
      paramsSummary,
      idempotencyKey: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
      requestedBy: {
        principal: `user_${Math.floor(random() * 7)}`,
        apiKeyId: `key_${Math.floor(random() * 3)}`,
        requestId: `req_seed_${o.firstSeq + i}`,
      },
      startedAt: at - duration,
      finishedAt: at,
      status,
      code,
      message,
      httpStatus: sent ? (status === 'succeeded' ? 200 : code === 'not_found' ? 404 : 500) : null,
      mutated: status === 'succeeded' || code === 'linkedin_error',
      linkedinRequests: sent || code === 'not_connected' ? 1 + Math.floor(random() * 2) : 0,
      account: o.account,
    };
    const hash = entryHash(prevHash, fields);
    out.push({ seq: o.firstSeq + i, ...fields, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

export interface SeedReport {
  entries: number;
  totalAfter: number;
  chunkSize: number;
  /** Real milliseconds between entries' `at`. */
  spacingMs: number;
  /** What that spacing is at the build's time scale (nominal minutes), and the span it covers. */
  nominalSpacingMinutes: number;
  nominalSpanDays: number;
  generateMs: number;
  writeMs: number;
}

/** Seeds `count` entries continuing the extension's chain, in chunks of one readwrite transaction each. */
export async function seedAudit(
  h: Harness,
  count: number,
  opts: { chunkSize: number; spacingMs: number; timeScale: number },
  log: (line: string) => void,
): Promise<SeedReport> {
  await waitForDatabase(h.worker, 30_000);
  const tail = await auditTail(await h.worker());
  const t0 = performance.now();
  const entries = seedEntries({
    count,
    firstSeq: (tail.lastSeq ?? 0) + 1,
    prevHash: tail.lastHash ?? GENESIS_HASH,
    endAt: Date.now() - 1000,
    spacingMs: opts.spacingMs,
    account: `urn:li:fsd_profile:${h.linkedin.viewer.tail}`,
  });
  const generateMs = performance.now() - t0;
  log(`  generated ${count} chained entries in ${ms(generateMs)} ms; writing in chunks of ${opts.chunkSize}…`);
  const t1 = performance.now();
  for (let i = 0; i < entries.length; i += opts.chunkSize) {
    await putAudit(await h.worker(), entries.slice(i, i + opts.chunkSize));
  }
  const writeMs = performance.now() - t1;
  const after = await auditTail(await h.worker());
  if (after.count !== tail.count + count)
    throw new Error(`seeding: expected ${tail.count + count} audit entries, found ${after.count}`);
  log(`  wrote them in ${ms(writeMs)} ms; the audit store now holds ${after.count} entries`);
  return {
    entries: count,
    totalAfter: after.count,
    chunkSize: opts.chunkSize,
    spacingMs: opts.spacingMs,
    nominalSpacingMinutes: (opts.spacingMs * opts.timeScale) / 60_000,
    nominalSpanDays: Math.round((((count - 1) * opts.spacingMs * opts.timeScale) / 86_400_000) * 10) / 10,
    generateMs: ms(generateMs),
    writeMs: ms(writeMs),
  };
}

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

interface Mark {
  at: number;
  nextFrameAt: number | null;
  count: number;
  text: string;
  muted: boolean;
}

interface PageTimings {
  marks: Record<string, Mark>;
  navigationStart: number;
  domContentLoaded: number;
  load: number;
  firstContentfulPaint: number | null;
}

async function openMeasured(
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

async function timings(page: Page, names: string[], timeoutMs: number): Promise<PageTimings> {
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

export async function measureAuditPage(
  h: Harness,
  opts: { exportRuns: number; verifyRuns: number; auditEntries: number },
  log: (line: string) => void,
): Promise<AuditPageResult> {
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
    if (!summaryText.startsWith(`${opts.auditEntries} entries`))
      throw new Error(`audit page says "${summaryText}", expected ${opts.auditEntries} entries`);
    const load = {
      firstRowMs: ms(firstRow.at - t.navigationStart),
      summaryMs: ms(summaryMark.at - t.navigationStart),
      summaryText,
    };
    log(`  audit page: first row after ${load.firstRowMs} ms; "${summaryText}"`);

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
