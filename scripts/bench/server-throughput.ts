/**
 * Lease throughput: 4 concurrent executor clients over HTTP lease (max 25)
 * and report a result for every action, against a server process on PGlite
 * and (through with-postgres.mjs, this file as the child) on PostgreSQL.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serverSecret } from '../../server/config';
import { operate } from '../../server/domain/operator';
import { openStorage } from '../../server/server';
import { spawnServer } from '../../server/test/processes';
import { ROOT } from '../../e2e/build-extension';

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
export function postgresThroughput(log: (s: string) => void): ThroughputResult[] | null {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'oe-bench-pg-')), 'result.json');
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'scripts', 'with-postgres.mjs'),
      '--',
      process.execPath,
      '--import',
      'tsx',
      path.join(ROOT, 'scripts', 'bench', 'server-throughput.ts'),
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
}
