/**
 * Shared by the server's tests: a server on PGlite (in memory, or in a
 * directory when a test restarts it) or, when DATABASE_URL is set, on that
 * PostgreSQL; a fresh workspace per test keeps tests apart on one database.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACTION_TYPES, type Heartbeat } from '../../contract/protocol';
import { operate } from '../domain/operator';
import { startServer, type RunningServer, type StartOptions } from '../server';

export const DATABASE_URL = process.env['DATABASE_URL'] || undefined;
export const ENGINE = DATABASE_URL ? 'postgres' : 'pglite';

export function tempDir(prefix = 'oe-server-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function testServer(opts: Partial<StartOptions> = {}): Promise<RunningServer> {
  const persistent = opts.dataDir !== undefined;
  return startServer({
    dataDir: opts.dataDir ?? tempDir(),
    databaseUrl: DATABASE_URL,
    memory: !DATABASE_URL && !persistent,
    listen: false,
    webhookIntervalMs: 100,
    ...opts,
    // Every test server may run the webhooks of any test on a shared Postgres: all retry fast.
    config: { webhookBaseDelayMs: 100, ...opts.config },
  });
}

export function heartbeat(over: Partial<Heartbeat> = {}): Heartbeat {
  return {
    state: 'active',
    pausedUntil: null,
    pauseReason: null,
    account: { memberUrn: 'urn:li:fsd_profile:ACoAAOWNER', publicIdentifier: 'owner' },
    limits: [],
    queue: { running: 0, outbox: 0 },
    ...over,
  };
}

type Fetchish = (path: string, init: RequestInit) => Promise<Response>;

export interface Client {
  workspace: string;
  key: string;
  token: string;
  /** The public API as an API client calls it. */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The executor protocol as the extension calls it. */
  exec(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  beat(over?: Partial<Heartbeat>): Promise<void>;
  lease(
    max?: number,
    accept?: string[],
  ): Promise<
    Array<{ id: string; type: string; idempotencyKey: string; params: Record<string, unknown>; leaseExpiresAt: string }>
  >;
  report(id: string, idempotencyKey: string, over?: Record<string, unknown>): Promise<Response>;
}

export const ALL_TYPES: string[] = [...ACTION_TYPES];

/** A new workspace with a key and one executor (heartbeat sent unless `beat: false`), talking to `fetchish` (app.request or a socket). */
export async function client(
  server: RunningServer,
  opts: { beat?: boolean; fetchish?: Fetchish; name?: string } = {},
): Promise<Client> {
  const workspace = opts.name ?? `ws-${randomUUID().slice(0, 8)}`;
  const key = (await operate(server.deps.db, server.deps.secret, 'keys.create', { workspace })).secret ?? '';
  const token = (await operate(server.deps.db, server.deps.secret, 'executors.create', { workspace })).secret ?? '';
  const f: Fetchish = opts.fetchish ?? (async (p, init) => server.app.request(p, init));
  const c: Client = {
    workspace,
    key,
    token,
    api: (method, p, body, headers = {}) =>
      f(p, {
        method,
        headers: {
          Authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    exec: (p, body, headers = {}) =>
      f(p, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'X-Executor-Id': '6b1f5c3e-8d1a-4a52-9d0e-0f6a1d2c3b4a',
          'X-Executor-Version': '0.1.0',
          ...headers,
        },
        body: JSON.stringify(body),
      }),
    async beat(over = {}) {
      const res = await c.exec('/v1/executor/heartbeat', heartbeat(over));
      if (res.status !== 200) throw new Error(`heartbeat: ${res.status} ${await res.text()}`);
    },
    async lease(max = 25, accept = ALL_TYPES) {
      const res = await c.exec('/v1/executor/lease', { max, accept, account: heartbeat().account });
      if (res.status !== 200) throw new Error(`lease: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { actions: Awaited<ReturnType<Client['lease']>> }).actions;
    },
    report(id, idempotencyKey, over = {}) {
      const now = new Date().toISOString();
      return c.exec(`/v1/executor/actions/${encodeURIComponent(id)}/result`, {
        idempotencyKey,
        status: 'succeeded',
        code: null,
        message: 'done',
        output: {},
        retryAt: null,
        attempts: 1,
        startedAt: now,
        finishedAt: now,
        ...over,
      });
    },
  };
  if (opts.beat ?? true) await c.beat();
  return c;
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
