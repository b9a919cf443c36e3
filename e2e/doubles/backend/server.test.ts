import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ActionResult, Heartbeat, LeaseRequest } from '../../../contract/protocol';
import { startBackendDouble, type BackendDouble } from './server';

const EXECUTOR_ID = randomUUID();
let backend: BackendDouble;

beforeEach(async () => {
  backend = await startBackendDouble({ token: 'secret-token' });
});
afterEach(async () => {
  await backend.close();
});

function apiHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    authorization: `Bearer ${backend.token}`,
    'content-type': 'application/json',
    'x-executor-id': EXECUTOR_ID,
    'x-executor-version': '0.1.0',
    ...overrides,
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = v;
  return out;
}

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string | undefined> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(backend.url + path, {
    method: 'POST',
    headers: apiHeaders(headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
}

const leaseReq = (over: Partial<LeaseRequest> = {}): LeaseRequest => ({
  max: 5,
  accept: ['follow_member', 'react'],
  account: { memberUrn: 'urn:li:fsd_profile:ACoAAB1234', publicIdentifier: 'jdoe' },
  ...over,
});

interface LeaseBody {
  actions: Array<Record<string, unknown>>;
  pollAfterMs: number;
  queued: number;
}
async function lease(over: Partial<LeaseRequest> = {}): Promise<LeaseBody> {
  const res = await post('/v1/executor/lease', leaseReq(over));
  expect(res.status).toBe(200);
  return res.body as LeaseBody;
}

const resultOf = (idempotencyKey: string, over: Partial<ActionResult> = {}): ActionResult => ({
  idempotencyKey,
  status: 'succeeded',
  code: null,
  message: 'ok',
  output: { following: true },
  retryAt: null,
  attempts: 1,
  startedAt: new Date().toISOString(),
  finishedAt: new Date().toISOString(),
  ...over,
});

const heartbeat: Heartbeat = {
  state: 'active',
  pausedUntil: null,
  pauseReason: null,
  account: null,
  limits: [{ bucket: 'follows', window: 'day', limit: 100, used: 3, resetsAt: null, nextAvailableAt: null }],
  queue: { running: 0, outbox: 0 },
};

describe('CORS and auth', () => {
  it('answers a preflight on any path with 204 and the CORS headers, and repeats the origin on answers', async () => {
    const origin = 'chrome-extension://abcdefghijklmnop';
    const res = await fetch(`${backend.url}/anything/at/all`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, x-executor-id, x-executor-version',
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');

    const noOrigin = await post('/v1/executor/heartbeat', heartbeat);
    expect(noOrigin.headers.get('access-control-allow-origin')).toBe('*');
    const withOrigin = await post('/v1/executor/heartbeat', heartbeat, { origin, authorization: 'Bearer nope' });
    expect(withOrigin.status).toBe(401);
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('checks the token, the executor headers and the content type', async () => {
    expect(await post('/v1/executor/heartbeat', heartbeat, { authorization: 'Bearer wrong' })).toMatchObject({
      status: 401,
      body: { error: 'unauthorized' },
    });
    expect((await post('/v1/executor/heartbeat', heartbeat, { authorization: undefined })).status).toBe(401);
    const noId = await post('/v1/executor/heartbeat', heartbeat, { 'x-executor-id': undefined });
    expect(noId.status).toBe(400);
    expect(JSON.stringify(noId.body)).toContain('x-executor-id');
    expect((await post('/v1/executor/heartbeat', heartbeat, { 'x-executor-id': 'not-a-uuid' })).status).toBe(400);
    const noVersion = await post('/v1/executor/heartbeat', heartbeat, { 'x-executor-version': undefined });
    expect(noVersion.status).toBe(400);
    expect(JSON.stringify(noVersion.body)).toContain('x-executor-version');
    const badType = await post('/v1/executor/heartbeat', heartbeat, { 'content-type': 'text/plain' });
    expect(badType.status).toBe(400);
    expect(JSON.stringify(badType.body)).toContain('content-type');
    expect(backend.heartbeats).toHaveLength(0);
    expect(
      (await post('/v1/executor/heartbeat', heartbeat, { 'content-type': 'application/json; charset=utf-8' })).status,
    ).toBe(200);
    expect((await post('/v1/executor/nope', {})).status).toBe(404);
  });
});

describe('lease', () => {
  it('leases accepted types FIFO up to max, with a lease expiry and the remaining count', async () => {
    const a1 = backend.enqueue({ type: 'follow_member', params: { profile: 'a' } });
    const a2 = backend.enqueue({ type: 'connect', params: { profile: 'b' } });
    const a3 = backend.enqueue({ type: 'react', params: { post: '1', reaction: 'LIKE' } });
    const a4 = backend.enqueue({ type: 'follow_member', params: { profile: 'c' } });
    const before = Date.now();
    const body = await lease({ max: 2 });
    expect(body.actions.map((a) => a['id'])).toEqual([a1.id, a3.id]);
    expect(body.pollAfterMs).toBe(30_000);
    expect(body.queued).toBe(2);
    const first = body.actions[0] ?? {};
    expect(first).toMatchObject({
      id: a1.id,
      type: 'follow_member',
      params: { profile: 'a' },
      idempotencyKey: a1.idempotencyKey,
      createdAt: a1.createdAt,
      requestedBy: { principal: 'user_test', apiKeyId: 'key_test', requestId: 'req_1' },
    });
    const expires = Date.parse(String(first['leaseExpiresAt']));
    expect(expires - before).toBeGreaterThanOrEqual(15 * 60_000 - 50);
    expect(expires - before).toBeLessThan(15 * 60_000 + 5_000);
    expect(a1).toMatchObject({ status: 'leased', leases: 1 });
    expect(a2.status).toBe('queued');

    const next = await lease();
    expect(next.actions.map((a) => a['id'])).toEqual([a4.id]);
    expect(next.queued).toBe(1);
    backend.config.ignoreAccept = true;
    expect((await lease()).actions.map((a) => a['id'])).toEqual([a2.id]);
    expect(backend.leases.map((l) => l.actionIds)).toEqual([[a1.id, a3.id], [a4.id], [a2.id]]);
  });

  it('passes unknown types through (they cannot be in accept) so the executor can refuse them', async () => {
    const t = backend.enqueue({ type: 'teleport', params: {} });
    expect((await lease({ accept: [] })).actions.map((a) => a['id'])).toEqual([t.id]);
  });

  it('rejects an invalid request with the zod issue and applies nothing', async () => {
    backend.enqueue({ type: 'react', params: {} });
    const res = await post('/v1/executor/lease', { max: 0, accept: ['react'], account: null });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_body', issue: { path: ['max'] } });
    expect((await post('/v1/executor/lease', '{not json')).status).toBe(400);
    expect(backend.actions()[0]?.status).toBe('queued');
    expect(backend.leases).toHaveLength(0);
  });

  it('returns an expired lease to the queue', async () => {
    await backend.close();
    backend = await startBackendDouble({ leaseTtlMs: 100 });
    const a = backend.enqueue({ type: 'react', params: {} });
    expect((await lease()).actions).toHaveLength(1);
    expect((await lease()).actions).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 150));
    expect((await lease()).actions.map((x) => x['id'])).toEqual([a.id]);
    expect(a.leases).toBe(2);
  });

  it('leases raw envelopes exactly as given', async () => {
    const raw = { id: 'act_raw', type: 'react', params: { post: 1 }, extra: [1, 2] };
    backend.enqueueRaw(raw);
    backend.enqueueRaw({ type: 'react' });
    const body = await lease();
    expect(body.actions).toEqual([raw, { type: 'react' }]);
    expect(
      (await post('/v1/executor/actions/act_raw/result', resultOf('', { status: 'refused', code: 'invalid_action' })))
        .status,
    ).toBe(200);
    expect(backend.finalResult('act_raw')).toMatchObject({ status: 'refused', code: 'invalid_action' });
  });
});

describe('results', () => {
  it('records every delivery, accepts the same result twice, refuses a different one with 409', async () => {
    const a = backend.enqueue({ type: 'follow_member', params: {}, id: 'act_x/1' });
    await lease();
    const path = `/v1/executor/actions/${encodeURIComponent(a.id)}/result`;
    const r = resultOf(a.idempotencyKey, { output: { following: true, profileUrn: 'urn:li:fsd_profile:X' } });
    expect(await post(path, r)).toMatchObject({ status: 200, body: { ok: true } });
    expect(a.status).toBe('final');
    expect(backend.finalResult(a.id)).toEqual(r);
    // Same status/code/output/key (different timings and key order) is accepted again.
    const again = {
      ...r,
      attempts: 2,
      finishedAt: new Date().toISOString(),
      output: { profileUrn: 'urn:li:fsd_profile:X', following: true },
    };
    expect((await post(path, again)).status).toBe(200);
    expect((await post(path, { ...r, output: { following: false } })).status).toBe(409);
    expect((await post(path, { ...r, status: 'failed', code: 'not_found' })).status).toBe(409);
    expect(backend.results.map((d) => d.status)).toEqual([200, 200, 409, 409]);
    expect(a.results).toHaveLength(4);
    expect(backend.finalResult(a.id)).toEqual(r);

    expect((await post('/v1/executor/actions/act_unknown/result', r)).status).toBe(404);
    expect(backend.results.at(-1)).toMatchObject({ actionId: 'act_unknown', status: 404 });
    const invalid = await post(path, { ...r, status: 'done' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ issue: { path: ['status'] } });
    expect(backend.results).toHaveLength(5);
  });

  it('re-queues a deferred action at retryAt, or parks it when requeueDeferred is false', async () => {
    const a = backend.enqueue({ type: 'react', params: {} });
    await lease();
    const retryAt = new Date(Date.now() + 300).toISOString();
    const deferred = resultOf(a.idempotencyKey, {
      status: 'deferred',
      code: 'outbound_throttled',
      output: {},
      retryAt,
    });
    expect((await post(`/v1/executor/actions/${a.id}/result`, deferred)).status).toBe(200);
    expect(a.status).toBe('queued');
    expect(backend.finalResult(a.id)).toBeUndefined();
    const early = await lease();
    expect(early.actions).toHaveLength(0);
    expect(early.queued).toBe(1);
    await new Promise((r) => setTimeout(r, 350));
    expect((await lease()).actions.map((x) => x['id'])).toEqual([a.id]);

    backend.config.requeueDeferred = false;
    expect(
      (await post(`/v1/executor/actions/${a.id}/result`, { ...deferred, retryAt: new Date().toISOString() })).status,
    ).toBe(200);
    expect(a.status).toBe('deferred');
    expect(await lease()).toMatchObject({ actions: [], queued: 0 });
    // A final result still lands afterwards.
    expect((await post(`/v1/executor/actions/${a.id}/result`, resultOf(a.idempotencyKey))).status).toBe(200);
    expect(a.status).toBe('final');
  });
});

describe('heartbeat', () => {
  it('validates, records and answers pollAfterMs and queued', async () => {
    backend.enqueue({ type: 'react', params: {} });
    backend.config.pollAfterMs = 5_000;
    expect(await post('/v1/executor/heartbeat', heartbeat)).toMatchObject({
      status: 200,
      body: { pollAfterMs: 5_000, queued: 1 },
    });
    expect(backend.heartbeats.map((h) => h.body)).toEqual([heartbeat]);
    expect((await post('/v1/executor/heartbeat', { ...heartbeat, state: 'asleep' })).status).toBe(400);
    expect(backend.heartbeats).toHaveLength(1);
  });
});

describe('websocket', () => {
  const wsUrl = (): string => backend.url.replace('http://', 'ws://') + '/v1/executor/ws';

  function open(protocols: string[]): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl(), protocols);
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode ?? 0}`)));
      ws.once('error', reject);
    });
  }

  it('rejects an upgrade without the bearer protocol with 401', async () => {
    await expect(open(['bearer.wrong'])).rejects.toThrow('status 401');
    await expect(open([])).rejects.toThrow('status 401');
    backend.config.rejectToken = true;
    await expect(open([`bearer.${backend.token}`])).rejects.toThrow('status 401');
    expect(backend.wsConnections).toBe(0);
    expect(backend.requests.filter((r) => r.path === '/v1/executor/ws').map((r) => r.status)).toEqual([401, 401, 401]);
  });

  it('echoes the protocol, counts pings and sends wake on wake() and on enqueue', async () => {
    const ws = await open(['other', `bearer.${backend.token}`]);
    expect(ws.protocol).toBe(`bearer.${backend.token}`);
    expect(backend.wsConnections).toBe(1);
    const frames: string[] = [];
    ws.on('message', (d) => frames.push(d.toString()));
    ws.send(JSON.stringify({ type: 'ping' }));
    ws.send(JSON.stringify({ type: 'ping' }));
    await backend.waitFor(() => backend.wsPings === 2, 2_000, 'two pings');
    backend.wake();
    backend.enqueue({ type: 'react', params: {} });
    await backend.waitFor(() => frames.length === 2, 2_000, 'two wakes');
    expect(frames.map((f) => JSON.parse(f) as unknown)).toEqual([{ type: 'wake' }, { type: 'wake' }]);
    ws.close();
  });
});

describe('failure injection and recording', () => {
  it('failNext answers the given status without applying, then recovers', async () => {
    const a = backend.enqueue({ type: 'react', params: {} });
    backend.failNext(2, 500);
    expect((await post('/v1/executor/lease', leaseReq())).status).toBe(500);
    expect((await post('/v1/executor/heartbeat', heartbeat)).status).toBe(500);
    expect(a.status).toBe('queued');
    expect(backend.heartbeats).toHaveLength(0);
    expect((await lease()).actions).toHaveLength(1);
  });

  it('failRate 1 answers 503 to everything; rejectToken answers 401', async () => {
    const a = backend.enqueue({ type: 'react', params: {} });
    backend.config.failRate = 1;
    expect((await post('/v1/executor/lease', leaseReq())).status).toBe(503);
    expect((await post(`/v1/executor/actions/${a.id}/result`, resultOf(a.idempotencyKey))).status).toBe(503);
    expect((await post('/v1/executor/heartbeat', heartbeat)).status).toBe(503);
    expect(backend.results).toHaveLength(0);
    backend.config.failRate = 0;
    backend.config.rejectToken = true;
    expect((await post('/v1/executor/heartbeat', heartbeat)).status).toBe(401);
    expect(a.status).toBe('queued');
  });

  it('delayMs delays answers', async () => {
    backend.config.delayMs = 200;
    const t0 = Date.now();
    await post('/v1/executor/heartbeat', heartbeat);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it('records every request with headers, raw and parsed body and status', async () => {
    await fetch(`${backend.url}/v1/executor/lease`, { method: 'OPTIONS' });
    await post('/v1/executor/heartbeat', heartbeat, { authorization: 'Bearer nope' });
    await post('/v1/executor/heartbeat', heartbeat);
    expect(backend.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['OPTIONS', '/v1/executor/lease', 204],
      ['POST', '/v1/executor/heartbeat', 401],
      ['POST', '/v1/executor/heartbeat', 200],
    ]);
    const last = backend.requests.at(-1);
    expect(last?.headers['x-executor-id']).toBe(EXECUTOR_ID);
    expect(last?.rawBody).toBe(JSON.stringify(heartbeat));
    expect(last?.body).toEqual(heartbeat);
    expect(last?.at).toBeGreaterThan(0);
  });

  it('waitForFinal resolves once all are final and names the missing ids on timeout', async () => {
    const a = backend.enqueue({ type: 'react', params: {} });
    const b = backend.enqueue({ type: 'react', params: {} });
    await lease();
    await post(`/v1/executor/actions/${a.id}/result`, resultOf(a.idempotencyKey));
    await backend.waitForFinal([a.id], 500);
    await expect(backend.waitForFinal([a.id, b.id, 'act_nope'], 100)).rejects.toThrow(/missing: act_2 .*act_nope/);
    await expect(backend.waitFor(() => false, 50, 'nothing')).rejects.toThrow('waiting for nothing');
  });
});
