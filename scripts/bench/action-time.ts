/**
 * The executor's own time per action, network excluded (scripts/bench-worker.ts):
 * the worker's `executor:action:<type>` measures (src/background/action-timing.ts:
 * a job's wall time minus the time inside the LinkedIn transport; IndexedDB and
 * chrome.storage writes included), over a mix of twelve action types per round,
 * on a scale-100 build (spacing 0.3–0.6 s) against the LinkedIn double.
 */
import type { Worker } from '@playwright/test';
import type { ActionType } from '../../contract/protocol';
import { startHarness } from '../../e2e/harness';
import type { ActionTimingDetail } from '../../src/background/action-timing';
import { distribution, type Distribution } from './distribution';

interface ActionMeasure {
  type: string;
  ms: number;
  totalMs: number;
  networkMs: number;
}

/** Takes (and clears) the worker's action measures. */
async function takeMeasures(worker: Worker): Promise<ActionMeasure[]> {
  return worker.evaluate(() => {
    const entries = performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('executor:action:')) as PerformanceMeasure[];
    for (const name of new Set(entries.map((e) => e.name))) performance.clearMeasures(name);
    return entries.map((e) => {
      const d = e.detail as ActionTimingDetail;
      return {
        type: e.name.slice('executor:action:'.length),
        ms: e.duration,
        totalMs: d.totalMs,
        networkMs: d.networkMs,
      };
    });
  });
}

export async function measureActions(extensionDir: string, rounds: number, headed: boolean, log: (s: string) => void) {
  const h = await startHarness({ extensionDir, headed });
  try {
    const li = h.linkedin;
    li.addCompany({ id: '4004', slug: 'cpu-company', name: 'CPU Company' });
    const friend = li.addMember({ slug: 'cpu-friend', firstName: 'Fran', lastName: 'Friend', distance: 1 });
    const measures: ActionMeasure[] = [];
    let failed = 0;
    for (let round = 0; round < rounds; round += 1) {
      const member = li.addMember({
        slug: `cpu-member-${round}`,
        firstName: 'Mem',
        lastName: `Ber${round}`,
        distance: 2,
      });
      const post = li.addPost({ id: String(7400000000000000000n + BigInt(round)) }).threadUrn;
      const profile = `https://www.linkedin.com/in/${member.slug}/`;
      const mix: Array<{ type: ActionType; params: Record<string, unknown> }> = [
        { type: 'follow_member', params: { profile } },
        { type: 'unfollow_member', params: { profile } },
        { type: 'save', params: { post } },
        { type: 'unsave', params: { post } },
        { type: 'react', params: { post, reaction: 'LIKE' } },
        { type: 'unreact', params: { post } },
        { type: 'comment', params: { post, text: `Benchmark comment ${round}` } },
        { type: 'message', params: { profile: friend.slug, text: `Benchmark message ${round}` } },
        { type: 'follow_company', params: { company: '4004' } },
        { type: 'unfollow_company', params: { company: '4004' } },
        { type: 'connect', params: { profile, note: '' } },
        { type: 'withdraw', params: { profile } },
      ];
      for (const spec of mix) {
        const queued = h.backend.enqueue(spec);
        await h.backend.waitForFinal([queued.id], 90_000);
        if (h.backend.finalResult(queued.id)?.status !== 'succeeded') failed += 1;
        measures.push(...(await takeMeasures(await h.worker())));
      }
      log(`  round ${round + 1}/${rounds}: ${measures.length} action measures so far`);
    }
    const byType: Record<string, Distribution> = {};
    for (const type of new Set(measures.map((m) => m.type)))
      byType[type] = distribution(measures.filter((m) => m.type === type).map((m) => m.ms));
    return {
      measured:
        'per job: wall time in the worker minus the time inside the LinkedIn transport (src/background/action-timing.ts); includes IndexedDB writes',
      overall: distribution(measures.map((m) => m.ms)),
      totalWithNetwork: distribution(measures.map((m) => m.totalMs)),
      byType,
      actionsNotSucceeded: failed,
      measures,
    };
  } finally {
    await h.close();
  }
}
