/**
 * The real server (server/): enqueue → LinkedIn write latency with and
 * without the wake-up WebSocket (server-latency.ts); lease throughput on
 * PGlite and PostgreSQL (server-throughput.ts).
 */
import { measureLatency, LATENCY_SCALE, type LatencyResult } from './server-latency';
import { measureThroughput, postgresThroughput, type ThroughputResult } from './server-throughput';
import type { BenchContext, BenchMeasurement } from './types';

export interface ServerBenchResults {
  latency: {
    timeScale: number;
    measured: string;
    websocket: LatencyResult;
    pollOnly: LatencyResult;
    goalP50Ms: number;
  };
  throughput: {
    measured: string;
    pglite: ThroughputResult;
    postgres: ThroughputResult[] | null;
    goals: { pglite: number; postgres: number };
  };
}

/** The bench build runs at LATENCY_SCALE (100): its spacing never delays a write between the idle gaps. */
export async function measureServer(
  log: (s: string) => void,
  extensionDir: string,
  actions = 50,
): Promise<ServerBenchResults> {
  log(
    `  latency: enqueue (API call) → mutation at the LinkedIn double, ${actions} actions, build EXECUTOR_TIME_SCALE=${LATENCY_SCALE}`,
  );
  const websocket = await measureLatency(extensionDir, 'websocket', actions, log);
  const pollOnly = await measureLatency(extensionDir, 'poll-only', actions, log);
  log('  throughput: 4 executor clients over HTTP, lease max 25 + one result per action');
  const pglite = await measureThroughput({});
  log(`  PGlite: ${pglite.actionsPerSecond} actions/s (${pglite.actions} in ${pglite.seconds} s)`);
  const postgres = postgresThroughput(log);
  for (const r of postgres ?? [])
    log(
      `  PostgreSQL, ${r.replicas} server process(es): ${r.actionsPerSecond} actions/s (${r.actions} in ${r.seconds} s)`,
    );
  return {
    latency: {
      timeScale: LATENCY_SCALE,
      measured:
        'performance.now() before the POST /v1/outbound/posts/{post}/save|save/remove → the LinkedIn double records the write; executor idle (0.7–1.3 s between actions, past the scaled spacing), server pollAfterMs 60000 (scaled: 600 ms)',
      websocket,
      pollOnly,
      goalP50Ms: 1000,
    },
    throughput: {
      measured:
        '4 executors × 2,500 seeded save actions; each client loops lease(max 25) then POSTs the 25 results concurrently; server in its own process; clients in the bench process; actions leased and resulted per second',
      pglite,
      postgres,
      goals: { pglite: 1000, postgres: 5000 },
    },
  };
}

export const server: BenchMeasurement<ServerBenchResults> = {
  key: 'server',
  title: 'The server: enqueue → LinkedIn write latency, lease throughput',
  run: (ctx: BenchContext) => measureServer(ctx.log, ctx.extensionDir()),
  summary: (r) => ({
    latencyWebsocket: { p50Ms: r.latency.websocket.p50Ms, p95Ms: r.latency.websocket.p95Ms },
    latencyPollOnly: { p50Ms: r.latency.pollOnly.p50Ms, p95Ms: r.latency.pollOnly.p95Ms },
    latencyTimeScale: r.latency.timeScale,
    throughputPgliteActionsPerSecond: r.throughput.pglite.actionsPerSecond,
    throughputPostgresActionsPerSecond:
      r.throughput.postgres?.map((t) => ({ replicas: t.replicas, actionsPerSecond: t.actionsPerSecond })) ?? null,
    goals: {
      latencyP50Ms: r.latency.goalP50Ms,
      pglite: r.throughput.goals.pglite,
      postgres: r.throughput.goals.postgres,
    },
  }),
  print(r) {
    console.table([
      { figure: 'latency p50/p95, WebSocket', value: `${r.latency.websocket.p50Ms} / ${r.latency.websocket.p95Ms} ms` },
      { figure: 'latency p50/p95, poll only', value: `${r.latency.pollOnly.p50Ms} / ${r.latency.pollOnly.p95Ms} ms` },
      { figure: 'lease throughput, PGlite', value: `${r.throughput.pglite.actionsPerSecond} actions/s` },
      ...(r.throughput.postgres ?? []).map((t) => ({
        figure: `lease throughput, PostgreSQL × ${t.replicas}`,
        value: `${t.actionsPerSecond} actions/s`,
      })),
    ]);
  },
};
