/** The executor protocol side, and `Prefer: wait`, through app.request(). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../server';
import { ENGINE, client, json, sleep, testServer } from '../test/helpers';

let server: RunningServer;
const LEASE_MS = 400;
beforeAll(async () => {
  server = await testServer({ config: { leaseTtlMs: LEASE_MS } });
}, 60_000);
afterAll(async () => server.close());

type Action = {
  id: string;
  status: string;
  attempts: number;
  result: { status: string; code: string | null } | null;
  nextAttemptAt: string | null;
};
type Err = { error: { code: string; action?: Action } };

describe(`lease (${ENGINE})`, () => {
  it('honours accept and max, oldest first, and says how many still wait', async () => {
    const c = await client(server);
    for (const p of ['a-person', 'b-person', 'c-person'])
      await c.api('POST', '/v1/outbound/follows/member', { profile: p });
    await c.api('POST', '/v1/outbound/connections', { profile: 'd-person' });
    const res = await c.exec('/v1/executor/lease', { max: 2, accept: ['follow_member'], account: null });
    const body = await json<{
      actions: Array<{
        type: string;
        params: { profile: string };
        leaseExpiresAt: string;
        requestedBy: { apiKeyId: string };
      }>;
      queued: number;
      pollAfterMs: number;
    }>(res);
    expect(body.actions.map((a) => a.params.profile)).toEqual(['a-person', 'b-person']);
    expect(body.queued).toBe(2);
    expect(body.actions[0]?.requestedBy.apiKeyId).toMatch(/^key_/);
    expect(Date.parse(body.actions[0]?.leaseExpiresAt ?? '')).toBeGreaterThan(Date.now());
    expect((await c.lease(25, ['connect'])).map((a) => a.type)).toEqual(['connect']);
    expect(await c.lease(25, [])).toEqual([]);
  });

  it("only leases the executor's own actions; a bad token is 401 with CORS headers", async () => {
    const a = await client(server);
    const b = await client(server);
    await a.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' });
    expect(await b.lease()).toHaveLength(0);
    const res = await server.app.request('/v1/executor/lease', {
      method: 'POST',
      headers: {
        Authorization: 'Bearer obx_wrong',
        'Content-Type': 'application/json',
        Origin: 'chrome-extension://abcdef',
      },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdef');
    expect((await json<Err>(res)).error.code).toBe('unauthorized');
  });

  it('answers the CORS preflight as the protocol says', async () => {
    const res = await server.app.request('/v1/executor/heartbeat', {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abcdef', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdef');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, x-executor-id, x-executor-version',
    );
    const ok = await (await client(server)).exec(
      '/v1/executor/heartbeat',
      { bad: true },
      { Origin: 'chrome-extension://abcdef' },
    );
    expect(ok.status).toBe(400);
    expect(ok.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdef');
  });

  it('puts an expired lease back in the queue; a late result is still accepted when not re-leased', async () => {
    const c = await client(server);
    const { id } = await json<Action>(await c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' }));
    const [first] = await c.lease();
    await sleep(LEASE_MS + 100);
    expect((await json<Action>(await c.api('GET', `/v1/outbound/actions/${id}`))).status).toBe('queued');
    const late = await c.report(id, first?.idempotencyKey ?? '');
    expect(late.status).toBe(200);
    expect((await json<Action>(await c.api('GET', `/v1/outbound/actions/${id}`))).status).toBe('succeeded');
    expect(await c.lease()).toHaveLength(0);
  });

  it('leases an expired action again with the same idempotencyKey', async () => {
    const c = await client(server);
    await c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' });
    const [first] = await c.lease();
    expect(await c.lease()).toHaveLength(0);
    await sleep(LEASE_MS + 100);
    const [again] = await c.lease();
    expect(again?.id).toBe(first?.id);
    expect(again?.idempotencyKey).toBe(first?.idempotencyKey);
    const read = await json<Action>(await c.api('GET', `/v1/outbound/actions/${first?.id ?? ''}`));
    expect([read.status, read.attempts]).toEqual(['leased', 2]);
  });
});

describe(`results (${ENGINE})`, () => {
  it('accepts the same result twice; a different one after a final result is 409', async () => {
    const c = await client(server);
    const { id } = await json<Action>(await c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' }));
    const [a] = await c.lease();
    const key = a?.idempotencyKey ?? '';
    expect((await c.report(id, key, { output: { following: true } })).status).toBe(200);
    expect((await c.report(id, key, { output: { following: true }, message: 'said differently' })).status).toBe(200);
    const other = await c.report(id, key, { status: 'failed', code: 'not_found', output: {} });
    expect(other.status).toBe(409);
    expect((await c.report('act_unknown', key)).status).toBe(404);
  });

  it('re-queues a deferred action at retryAt; it is not final', async () => {
    const c = await client(server);
    const { id } = await json<Action>(await c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' }));
    const [a] = await c.lease();
    const retryAt = new Date(Date.now() + 300).toISOString();
    expect(
      (await c.report(id, a?.idempotencyKey ?? '', { status: 'deferred', code: 'outbound_throttled', retryAt })).status,
    ).toBe(200);
    const read = await json<Action>(await c.api('GET', `/v1/outbound/actions/${id}`));
    expect(read).toMatchObject({
      status: 'queued',
      nextAttemptAt: retryAt,
      result: { status: 'deferred', code: 'outbound_throttled' },
    });
    expect(await c.lease()).toHaveLength(0);
    await sleep(400);
    expect((await c.lease()).map((x) => x.id)).toEqual([id]);
  });

  it('grants long leases to wordy types once a heartbeat shows approval mode (as the extension sends it)', async () => {
    const c = await client(server);
    await c.api('POST', '/v1/outbound/messages', { profile: 'jdoe', text: 'Hello' });
    await c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' });
    const short = await c.lease(1, ['message']);
    expect(Date.parse(short[0]?.leaseExpiresAt ?? '') - Date.now()).toBeLessThanOrEqual(LEASE_MS);
    await sleep(LEASE_MS + 50);
    await c.beat({ approvals: { pending: 0, oldestAt: null } });
    const leased = await c.lease(25, ['message', 'follow_member']);
    const lease = (type: string) => Date.parse(leased.find((a) => a.type === type)?.leaseExpiresAt ?? '') - Date.now();
    expect(lease('message')).toBeGreaterThan(3 * 3600_000);
    expect(lease('follow_member')).toBeLessThanOrEqual(LEASE_MS);
  });

  it('stores the heartbeat, approvals and suspended included', async () => {
    const c = await client(server);
    await c.beat({
      state: 'paused',
      pauseReason: 'working_hours',
      pausedUntil: '2030-01-01T09:00:00Z',
      approvals: { pending: 1, oldestAt: '2026-11-22T09:58:00Z' },
      suspended: [],
    });
    const { executors } = await json<{ executors: Array<Record<string, unknown>> }>(
      await c.api('GET', '/v1/outbound/executors'),
    );
    expect(executors[0]).toMatchObject({
      state: 'paused',
      pauseReason: 'working_hours',
      pausedUntil: '2030-01-01T09:00:00Z',
      approvals: { pending: 1, oldestAt: '2026-11-22T09:58:00Z' },
    });
  });
});

describe(`Prefer: wait (${ENGINE})`, () => {
  /** Plays the executor: leases and reports `result` as soon as the action shows up. */
  async function executeSoon(c: Awaited<ReturnType<typeof client>>, over: Record<string, unknown>): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      const [a] = await c.lease();
      if (a) {
        await c.report(a.id, a.idempotencyKey, over);
        return;
      }
      await sleep(20);
    }
  }

  it('200 with the action when it succeeds in time', async () => {
    const c = await client(server);
    const [res] = await Promise.all([
      c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' }, { Prefer: 'wait=10' }),
      executeSoon(c, { output: { following: true } }),
    ]);
    expect(res.status).toBe(200);
    expect((await json<Action>(res)).status).toBe('succeeded');
  });

  it('409 not_connected for a DM to a 2nd-degree, 422 linkedin_refused for any other refusal, the action in error.action', async () => {
    const c = await client(server);
    const [dm] = await Promise.all([
      c.api('POST', '/v1/outbound/messages', { profile: 'jdoe', text: 'Hi' }, { Prefer: 'wait=10' }),
      executeSoon(c, { status: 'refused', code: 'not_connected', message: 'not a 1st-degree connection' }),
    ]);
    expect(dm.status).toBe(409);
    const err = await json<Err>(dm);
    expect(err.error.code).toBe('not_connected');
    expect(err.error.action?.status).toBe('refused');
    const [gone] = await Promise.all([
      c.api('POST', '/v1/outbound/follows/member', { profile: 'nobody-here' }, { Prefer: 'wait=10' }),
      executeSoon(c, { status: 'failed', code: 'not_found', message: 'no such profile' }),
    ]);
    expect([gone.status, (await json<Err>(gone)).error.code]).toEqual([422, 'linkedin_refused']);
  });

  it('202 when the wait runs out; a deferred result is not final; a replay during the wait answers 202, after it the first answer', async () => {
    const c = await client(server);
    const waited = c.api(
      'POST',
      '/v1/outbound/follows/member',
      { profile: 'jdoe' },
      { Prefer: 'wait=2', 'Idempotency-Key': 'w-1' },
    );
    await sleep(300);
    const [a] = await c.lease();
    await c.report(a?.id ?? '', a?.idempotencyKey ?? '', {
      status: 'deferred',
      code: 'outbound_throttled',
      retryAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const during = await c.api(
      'POST',
      '/v1/outbound/follows/member',
      { profile: 'jdoe' },
      { 'Idempotency-Key': 'w-1' },
    );
    expect(during.status).toBe(202);
    expect((await json<Action>(during)).status).toBe('queued');
    const res = await waited;
    expect(res.status).toBe(202);
    const body = await res.text();
    expect((JSON.parse(body) as Action).status).toBe('queued');
    const after = await c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' }, { 'Idempotency-Key': 'w-1' });
    expect([after.status, await after.text()]).toEqual([202, body]);
  });

  it('clamps the wait to 60 s and replays a waited final answer exactly', async () => {
    const c = await client(server);
    const [res] = await Promise.all([
      c.api(
        'POST',
        '/v1/outbound/messages',
        { profile: 'jdoe', text: 'Hi' },
        { Prefer: 'wait=600', 'Idempotency-Key': 'w-2' },
      ),
      executeSoon(c, { status: 'refused', code: 'not_connected', message: 'not a 1st-degree connection' }),
    ]);
    const body = await res.text();
    const again = await c.api(
      'POST',
      '/v1/outbound/messages',
      { profile: 'jdoe', text: 'Hi' },
      { 'Idempotency-Key': 'w-2' },
    );
    expect([again.status, await again.text()]).toEqual([409, body]);
  });
});
