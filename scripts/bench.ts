/**
 * Benchmarks of the extension in real Chromium against the local doubles
 * (`npm run bench`). Writes bench/results.json and prints a summary.
 *
 *  1. LinkedIn requests per action type, cold and warm caches (bench-requests.ts).
 *  2. Popup: time to the first rendered recent result with 100,000 audit entries.
 *  3. Audit page with 100,000 entries: CSV/JSON export and chain verification.
 *  4. The server (bench-server.ts): enqueue → LinkedIn write latency with and
 *     without the wake-up WebSocket; lease throughput on PGlite and PostgreSQL.
 *
 * Sections not run keep their previous figures in bench/results.json.
 *
 * Uses a time-scaled build (EXECUTOR_TIME_SCALE=100, as e2e: 30 s spacing lasts
 * 0.3 s), built into bench/tmp/ (see e2e/build-extension.ts for why not dist-e2e).
 *
 * Options:
 *   --only=requests,popup,audit,server   run some sections (default: all)
 *   --popup-runs=N                popup opens per measurement (default 5)
 *   --export-runs=N               runs of each export and of Verify chain (default 3)
 *   --entries=N                   audit entries to seed (default 100000)
 *   --reuse-build                 keep bench/tmp/ext-scale-100 if it exists
 *   --headed                      show the browser
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, startHarness, type Harness } from '../e2e/harness';
import { ROOT, buildExtension } from '../e2e/build-extension';
import { measureRequests, type RequestResults } from './bench-requests';
import {
  measureAuditPage,
  measurePopup,
  seedAudit,
  type AuditPageResult,
  type PopupResult,
  type SeedReport,
} from './bench-ui';
import { measureServer, type ServerBenchResults } from './bench-server';
import { benchWorker } from './bench-worker';

const SCALE = 100;
const POPUP_GOAL_MS = 300;
type Section = 'requests' | 'popup' | 'audit' | 'server';
const SECTIONS: readonly Section[] = ['requests', 'popup', 'audit', 'server'];

interface Options {
  sections: Section[];
  popupRuns: number;
  exportRuns: number;
  entries: number;
  reuseBuild: boolean;
  headed: boolean;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const count = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  const only = value('only');
  const sections = only === undefined ? [...SECTIONS] : only.split(',').map((s) => s.trim());
  const unknown = sections.filter((s) => !SECTIONS.includes(s as Section));
  if (unknown.length > 0)
    throw new Error(`--only: unknown section(s) ${unknown.join(', ')}; expected ${SECTIONS.join(', ')}`);
  return {
    sections: sections as Section[],
    popupRuns: count('popup-runs', 5),
    exportRuns: count('export-runs', 3),
    entries: count('entries', 100_000),
    reuseBuild: argv.includes('--reuse-build'),
    headed: argv.includes('--headed'),
  };
}

function commandOutput(file: string, args: string[]): string | null {
  try {
    return execFileSync(file, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? null,
    totalMemoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: commandOutput(CHROMIUM, ['--version']),
    chromiumPath: CHROMIUM,
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

function gitInfo(): Record<string, unknown> {
  // Read-only: --no-optional-locks keeps `git status` from refreshing the index.
  const status = commandOutput('git', ['--no-optional-locks', 'status', '--porcelain', '--untracked-files=no']);
  return {
    commit: commandOutput('git', ['rev-parse', 'HEAD']),
    dirtyWorkingTree: status === null ? null : status !== '',
  };
}

const log = (line: string): void => console.log(line);

async function withHarness<T>(extensionDir: string, headed: boolean, fn: (h: Harness) => Promise<T>): Promise<T> {
  const harness = await startHarness({ extensionDir, headed });
  try {
    return await fn(harness);
  } finally {
    await harness.close();
  }
}

interface UiResults {
  seed: SeedReport;
  popupEmpty: PopupResult;
  popup: PopupResult;
  popupWorkerStopped: PopupResult;
  auditPage: AuditPageResult | null;
}

function printRequests(r: RequestResults): void {
  const endpoints = (m: { requests: Array<{ method: string; endpoint: string }> }): string =>
    m.requests.map((q) => `${q.method} ${q.endpoint}`).join(', ');
  console.log('\nLinkedIn requests per action (audit linkedinRequests; cross-checked with the double):');
  console.table(
    r.rows.map((row) => ({
      action: row.action,
      cold: row.cold.linkedinRequests,
      warm: row.warm.linkedinRequests,
      'goal cold/warm': `≤${row.goal.cold} / ${row.goal.warm === 1 ? '1' : `≤${row.goal.warm}`}`,
      pass: row.pass.overall
        ? 'pass'
        : `FAIL (${[row.pass.cold ? '' : 'cold', row.pass.warm ? '' : 'warm'].filter(Boolean).join('+')})`,
      'cold requests': endpoints(row.cold),
      'warm requests': endpoints(row.warm),
    })),
  );
  for (const e of r.extra)
    console.log(`  extra — ${e.title}: ${e.measurement.linkedinRequests} request(s) [${endpoints(e.measurement)}]`);
  for (const row of r.rows) for (const note of row.notes) console.log(`  note — ${row.action}: ${note}`);
  const c = r.crossCheck;
  console.log(
    `  cross-check: ${c.matching}/${c.actions} actions match the double's record; ${c.unattributed.length} Voyager request(s) outside any action (${c.unattributed.map((u) => `${u.method} ${u.endpoint}`).join(', ') || 'none'})`,
  );
}

function printUi(ui: UiResults): void {
  const p = ui.popup;
  const verdict = (r: PopupResult): string =>
    r.recent.maxMs < POPUP_GOAL_MS ? 'pass' : r.recent.medianMs < POPUP_GOAL_MS ? 'median only' : 'FAIL';
  console.log(`\nPopup: navigation start → first #recent li in the DOM (goal < ${POPUP_GOAL_MS} ms)`);
  const cases: Array<[string, PopupResult]> = [
    ['empty log', ui.popupEmpty],
    [`${p.auditEntries} entries`, p],
    [`${p.auditEntries} entries, worker stopped first`, ui.popupWorkerStopped],
  ];
  console.table(
    cases.map(([label, r]) => ({
      case: label,
      runs: r.recent.runs,
      'median ms': r.recent.medianMs,
      'max ms': r.recent.maxMs,
      'next frame median ms': r.recentNextFrame.medianMs,
      goal: verdict(r),
    })),
  );
  const s = ui.seed;
  console.log(
    `  seeded ${s.entries} chained entries (one per nominal ${s.nominalSpacingMinutes} min, ${s.nominalSpanDays} nominal days) in ${s.writeMs} ms, ${s.chunkSize} per transaction`,
  );
  const a = ui.auditPage;
  if (!a) return;
  console.log(`\nAudit page, ${a.auditEntries} entries (first row after ${a.load.firstRowMs} ms):`);
  console.table([
    ...a.exports.map((e) => ({
      task: `Export ${e.kind.toUpperCase()}`,
      runs: e.inPage.runs,
      'median ms': e.toFile.medianMs,
      'max ms': e.toFile.maxMs,
      'in-page median ms': e.inPage.medianMs,
      size: `${(e.bytes / 1e6).toFixed(1)} MB`,
      rows: e.rows,
    })),
    {
      task: 'Verify chain',
      runs: a.verify.summary.runs,
      'median ms': a.verify.summary.medianMs,
      'max ms': a.verify.summary.maxMs,
      'in-page median ms': a.verify.summary.medianMs,
      size: '',
      rows: a.auditEntries,
    },
  ]);
}

/** The headline numbers, for a README table. */
function summaryOf(results: Record<string, unknown>): Record<string, unknown> {
  const requests = results.requests as RequestResults | undefined;
  const popup = results.popup as
    | { withEntries: PopupResult; withEntriesWorkerStopped: PopupResult; pass: boolean }
    | undefined;
  const audit = results.auditPage as AuditPageResult | undefined;
  const server = results.server as ServerBenchResults | undefined;
  return {
    requests:
      requests?.rows.map((r) => ({
        action: r.action,
        cold: r.cold.linkedinRequests,
        warm: r.warm.linkedinRequests,
        goal: r.goal,
        pass: r.pass.overall,
      })) ?? null,
    popup: popup
      ? {
          entries: popup.withEntries.auditEntries,
          medianMs: popup.withEntries.recent.medianMs,
          maxMs: popup.withEntries.recent.maxMs,
          workerStoppedMedianMs: popup.withEntriesWorkerStopped.recent.medianMs,
          workerStoppedMaxMs: popup.withEntriesWorkerStopped.recent.maxMs,
          goalMs: POPUP_GOAL_MS,
          pass: popup.pass,
        }
      : null,
    auditPage: audit
      ? {
          entries: audit.auditEntries,
          exports: audit.exports.map((e) => ({
            kind: e.kind,
            medianMs: e.toFile.medianMs,
            maxMs: e.toFile.maxMs,
            bytes: e.bytes,
          })),
          verifyMedianMs: audit.verify.summary.medianMs,
          verifyMaxMs: audit.verify.summary.maxMs,
        }
      : null,
    server: server
      ? {
          latencyWebsocket: {
            p50Ms: server.latency.websocket.p50Ms,
            p95Ms: server.latency.websocket.p95Ms,
            actions: server.latency.websocket.actions,
          },
          latencyPollOnly: {
            p50Ms: server.latency.pollOnly.p50Ms,
            p95Ms: server.latency.pollOnly.p95Ms,
            actions: server.latency.pollOnly.actions,
          },
          latencyTimeScale: server.latency.timeScale,
          throughputPgliteActionsPerSecond: server.throughput.pglite.actionsPerSecond,
          throughputPostgresActionsPerSecond:
            server.throughput.postgres?.map((r) => ({ replicas: r.replicas, actionsPerSecond: r.actionsPerSecond })) ??
            null,
          goals: {
            latencyP50Ms: server.latency.goalP50Ms,
            pglite: server.throughput.goals.pglite,
            postgres: server.throughput.goals.postgres,
          },
        }
      : null,
  };
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const results: Record<string, unknown> = {
    date: new Date(started).toISOString(),
    machine: machine(),
    git: gitInfo(),
    options: opts,
  };
  console.log(`Building the extension with EXECUTOR_TIME_SCALE=${SCALE} (30 s spacing lasts ${30 / SCALE} s)…`);
  const t0 = Date.now();
  const extensionDir = buildExtension(SCALE, {
    force: !opts.reuseBuild,
    outDir: path.join(ROOT, 'bench', 'tmp', `ext-scale-${SCALE}`),
  });
  results.build = {
    timeScale: SCALE,
    extensionDir: path.relative(ROOT, extensionDir),
    buildMs: Date.now() - t0,
    reused: opts.reuseBuild,
  };
  const errors: Array<{ section: Section; error: string }> = [];

  if (opts.sections.includes('requests')) {
    console.log('\n[1/4] LinkedIn requests per action type, cold and warm caches');
    try {
      const r = await withHarness(extensionDir, opts.headed, (h) => measureRequests(h, log));
      results.requests = r;
      printRequests(r);
    } catch (error) {
      errors.push({
        section: 'requests',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      console.error(error);
    }
  }

  if (opts.sections.includes('popup') || opts.sections.includes('audit')) {
    console.log(`\n[2/4] Popup first render, then [3/4] audit page, with ${opts.entries} audit entries`);
    try {
      const ui = await withHarness(extensionDir, opts.headed, async (h): Promise<UiResults> => {
        const popupEmpty = await measurePopup(
          h,
          { runs: opts.popupRuns, auditEntries: 0, stopWorkerFirst: false },
          log,
        );
        // One entry every nominal 5 minutes: the limit windows hold what production would (288 a day).
        const seed = await seedAudit(
          h,
          opts.entries,
          { chunkSize: 5000, spacingMs: (5 * 60_000) / SCALE, timeScale: SCALE },
          log,
        );
        const popup = await measurePopup(
          h,
          { runs: opts.popupRuns, auditEntries: seed.totalAfter, stopWorkerFirst: false },
          log,
        );
        const popupWorkerStopped = await measurePopup(
          h,
          { runs: opts.popupRuns, auditEntries: seed.totalAfter, stopWorkerFirst: true },
          log,
        );
        const auditPage = opts.sections.includes('audit')
          ? await measureAuditPage(
              h,
              { exportRuns: opts.exportRuns, verifyRuns: opts.exportRuns, auditEntries: seed.totalAfter },
              log,
            )
          : null;
        return { seed, popupEmpty, popup, popupWorkerStopped, auditPage };
      });
      results.popup = {
        goalMs: POPUP_GOAL_MS,
        pass: ui.popup.recent.maxMs < POPUP_GOAL_MS,
        passWorkerStopped: ui.popupWorkerStopped.recent.maxMs < POPUP_GOAL_MS,
        measured:
          'navigation start → first #recent li in the DOM (MutationObserver at document start), popup page opened as a 400×600 tab',
        withEntries: ui.popup,
        withEntriesWorkerStopped: ui.popupWorkerStopped,
        emptyLog: ui.popupEmpty,
        seed: ui.seed,
      };
      if (ui.auditPage) results.auditPage = ui.auditPage;
      printUi(ui);
    } catch (error) {
      errors.push({
        section: opts.sections.includes('popup') ? 'popup' : 'audit',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      console.error(error);
    }
  }

  if (opts.sections.includes('server')) {
    console.log('\n[4/4] The server: enqueue → LinkedIn write latency, lease throughput');
    try {
      results.server = await measureServer(log);
    } catch (error) {
      errors.push({
        section: 'server',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      console.error(error);
    }
  }

  // Sections not run this time keep their last figures.
  const file = path.join(ROOT, 'bench', 'results.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  for (const key of ['requests', 'popup', 'auditPage', 'server']) {
    if (results[key] === undefined && previous[key] !== undefined) results[key] = previous[key];
  }
  results.summary = summaryOf(results);
  results.errors = errors;
  results.elapsedMs = Date.now() - started;
  (results.machine as Record<string, unknown>).loadAverageAtEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  await benchWorker(process.argv.slice(2), log); // its own section, `worker`, written into the same file
  console.log(
    `\nWrote ${path.relative(ROOT, file)} in ${((Date.now() - started) / 1000).toFixed(0)} s total${errors.length ? `; ${errors.length} section(s) failed` : ''}.`,
  );
  return errors.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
