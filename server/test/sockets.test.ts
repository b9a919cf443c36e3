/**
 * What needs real sockets and processes: the wake-up WebSocket, webhooks
 * (signature, retries, surviving a restart), a server SIGKILLed between
 * lease and result, and two replicas leasing concurrently from one Postgres.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serverSecret } from '../config';
import { operate } from '../domain/operator';
import type { RunningServer } from '../server';
import { openStorage } from '../server';
import { DATABASE_URL, ENGINE, client, json, sleep, tempDir, testServer } from './helpers';
import { spawnServer, type ServerProcess } from './processes';

const socketFetch = (base: string) => (p: string, init: RequestInit) => fetch(`${base}${p}`, init);
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver answering `status()` to each delivery. */
async function receiver(status: () => number): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const srv = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`,
    got,
    close: () => new Promise((r) => srv.close(() => r())),
  };
}

describe(`wake-up WebSocket (${ENGINE})`, { timeout: 30_000 }, () => {
  it('sends {"type":"wake"} the moment an action is queued; refuses a bad token', async () => {
    const server = await testServer({ listen: true });
    cleanups.push(() => server.close());
    const c = await client(server, { fetchish: socketFetch(server.url) });
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/executor/ws`, [`bearer.${c.token}`]);
    const frames: string[] = [];
    ws.on('message', (d: Buffer) => frames.push(d.toString()));
    await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
    expect(ws.protocol).toBe(`bearer.${c.token}`);
    const t0 = Date.now();
    await c.api('POST', '/v1/outbound/posts/7123456789012345678/save', {});
    await until('a wake frame', () => frames.length > 0, 2000);
    expect(frames[0]).toBe('{"type":"wake"}');
    expect(Date.now() - t0).toBeLessThan(1000);
    ws.close();
    const bad = new WebSocket(`${server.url.replace('http', 'ws')}/v1/executor/ws`, ['bearer.obx_wrong']);
    const status = await new Promise<number>((resolve) =>
      bad.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)).once('error', () => resolve(-1)),
    );
    expect(status).toBe(401);
  });
});

describe(`webhooks (${ENGINE})`, { timeout: 30_000 }, () => {
  it('POSTs the final action signed with the workspace secret, retrying with backoff until a 2xx', async () => {
    const server = await testServer({ config: { webhookBaseDelayMs: 100 } });
    cleanups.push(() => server.close());
    let calls = 0;
    const hook = await receiver(() => (++calls <= 2 ? 500 : 204));
    cleanups.push(() => hook.close());
    const c = await client(server);
    const secret =
      (await operate(server.deps.db, server.deps.secret, 'webhooks.secret', { workspace: c.workspace })).secret ?? '';
    await operate(server.deps.db, server.deps.secret, 'webhooks.url', { workspace: c.workspace, url: hook.url });
    const { id } = await json<{ id: string }>(await c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' }));
    const [a] = await c.lease();
    await c.report(id, a?.idempotencyKey ?? '', { output: { following: true } });
    await until('three delivery attempts', () => hook.got.length >= 3);
    await sleep(300);
    expect(hook.got).toHaveLength(3);
    const last = hook.got[2];
    const body = last?.body ?? '';
    expect(last?.headers['x-outbound-signature']).toBe(
      `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    );
    expect(last?.headers['x-outbound-delivery']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(new Set(hook.got.map((g) => g.headers['x-outbound-delivery'])).size).toBe(1);
    expect(JSON.parse(body)).toMatchObject({
      id,
      status: 'succeeded',
      result: { status: 'succeeded', output: { following: true } },
    });
  });

  it('keeps an undelivered webhook across a server restart', async () => {
    const dataDir = tempDir();
    let up = false;
    const hook = await receiver(() => (up ? 200 : 503));
    cleanups.push(() => hook.close());
    const first = await testServer({ dataDir, config: { webhookBaseDelayMs: 200 } });
    const c = await client(first);
    await operate(first.deps.db, first.deps.secret, 'webhooks.url', { workspace: c.workspace, url: hook.url });
    const { id } = await json<{ id: string }>(await c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' }));
    const [a] = await c.lease();
    await c.report(id, a?.idempotencyKey ?? '');
    await until('a failed attempt', () => hook.got.length >= 1);
    await first.close();
    const seen = hook.got.length;
    up = true;
    const second = await testServer({ dataDir, config: { webhookBaseDelayMs: 200 } });
    cleanups.push(() => second.close());
    await until('the delivery after the restart', () => hook.got.length > seen);
    const rows = await second.deps.db.query<{ state: string }>(
      'SELECT state FROM webhook_deliveries WHERE action_id = $1',
      [id],
    );
    await until(
      'delivered state',
      async () =>
        (
          await second.deps.db.query<{ state: string }>('SELECT state FROM webhook_deliveries WHERE action_id = $1', [
            id,
          ])
        )[0]?.state === 'delivered',
    );
    expect(rows).toHaveLength(1);
  });
});

describe(`a server killed between lease and result loses nothing (${ENGINE})`, () => {
  it('the action comes back after its lease with the same idempotencyKey, and the result is taken', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir, LEASE_TTL_MS: '8000', ...(DATABASE_URL ? { DATABASE_URL } : {}) };
    // The workspace is made before the server opens the database (PGlite allows one process).
    const db = await openStorage({ dataDir, databaseUrl: DATABASE_URL });
    const secret = serverSecret(dataDir);
    const ws = `kill-${Date.now()}`;
    const key = (await operate(db, secret, 'keys.create', { workspace: ws })).secret ?? '';
    const token = (await operate(db, secret, 'executors.create', { workspace: ws })).secret ?? '';
    await db.close();
    let proc: ServerProcess = await spawnServer(env);
    cleanups.push(() => proc.kill());
    const headers = { 'Content-Type': 'application/json' };
    const exec = (p: string, body: unknown) =>
      fetch(`${proc.url}${p}`, {
        method: 'POST',
        headers: { ...headers, Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const beat = {
      state: 'active',
      pausedUntil: null,
      pauseReason: null,
      account: null,
      limits: [],
      queue: { running: 0, outbox: 0 },
    };
    expect((await exec('/v1/executor/heartbeat', beat)).status).toBe(200);
    const created = await fetch(`${proc.url}/v1/outbound/follows/member`, {
      method: 'POST',
      headers: { ...headers, Authorization: `Bearer ${key}` },
      body: JSON.stringify({ profile: 'jdoe' }),
    });
    const { id } = (await created.json()) as { id: string };
    const lease1 = (await (
      await exec('/v1/executor/lease', { max: 5, accept: ['follow_member'], account: null })
    ).json()) as { actions: Array<{ id: string; idempotencyKey: string; leaseExpiresAt: string }> };
    expect(lease1.actions.map((x) => x.id)).toEqual([id]);

    await proc.kill('SIGKILL');
    proc = await spawnServer(env);
    const none = (await (
      await exec('/v1/executor/lease', { max: 5, accept: ['follow_member'], account: null })
    ).json()) as { actions: unknown[] };
    // Still leased after the restart: nothing is handed out twice while the lease runs.
    expect(none.actions).toHaveLength(0);
    await sleep(Date.parse(lease1.actions[0]?.leaseExpiresAt ?? '') - Date.now() + 200);
    const lease2 = (await (
      await exec('/v1/executor/lease', { max: 5, accept: ['follow_member'], account: null })
    ).json()) as { actions: Array<{ id: string; idempotencyKey: string }> };
    expect(lease2.actions).toEqual([
      expect.objectContaining({ id, idempotencyKey: lease1.actions[0]?.idempotencyKey }),
    ]);
    const now = new Date().toISOString();
    const res = await exec(`/v1/executor/actions/${id}/result`, {
      idempotencyKey: lease2.actions[0]?.idempotencyKey,
      status: 'succeeded',
      code: null,
      message: 'ok',
      output: {},
      retryAt: null,
      attempts: 1,
      startedAt: now,
      finishedAt: now,
    });
    expect(res.status).toBe(200);
    const read = await fetch(`${proc.url}/v1/outbound/actions/${id}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(((await read.json()) as { status: string }).status).toBe('succeeded');
    await proc.kill();
    // Secrets never reach the logs.
    for (const secret of [key, token, serverSecret(dataDir)]) expect(proc.output()).not.toContain(secret);
  }, 60_000);
});

describe.skipIf(!DATABASE_URL)('two server processes on one PostgreSQL', () => {
  it("lease concurrently without ever handing one action out twice, and wake each other's executors", async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir, DATABASE_URL: DATABASE_URL ?? '' };
    const [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    cleanups.push(
      () => a.kill(),
      () => b.kill(),
    );
    const setup: RunningServer = await testServer({ dataDir });
    cleanups.push(() => setup.close());
    const c = await client(setup, { fetchish: socketFetch(a.url) });
    // Wake-up across replicas: the socket is on B, the action is queued on A.
    const ws = new WebSocket(`${b.url.replace('http', 'ws')}/v1/executor/ws`, [`bearer.${c.token}`]);
    const frames: string[] = [];
    ws.on('message', (d: Buffer) => frames.push(d.toString()));
    await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
    const N = 300;
    for (let i = 0; i < N; i += 30) {
      await Promise.all(
        Array.from({ length: 30 }, (_, j) =>
          c.api('POST', '/v1/outbound/follows/member', { profile: `person-${i + j}` }),
        ),
      );
    }
    await until('a wake frame from the other replica', () => frames.length > 0, 5000);
    ws.close();
    const bases = [a.url, b.url, a.url, b.url];
    const seen: string[] = [];
    await Promise.all(
      bases.map(async (base) => {
        for (;;) {
          const res = await fetch(`${base}/v1/executor/lease`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${c.token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ max: 7, accept: ['follow_member'], account: null }),
          });
          const { actions } = (await res.json()) as { actions: Array<{ id: string }> };
          if (actions.length === 0) return;
          seen.push(...actions.map((x) => x.id));
        }
      }),
    );
    expect(seen).toHaveLength(N);
    expect(new Set(seen).size).toBe(N);
  }, 90_000);
});
