/**
 * LinkedIn requests per action type, cold and warm caches.
 *
 * The count per action is the audit entry's `linkedinRequests` (the Voyager
 * client's counter for that execution), read from the extension's IndexedDB.
 * It is cross-checked against the LinkedIn double's record: the Voyager
 * requests that arrived between the entry's startedAt and finishedAt.
 *
 * Cold: the extension's 'cache' store is emptied right before the action.
 * Warm: the caches the action module reads are filled the way the code fills
 * them — by running the action again, or by a priming action on the same
 * target (see `setup` of each step). Every row uses a slug or URL where the
 * action can take one, so the cold case includes the lookup.
 */
import type { RecordedRequest } from '../../../e2e/doubles/linkedin/types';
import type { Member } from '../../../e2e/doubles/linkedin/server';
import type { Harness } from '../../../e2e/harness';
import type { AuditRecord } from '../../../src/store/db';
import { auditOf, cacheEntries, clearCache } from '../idb';
import type { ActionRun, ExtraRow, Measurement, RequestResults, RequestRow } from './results';
import { ACTION_TIMEOUT_MS, RELATIONSHIP_TTL_AT_SCALE, ROWS, type ActionSpec, type Step } from './rows';
import { steps } from './steps';
import { seedWorld } from './world';

/** Replaces member tails with <slug> so cache keys read well. */
function readableKey(key: string, members: readonly Member[]): string {
  let out = key;
  for (const m of members) out = out.split(m.tail).join(`<${m.slug}>`);
  return out;
}

function inWindow(r: RecordedRequest, entries: readonly AuditRecord[]): boolean {
  return entries.some((e) => r.at >= e.startedAt && r.at <= e.finishedAt);
}

async function runAction(h: Harness, spec: ActionSpec): Promise<ActionRun> {
  const params = spec.params;
  const queued = h.backend.enqueue({ type: spec.type, params });
  await h.backend.waitForFinal([queued.id], ACTION_TIMEOUT_MS);
  const result = h.backend.finalResult(queued.id);
  const entries = await auditOf(await h.worker(), [queued.id]);
  const seen = h.linkedin.voyagerRequests().filter((r) => inWindow(r, entries));
  const linkedinRequests = entries.reduce((n, e) => n + e.linkedinRequests, 0);
  const first = entries[0];
  const last = entries.at(-1);
  const status = result?.status ?? '(no result)';
  const code = result?.code ?? null;
  return {
    label: spec.label,
    actionId: queued.id,
    type: spec.type,
    params,
    status,
    code,
    message: result?.message ?? '',
    attempts: entries.length,
    linkedinRequests,
    doubleRequests: seen.length,
    requests: seen.map((r) => ({ endpoint: r.endpoint, method: r.method, status: r.status, mutation: r.mutation })),
    durationMs: entries.reduce((n, e) => n + (e.finishedAt - e.startedAt), 0),
    asExpected: status === spec.expect.status && code === spec.expect.code,
    startedAt: first?.startedAt ?? 0,
    finishedAt: last?.finishedAt ?? 0,
  };
}

async function runStep(
  h: Harness,
  step: Step,
  members: readonly Member[],
  log: (line: string) => void,
): Promise<Measurement> {
  step.before?.();
  if (step.clearCache) await clearCache(await h.worker());
  const primedBy: ActionRun[] = [];
  for (const p of step.prime) primedBy.push(await runAction(h, p));
  step.afterPrime?.();
  const cacheKeysBefore = (await cacheEntries(await h.worker())).map((e) => readableKey(e.key, members)).sort();
  const run = await runAction(h, typeof step.measure === 'function' ? step.measure() : step.measure);
  const lastPrime = primedBy.at(-1);
  const measurement: Measurement = {
    ...run,
    setup: step.setup,
    cacheClearedBefore: step.clearCache,
    cacheKeysBefore,
    primedBy,
    gapAfterPrimeMs: lastPrime ? run.startedAt - lastPrime.finishedAt : null,
    crossCheckOk: run.linkedinRequests === run.doubleRequests,
  };
  const what = step.phase === 'extra' ? `extra: ${step.title ?? step.row}` : `${step.row} ${step.phase}`;
  const via =
    primedBy.length > 0
      ? ` (primed by ${primedBy.map((p) => `${p.label}: ${p.status}${p.code ? `/${p.code}` : ''}, ${p.linkedinRequests} req`).join('; ')})`
      : '';
  log(
    `  ${what}: ${run.linkedinRequests} request(s) [${run.requests.map((r) => `${r.method} ${r.endpoint}`).join(', ')}] → ${run.status}${run.code ? `/${run.code}` : ''}${via}`,
  );
  return measurement;
}

export async function measureRequests(h: Harness, log: (line: string) => void): Promise<RequestResults> {
  const started = Date.now();
  const world = seedWorld(h.linkedin);
  const members = [
    world.connectTarget,
    world.withdrawTarget,
    world.urnTarget,
    world.friend,
    world.followTarget,
    h.linkedin.viewer,
  ];
  const before = h.linkedin.voyagerRequests().length;
  const windows: AuditRecord[] = [];
  const results = new Map<string, Measurement>();
  const extra: ExtraRow[] = [];
  for (const step of steps(h.linkedin, world)) {
    const m = await runStep(h, step, members, log);
    windows.push(...(await auditOf(await h.worker(), [...m.primedBy.map((p) => p.actionId), m.actionId])));
    if (step.phase === 'extra') extra.push({ key: step.row, title: step.title ?? step.row, measurement: m });
    else results.set(`${step.row}:${step.phase}`, m);
  }
  const during = h.linkedin.voyagerRequests().slice(before);
  const unattributed = during
    .filter((r) => !inWindow(r, windows))
    .map((r) => ({ endpoint: r.endpoint, method: r.method, at: r.at }));

  const rows: RequestRow[] = ROWS.map((def) => {
    const cold = results.get(`${def.key}:cold`);
    const warm = results.get(`${def.key}:warm`);
    if (!cold || !warm) throw new Error(`bench: no ${cold ? 'warm' : 'cold'} measurement for ${def.key}`);
    const notes: string[] = [];
    for (const [phase, m] of [
      ['cold', cold],
      ['warm', warm],
    ] as const) {
      if (!m.asExpected) notes.push(`${phase}: unexpected outcome ${m.status}/${m.code ?? '-'} (${m.message})`);
      if (!m.crossCheckOk) notes.push(`${phase}: audit says ${m.linkedinRequests}, the double saw ${m.doubleRequests}`);
      for (const p of m.primedBy)
        if (!p.asExpected) notes.push(`${phase}: priming ${p.label} ended ${p.status}/${p.code ?? '-'} (${p.message})`);
    }
    if (def.key === 'connect' && warm.gapAfterPrimeMs !== null && warm.gapAfterPrimeMs > RELATIONSHIP_TTL_AT_SCALE) {
      notes.push(
        `warm: ${warm.gapAfterPrimeMs} ms between priming and connect exceeds the scaled relationship-cache TTL (${RELATIONSHIP_TTL_AT_SCALE} ms)`,
      );
    }
    const passCold = cold.asExpected && cold.linkedinRequests <= def.goal.cold;
    const passWarm = warm.asExpected && warm.linkedinRequests <= def.goal.warm;
    return {
      key: def.key,
      action: def.label,
      type: def.type,
      input: def.input,
      goal: def.goal,
      cold,
      warm,
      pass: { cold: passCold, warm: passWarm, overall: passCold && passWarm },
      notes,
    };
  });

  const all: ActionRun[] = [
    ...rows.flatMap((r) => [r.cold, r.warm, ...r.cold.primedBy, ...r.warm.primedBy]),
    ...extra.flatMap((e) => [e.measurement, ...e.measurement.primedBy]),
  ];
  const mismatches = all
    .filter((a) => a.linkedinRequests !== a.doubleRequests)
    .map((a) => ({ actionId: a.actionId, label: a.label, audit: a.linkedinRequests, double: a.doubleRequests }));
  return {
    rows,
    extra,
    crossCheck: { actions: all.length, matching: all.length - mismatches.length, mismatches, unattributed },
    world: Object.fromEntries(members.map((m) => [m.slug, m.tail])),
    elapsedMs: Date.now() - started,
  };
}
