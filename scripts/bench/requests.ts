/** LinkedIn requests per action type, cold and warm caches (requests/: rows, world, steps, measure). */
import { measureRequests } from './requests/measure';
import type { RequestResults } from './requests/results';
import type { BenchMeasurement } from './types';

function print(r: RequestResults): void {
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

export const requests: BenchMeasurement<RequestResults> = {
  key: 'requests',
  title: 'LinkedIn requests per action type, cold and warm caches',
  run: (ctx) => ctx.withHarness(ctx.extensionDir(), (h) => measureRequests(h, ctx.log)),
  summary: (r) =>
    r.rows.map((row) => ({
      action: row.action,
      cold: row.cold.linkedinRequests,
      warm: row.warm.linkedinRequests,
      goal: row.goal,
      pass: row.pass.overall,
    })),
  print,
};
