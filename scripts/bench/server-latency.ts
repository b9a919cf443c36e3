/**
 * Latency, enqueue → mutation at the LinkedIn double: the extension is idle
 * and configured against the real server; one action at a time is created
 * with an API call and the clock stops when the double records the write.
 */
import { rmSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness } from '../../e2e/harness';
import { operate } from '../../server/domain/operator';
import { startServer } from '../../server/server';
import { apiClient } from '../outbound-client';
import { median, ms, sleep } from './stats';

/** Spacing 30–60 s lasts 0.3–0.6 s; the gap between actions (≥ 0.7 s) keeps the executor idle, so spacing never delays a write. */
export const LATENCY_SCALE = 100;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export interface LatencyResult {
  mode: 'websocket' | 'poll-only';
  actions: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  medianMs: number;
  pollAfterMs: number;
  pollIntervalAtThisScaleMs: number;
}

export async function measureLatency(
  extensionDir: string,
  mode: LatencyResult['mode'],
  actions: number,
  log: (s: string) => void,
): Promise<LatencyResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oe-bench-lat-'));
  // The protocol's longest poll hint, so a poll rarely beats the wake-up by chance.
  const pollAfterMs = 60_000;
  const server = await startServer({ dataDir, port: 0, wakeSocket: mode === 'websocket', config: { pollAfterMs } });
  const harness = await startHarness({ extensionDir, configure: false, backgroundTab: true });
  try {
    const key = (await operate(server.deps.db, server.deps.secret, 'keys.create', { workspace: 'bench' })).secret ?? '';
    const token =
      (await operate(server.deps.db, server.deps.secret, 'executors.create', { workspace: 'bench' })).secret ?? '';
    const post = harness.linkedin.addPost({ id: '7123456789012345678' });
    const page = await harness.configure({ backendUrl: server.url, token });
    await page.getByText('Saved.').waitFor();
    await page.close();
    const api = apiClient(server.url, key);
    for (let i = 0; ; i += 1) {
      const { body } = await api.call<{ executors: Array<{ online: boolean }> }>('GET', '/v1/outbound/executors');
      if (body.executors[0]?.online) break;
      if (i > 300) throw new Error('executor never came online');
      await sleep(100);
    }
    if (mode === 'websocket') {
      for (let i = 0; server.wsOpen === 0; i += 1) {
        if (i > 200) throw new Error('the extension never opened the wake-up socket');
        await sleep(50);
      }
    }
    const samples: number[] = [];
    for (let i = 0; i < actions; i += 1) {
      // Idle: past the spacing, at a random phase of the poll cycle.
      await sleep(700 + Math.random() * 600);
      const before = harness.linkedin.mutations().length;
      const t0 = performance.now();
      // save / unsave alternate, so every action is a real write.
      const res = await api.create(i % 2 === 0 ? 'save' : 'unsave', { post: post.id });
      if (res.status !== 202) throw new Error(`create answered ${res.status}: ${JSON.stringify(res.body)}`);
      while (harness.linkedin.mutations().length === before) {
        if (performance.now() - t0 > 30_000) throw new Error(`no mutation 30 s after action ${i}`);
        await sleep(2);
      }
      samples.push(performance.now() - t0);
    }
    const result: LatencyResult = {
      mode,
      actions,
      p50Ms: ms(percentile(samples, 50)),
      p95Ms: ms(percentile(samples, 95)),
      maxMs: ms(Math.max(...samples)),
      medianMs: ms(median(samples)),
      pollAfterMs,
      pollIntervalAtThisScaleMs: Math.max(pollAfterMs / LATENCY_SCALE, 50),
    };
    log(`  ${mode}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms over ${actions} actions`);
    return result;
  } finally {
    await harness.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
