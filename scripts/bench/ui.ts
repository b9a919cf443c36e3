/**
 * The popup and the audit page with the issue's 100,000 audit entries: popup
 * first result (worker running, and stopped first), audit page load, CSV and
 * JSON export to a file, Verify chain. With --baseline the earlier build is
 * measured first in the same run, on the same seeded data.
 */
import { measureAuditPage, type AuditPageResult } from './audit-page';
import { measurePopup, type PopupResult } from './popup';
import { seedAudit, type SeedReport } from './seed-audit';
import { BENCH_SCALE, type BenchContext, type BenchMeasurement, type Build } from './types';

/** Issue 13's goals, and the figures it started from (2026-11-23, this machine). */
export const UI_GOALS = { popupMs: 300, csvMs: 2000, jsonMs: 2000, verifyMs: 1000 } as const;
const ISSUE_FIGURES = { csvMs: 5400, jsonMs: 6000, verifyMs: 3900 } as const;

export interface UiRun {
  build: Build;
  seed: SeedReport;
  popupEmpty: PopupResult;
  popup: PopupResult;
  popupWorkerStopped: PopupResult;
  auditPage: AuditPageResult;
}

export interface UiResults {
  goals: typeof UI_GOALS;
  issueFigures: typeof ISSUE_FIGURES;
  runs: UiRun[];
}

async function measureBuild(ctx: BenchContext, build: Build): Promise<UiRun> {
  const { opts, log } = ctx;
  log(`  — ${build.label}: ${build.extensionDir}`);
  return ctx.withHarness(build.extensionDir, async (h) => {
    const popupEmpty = await measurePopup(h, { runs: opts.popupRuns, auditEntries: 0, stopWorkerFirst: false }, log);
    // One entry every nominal 5 minutes: the limit windows hold what production would (288 a day).
    const seed = await seedAudit(
      h,
      opts.entries,
      { chunkSize: 5000, spacingMs: (5 * 60_000) / BENCH_SCALE, timeScale: BENCH_SCALE },
      log,
    );
    const popupOpts = { runs: opts.popupRuns, auditEntries: seed.totalAfter };
    const popup = await measurePopup(h, { ...popupOpts, stopWorkerFirst: false }, log);
    const popupWorkerStopped = await measurePopup(h, { ...popupOpts, stopWorkerFirst: true }, log);
    const auditPage = await measureAuditPage(
      h,
      { exportRuns: opts.exportRuns, verifyRuns: opts.exportRuns, auditEntries: seed.totalAfter },
      log,
    );
    return { build, seed, popupEmpty, popup, popupWorkerStopped, auditPage };
  });
}

/** The headline figures of one build: medians (max) in ms. */
function figures(run: UiRun): Record<string, { medianMs: number; maxMs: number }> {
  const a = run.auditPage;
  const exportOf = (kind: 'csv' | 'json') => a.exports.find((e) => e.kind === kind)?.toFile;
  const pick = (s: { medianMs: number; maxMs: number } | undefined) => ({
    medianMs: s?.medianMs ?? Number.NaN,
    maxMs: s?.maxMs ?? Number.NaN,
  });
  return {
    popup: pick(run.popup.recent),
    popupWorkerStopped: pick(run.popupWorkerStopped.recent),
    auditFirstRow: { medianMs: a.load.firstRowMs, maxMs: a.load.firstRowMs },
    exportCsv: pick(exportOf('csv')),
    exportJson: pick(exportOf('json')),
    verify: pick(a.verify.summary),
  };
}

function summary(r: UiResults): unknown {
  const byLabel = Object.fromEntries(r.runs.map((run) => [run.build.label, figures(run)]));
  const after = byLabel.after;
  return {
    entries: r.runs[0]?.seed.totalAfter ?? null,
    goalsMs: r.goals,
    issueFiguresMs: r.issueFigures,
    before: byLabel.before ?? null,
    after: after ?? null,
    goalMet: after
      ? {
          exportCsv: after.exportCsv?.medianMs !== undefined && after.exportCsv.medianMs < r.goals.csvMs,
          exportJson: after.exportJson?.medianMs !== undefined && after.exportJson.medianMs < r.goals.jsonMs,
          verify: after.verify?.medianMs !== undefined && after.verify.medianMs < r.goals.verifyMs,
        }
      : null,
  };
}

function print(r: UiResults): void {
  for (const run of r.runs) {
    const f = figures(run);
    const a = run.auditPage;
    console.log(`\n${run.build.label} (${run.build.extensionDir}), ${run.seed.totalAfter} entries:`);
    console.table(Object.entries(f).map(([name, v]) => ({ figure: name, 'median ms': v.medianMs, 'max ms': v.maxMs })));
    for (const e of a.exports) console.log(`  ${e.kind}: ${(e.bytes / 1e6).toFixed(1)} MB, ${e.rows} rows`);
  }
}

export const ui: BenchMeasurement<UiResults> = {
  key: 'ui',
  title: 'Popup and audit page (export, Verify chain) with 100,000 audit entries',
  async run(ctx) {
    const runs: UiRun[] = [];
    for (const build of ctx.builds()) runs.push(await measureBuild(ctx, build));
    return { goals: UI_GOALS, issueFigures: ISSUE_FIGURES, runs };
  },
  summary,
  print,
};
