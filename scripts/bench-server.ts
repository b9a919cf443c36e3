/**
 * Benchmarks of the real server (server/), wired from bench.ts (`--only=server`)
 * or run alone (`tsx scripts/bench-server.ts`).
 *
 *  1. Latency, enqueue → mutation at the LinkedIn double: the extension is idle
 *     and configured against the server; one action at a time is created with
 *     an API call and the clock stops when the double records the write.
 *     Twice: with the wake-up WebSocket, and with it blocked (poll only).
 *  2. Lease throughput: 4 concurrent executor clients over HTTP lease (max 25)
 *     and report a result for every action, against a server process on PGlite
 *     and (through with-postgres.mjs) on PostgreSQL.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness } from '../e2e/harness';
import { serverSecret } from '../server/config';
import { operate } from '../server/domain/operator';
import { openStorage, startServer } from '../server/server';
import { spawnServer } from '../server/test/processes';
import { ROOT, buildExtension } from '../e2e/build-extension';
import { median, ms, sleep } from './bench-stats';
import { apiClient } from './outbound-client';

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

async function measureLatency(
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

export interface ThroughputResult {
  engine: 'pglite' | 'postgres';
  replicas: number;
  clients: number;
  actions: number;
  seconds: number;
  actionsPerSecond: number;
}

/**
 * Seeds `perExecutor` queued actions for each of `clients` executors straight
 * into the database (not timed), starts `replicas` server processes, then times
 * the clients leasing and reporting everything over HTTP.
 */
export async function measureThroughput(opts: {
  databaseUrl?: string;
  clients?: number;
  perExecutor?: number;
  replicas?: number;
}): Promise<ThroughputResult> {
  const clients = opts.clients ?? 4;
  const perExecutor = opts.perExecutor ?? 2500;
  const replicas = opts.replicas ?? 1;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oe-bench-tp-'));
  const secret = serverSecret(dataDir);
  const db = await openStorage({ dataDir, databaseUrl: opts.databaseUrl });
  const workspace = `bench-${Date.now()}`;
  const tokens: string[] = [];
  for (let i = 0; i < clients; i += 1) {
    const made = await operate(db, secret, 'executors.create', { workspace });
    tokens.push(made.secret ?? '');
    await db.query(
      `INSERT INTO actions (id, workspace_id, executor_id, type, params, idempotency_key, requested_by, status, created_at, updated_at)
       SELECT 'act_b' || $1::text || '_' || g, $2, $3, 'save', '{"post":"7123456789012345678"}'::jsonb, gen_random_uuid()::text, '{}'::jsonb, 'queued',
              now() + g * interval '1 microsecond', now()
       FROM generate_series(1, $4::int) AS g`,
      [`${i}_${Date.now()}`, made.workspace, made.id, perExecutor],
    );
  }
  await db.close();
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl, PG_POOL_MAX: '20' } : {}),
  };
  const servers = await Promise.all(
    Array.from({ length: opts.databaseUrl ? replicas : 1 }, () =>
      spawnServer(env, process.env['BENCH_SERVER_NODE_ARGS']?.split(' ') ?? []),
    ),
  );
  try {
    const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
    const started = performance.now();
    let done = 0;
    await Promise.all(
      tokens.map(async (token, i) => {
        const base = servers[i % servers.length]?.url ?? '';
        for (;;) {
          const res = await fetch(`${base}/v1/executor/lease`, {
            method: 'POST',
            headers: headers(token),
            body: JSON.stringify({ max: 25, accept: ['save'], account: null }),
          });
          const { actions } = (await res.json()) as { actions: Array<{ id: string; idempotencyKey: string }> };
          if (actions.length === 0) return;
          const now = new Date().toISOString();
          const answers = await Promise.all(
            actions.map((a) =>
              fetch(`${base}/v1/executor/actions/${a.id}/result`, {
                method: 'POST',
                headers: headers(token),
                body: JSON.stringify({
                  idempotencyKey: a.idempotencyKey,
                  status: 'succeeded',
                  code: null,
                  message: 'saved',
                  output: { saved: true },
                  retryAt: null,
                  attempts: 1,
                  startedAt: now,
                  finishedAt: now,
                }),
              }),
            ),
          );
          for (const r of answers) {
            if (r.status !== 200) throw new Error(`result answered ${r.status}: ${await r.text()}`);
            done += 1;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (done !== clients * perExecutor)
      throw new Error(`only ${done} of ${clients * perExecutor} actions went through`);
    return {
      engine: opts.databaseUrl ? 'postgres' : 'pglite',
      replicas: servers.length,
      clients,
      actions: done,
      seconds: Math.round(seconds * 100) / 100,
      actionsPerSecond: Math.round(done / seconds),
    };
  } finally {
    await Promise.all(servers.map((s) => s.kill()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs the Postgres throughput in a child under with-postgres.mjs; null when PostgreSQL could not be set up. */
function postgresThroughput(log: (s: string) => void): ThroughputResult[] | null {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'oe-bench-pg-')), 'result.json');
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'scripts', 'with-postgres.mjs'),
      '--',
      process.execPath,
      '--import',
      'tsx',
      path.join(ROOT, 'scripts', 'bench-server.ts'),
      `--postgres-json=${out}`,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (!existsSync(out)) {
    log('  PostgreSQL: could not be set up (see above); no figure');
    return null;
  }
  return JSON.parse(readFileSync(out, 'utf8')) as ThroughputResult[];
}

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

export async function measureServer(
  log: (s: string) => void,
  opts: { actions?: number; extensionDir?: string } = {},
): Promise<ServerBenchResults> {
  const actions = opts.actions ?? 50;
  const extensionDir =
    opts.extensionDir ??
    buildExtension(LATENCY_SCALE, {
      force: true,
      outDir: path.join(ROOT, 'bench', 'tmp', `ext-scale-${LATENCY_SCALE}`),
    });
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

// As a child of with-postgres.mjs: measure on DATABASE_URL and write the figures.
const postgresJson = process.argv.find((a) => a.startsWith('--postgres-json='))?.slice('--postgres-json='.length);
if (postgresJson) {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('--postgres-json needs DATABASE_URL');
  const results = [
    await measureThroughput({ databaseUrl: url, replicas: 1 }),
    await measureThroughput({ databaseUrl: url, replicas: 2 }),
  ];
  writeFileSync(postgresJson, JSON.stringify(results));
  process.exit(0);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureServer(console.log);
  console.log(JSON.stringify(r, null, 2));
  process.exit(0);
}
