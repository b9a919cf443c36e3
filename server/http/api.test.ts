/** The public API through app.request() (no socket): creation, errors, idempotency, throttles, reads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../server';
import { ENGINE, client, json, testServer, type Client } from '../test/helpers';
import { waitSeconds } from './outbound-routes';

let server: RunningServer;
beforeAll(async () => {
  server = await testServer();
}, 60_000);
afterAll(async () => server.close());

type Err = { error: { code: string; message: string; field?: string; nextAvailableAt?: string } };
type Action = {
  id: string;
  status: string;
  type: string;
  params: Record<string, unknown>;
  attempts: number;
  account: string | null;
};

const CREATES: Array<[string, unknown, string]> = [
  ['/v1/outbound/connections', { profile: 'jdoe', note: 'Hi' }, 'connect'],
  ['/v1/outbound/connections/withdraw', { invitationUrn: 'urn:li:fsd_invitation:123' }, 'withdraw'],
  ['/v1/outbound/messages', { profile: 'https://www.linkedin.com/in/jdoe/', text: 'Hello' }, 'message'],
  ['/v1/outbound/posts/7123456789012345678/reactions', { reaction: 'funny' }, 'react'],
  ['/v1/outbound/posts/urn%3Ali%3Aactivity%3A7123456789012345678/reactions/remove', {}, 'unreact'],
  ['/v1/outbound/posts/7123456789012345678/comments', { text: 'Nice' }, 'comment'],
  ['/v1/outbound/posts/7123456789012345678/shares', { commentary: 'Worth it' }, 'share'],
  ['/v1/outbound/posts/7123456789012345678/save', {}, 'save'],
  ['/v1/outbound/posts/7123456789012345678/save/remove', {}, 'unsave'],
  ['/v1/outbound/follows/member', { profile: 'ACoAAB1234567890abcdefGH' }, 'follow_member'],
  ['/v1/outbound/follows/member/remove', { profile: 'urn:li:fsd_profile:ACoAAB1234567890abcdefGH' }, 'unfollow_member'],
  ['/v1/outbound/follows/company', { company: 1441 }, 'follow_company'],
  ['/v1/outbound/follows/company/remove', { company: 'https://www.linkedin.com/company/acme/' }, 'unfollow_company'],
];

describe(`creating actions (${ENGINE})`, () => {
  let c: Client;
  beforeAll(async () => {
    c = await client(server);
  });

  it.each(CREATES)('POST %s queues a %s action: 202, Location, the action', async (path, body, type) => {
    const res = await c.api('POST', path, body);
    expect(res.status).toBe(202);
    const action = await json<Action>(res);
    expect(action).toMatchObject({
      type,
      status: 'queued',
      attempts: 0,
      account: 'urn:li:fsd_profile:ACoAAOWNER',
      result: null,
      nextAttemptAt: null,
    });
    expect(res.headers.get('location')).toBe(`/v1/outbound/actions/${action.id}`);
    if (path.includes('/posts/')) expect(action.params['post']).toBe(decodeURIComponent(path.split('/')[4] ?? ''));
    const read = await c.api('GET', `/v1/outbound/actions/${action.id}`);
    expect(await json(read)).toMatchObject({ id: action.id, type, status: 'queued' });
  });

  it('hands every queued action to the executor with its params and the key as idempotencyKey', async () => {
    const fresh = await client(server);
    const res = await fresh.api(
      'POST',
      '/v1/outbound/connections',
      { profile: 'jdoe', note: 'Hi' },
      { 'Idempotency-Key': 'client-key-1' },
    );
    const { id } = await json<Action>(res);
    const leased = await fresh.lease();
    expect(leased).toHaveLength(1);
    expect(leased[0]).toMatchObject({
      id,
      type: 'connect',
      params: { profile: 'jdoe', note: 'Hi' },
      idempotencyKey: 'client-key-1',
    });
  });
});

describe(`bad input gets the envelope and changes nothing (${ENGINE})`, () => {
  let c: Client;
  beforeAll(async () => {
    c = await client(server);
  });
  const count = async (): Promise<number> =>
    (await json<{ actions: unknown[] }>(await c.api('GET', '/v1/outbound/actions?limit=100'))).actions.length;

  it.each([
    ['unknown field', '/v1/outbound/connections', { profile: 'jdoe', notee: 'typo' }, 400, 'invalid_request', 'notee'],
    ['wrong type', '/v1/outbound/connections', { profile: 42 }, 400, 'invalid_request', 'profile'],
    ['missing field', '/v1/outbound/messages', { profile: 'jdoe' }, 400, 'invalid_request', 'text'],
    [
      'a note over 300 characters',
      '/v1/outbound/connections',
      { profile: 'jdoe', note: 'x'.repeat(301) },
      400,
      'invalid_request',
      'note',
    ],
    [
      'an invisible text',
      '/v1/outbound/messages',
      { profile: 'jdoe', text: '\u200b \u200b' },
      400,
      'invalid_request',
      'text',
    ],
    [
      'a bad reaction',
      '/v1/outbound/posts/7123456789012345678/reactions',
      { reaction: 'ANGRY' },
      400,
      'invalid_request',
      'reaction',
    ],
    ['a bad post segment', '/v1/outbound/posts/not-a-post/save', {}, 400, 'invalid_request', 'post'],
    ['a bad profile', '/v1/outbound/follows/member', { profile: 'a b' }, 400, 'invalid_request', 'profile'],
    [
      'withdraw with both',
      '/v1/outbound/connections/withdraw',
      { profile: 'jdoe', invitationUrn: 'urn:li:fsd_invitation:1' },
      400,
      'invalid_request',
      undefined,
    ],
    [
      'an http callbackUrl',
      '/v1/outbound/connections',
      { profile: 'jdoe', callbackUrl: 'http://example.com/hook' },
      400,
      'invalid_request',
      'callbackUrl',
    ],
    ['not an object', '/v1/outbound/connections', [1, 2], 400, 'invalid_request', undefined],
    [
      'an unknown account',
      '/v1/outbound/connections',
      { profile: 'jdoe', account: 'someone-else' },
      404,
      'not_found',
      'account',
    ],
  ])('%s', async (_name, path, body, status, code, field) => {
    const before = await count();
    const res = await c.api('POST', path, body);
    expect(res.status).toBe(status);
    const err = await json<Err>(res);
    expect(err.error.code).toBe(code);
    expect(typeof err.error.message).toBe('string');
    if (field !== undefined) expect(err.error.field).toBe(field);
    expect(await count()).toBe(before);
  });

  it('malformed JSON, a non-JSON body and a body over 64 kB', async () => {
    const bad = await c.api('POST', '/v1/outbound/connections', '{"profile":');
    expect([bad.status, (await json<Err>(bad)).error.code]).toEqual([400, 'invalid_request']);
    const text = await c.api('POST', '/v1/outbound/connections', 'profile=jdoe', { 'Content-Type': 'text/plain' });
    expect([text.status, (await json<Err>(text)).error.code]).toEqual([415, 'unsupported_media_type']);
    const big = await c.api('POST', '/v1/outbound/messages', { profile: 'jdoe', text: 'x'.repeat(70_000) });
    expect([big.status, (await json<Err>(big)).error.code]).toEqual([413, 'payload_too_large']);
    expect(await count()).toBe(0);
  });

  it('unknown route 404, wrong method 405, missing or unknown key 401', async () => {
    const unknown = await c.api('GET', '/v1/outbound/nothing-here');
    expect([unknown.status, (await json<Err>(unknown)).error.code]).toEqual([404, 'not_found']);
    const method = await c.api('DELETE', '/v1/outbound/connections');
    expect([method.status, (await json<Err>(method)).error.code]).toEqual([405, 'method_not_allowed']);
    expect(method.headers.get('allow')).toContain('POST');
    const none = await server.app.request('/v1/outbound/actions');
    expect([none.status, (await json<Err>(none)).error.code]).toEqual([401, 'unauthorized']);
    const wrong = await server.app.request('/v1/outbound/actions', { headers: { Authorization: 'Bearer obk_nope' } });
    expect(wrong.status).toBe(401);
    const unknownAction = await c.api('GET', '/v1/outbound/actions/act_missing');
    expect([unknownAction.status, (await json<Err>(unknownAction)).error.code]).toEqual([404, 'not_found']);
    const badQuery = await c.api('GET', '/v1/outbound/actions?status=done');
    expect([badQuery.status, (await json<Err>(badQuery)).error.field]).toEqual([400, 'status']);
  });
});

describe(`Idempotency-Key (${ENGINE})`, () => {
  it('replays the first answer byte for byte for the same JSON, and queues nothing more', async () => {
    const c = await client(server);
    const first = await c.api(
      'POST',
      '/v1/outbound/connections',
      { profile: 'jdoe', note: 'Hi' },
      { 'Idempotency-Key': 'k-1' },
    );
    const firstBody = await first.text();
    const again = await c.api(
      'POST',
      '/v1/outbound/connections',
      { note: 'Hi', profile: 'jdoe' },
      { 'Idempotency-Key': 'k-1' },
    );
    expect(again.status).toBe(first.status);
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await c.lease()).toHaveLength(1);
  });

  it('refuses the key with a different request: 409 idempotency_conflict', async () => {
    const c = await client(server);
    await c.api('POST', '/v1/outbound/connections', { profile: 'jdoe' }, { 'Idempotency-Key': 'k-2' });
    const other = await c.api(
      'POST',
      '/v1/outbound/connections',
      { profile: 'jdoe', note: 'changed' },
      { 'Idempotency-Key': 'k-2' },
    );
    expect([other.status, (await json<Err>(other)).error.code]).toEqual([409, 'idempotency_conflict']);
    const otherPath = await c.api(
      'POST',
      '/v1/outbound/follows/member',
      { profile: 'jdoe' },
      { 'Idempotency-Key': 'k-2' },
    );
    expect(otherPath.status).toBe(409);
  });

  it('does not remember answers that queued nothing (400, 429, 503)', async () => {
    const c = await client(server);
    const bad = await c.api(
      'POST',
      '/v1/outbound/connections',
      { profile: 'jdoe', note: 'x'.repeat(400) },
      { 'Idempotency-Key': 'k-3' },
    );
    expect(bad.status).toBe(400);
    await c.beat({ state: 'paused', pauseReason: 'user', pausedUntil: null });
    const paused = await c.api('POST', '/v1/outbound/connections', { profile: 'jdoe' }, { 'Idempotency-Key': 'k-3' });
    expect(paused.status).toBe(429);
    await c.beat();
    const ok = await c.api('POST', '/v1/outbound/connections', { profile: 'jdoe' }, { 'Idempotency-Key': 'k-3' });
    expect(ok.status).toBe(202);
  });

  it('keys are per workspace', async () => {
    const a = await client(server);
    const b = await client(server);
    expect(
      (await a.api('POST', '/v1/outbound/connections', { profile: 'jdoe' }, { 'Idempotency-Key': 'shared' })).status,
    ).toBe(202);
    expect(
      (await b.api('POST', '/v1/outbound/connections', { profile: 'other-person' }, { 'Idempotency-Key': 'shared' }))
        .status,
    ).toBe(202);
  });

  it('two racing requests with one key create one action', async () => {
    const c = await client(server);
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        c.api(
          'POST',
          '/v1/outbound/save'.replace('save', 'posts/7123456789012345678/save'),
          {},
          { 'Idempotency-Key': 'race' },
        ),
      ),
    );
    const ids = new Set(await Promise.all(answers.map(async (r) => (await json<Action>(r)).id)));
    expect(ids.size).toBe(1);
    expect(await c.lease()).toHaveLength(1);
  });
});

describe(`429 and 503 from the last heartbeat, before queueing (${ENGINE})`, () => {
  it('503 executor_offline without a heartbeat', async () => {
    const c = await client(server, { beat: false });
    const res = await c.api('POST', '/v1/outbound/connections', { profile: 'jdoe' });
    expect([res.status, (await json<Err>(res)).error.code]).toEqual([503, 'executor_offline']);
  });

  it('429 outbound_throttled with nextAvailableAt and Retry-After for an exhausted bucket; other buckets pass with X-RateLimit-*', async () => {
    const c = await client(server);
    const resetsAt = new Date(Date.now() + 3 * 3600_000).toISOString();
    await c.beat({
      limits: [
        { bucket: 'invitations', window: 'day', limit: 20, used: 20, resetsAt, nextAvailableAt: null },
        { bucket: 'reactions', window: 'day', limit: 150, used: 10, resetsAt, nextAvailableAt: null },
      ],
    });
    const res = await c.api('POST', '/v1/outbound/connections', { profile: 'jdoe' });
    expect(res.status).toBe(429);
    const err = await json<Err>(res);
    expect(err.error).toMatchObject({ code: 'outbound_throttled', nextAvailableAt: resetsAt });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(3 * 3600 - 10);
    const ok = await c.api('POST', '/v1/outbound/posts/7123456789012345678/reactions', { reaction: 'LIKE' });
    expect(ok.status).toBe(202);
    expect([
      ok.headers.get('x-ratelimit-limit'),
      ok.headers.get('x-ratelimit-remaining'),
      ok.headers.get('x-ratelimit-reset'),
    ]).toEqual(['150', '140', resetsAt]);
    const noEntry = await c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' });
    expect(noEntry.headers.get('x-ratelimit-limit')).toBeNull();
    const replayed = await c.api(
      'POST',
      '/v1/outbound/posts/7123456789012345678/reactions',
      { reaction: 'LIKE' },
      { 'Idempotency-Key': 'r-1' },
    );
    const again = await c.api(
      'POST',
      '/v1/outbound/posts/7123456789012345678/reactions',
      { reaction: 'LIKE' },
      { 'Idempotency-Key': 'r-1' },
    );
    expect([again.status, again.headers.get('x-ratelimit-limit'), again.headers.get('idempotent-replayed')]).toEqual([
      replayed.status,
      '150',
      'true',
    ]);
    expect((await c.lease()).map((a) => a.type)).toEqual(['react', 'follow_member', 'react']);
  });

  it('429 while paused for a challenge (until its end) and for the user without an end (Retry-After 3600)', async () => {
    const c = await client(server);
    const until = new Date(Date.now() + 24 * 3600_000).toISOString();
    await c.beat({ state: 'paused', pauseReason: 'challenge', pausedUntil: until });
    const res = await c.api('POST', '/v1/outbound/posts/7123456789012345678/save', {});
    expect(res.status).toBe(429);
    expect((await json<Err>(res)).error.nextAvailableAt).toBe(until);
    await c.beat({ state: 'paused', pauseReason: 'user', pausedUntil: null });
    const user = await c.api('POST', '/v1/outbound/posts/7123456789012345678/save', {});
    expect([user.status, user.headers.get('retry-after')]).toEqual([429, '3600']);
    expect(await c.lease()).toHaveLength(0);
  });
});

describe(`reading, listing, cancelling, executors (${ENGINE})`, () => {
  it('lists newest first with a cursor, filters by status and type', async () => {
    const c = await client(server);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await json<Action>(await c.api('POST', '/v1/outbound/follows/member', { profile: `person-${i}` }))).id);
    const page1 = await json<{ actions: Action[]; nextCursor: string | null }>(
      await c.api('GET', '/v1/outbound/actions?limit=3'),
    );
    expect(page1.actions.map((a) => a.id)).toEqual([ids[4], ids[3], ids[2]]);
    const page2 = await json<{ actions: Action[]; nextCursor: string | null }>(
      await c.api('GET', `/v1/outbound/actions?limit=3&cursor=${page1.nextCursor ?? ''}`),
    );
    expect(page2.actions.map((a) => a.id)).toEqual([ids[1], ids[0]]);
    expect(page2.nextCursor).toBeNull();
    expect(
      (await json<{ actions: Action[] }>(await c.api('GET', '/v1/outbound/actions?type=connect'))).actions,
    ).toHaveLength(0);
    await c.lease(1);
    expect(
      (await json<{ actions: Action[] }>(await c.api('GET', '/v1/outbound/actions?status=leased'))).actions.map(
        (a) => a.id,
      ),
    ).toEqual([ids[0]]);
    expect(
      (await json<{ actions: Action[] }>(await c.api('GET', '/v1/outbound/actions?account=owner'))).actions,
    ).toHaveLength(5);
  });

  it('cancels a queued action, not a leased one', async () => {
    const c = await client(server);
    const a = await json<Action>(await c.api('POST', '/v1/outbound/follows/member', { profile: 'jdoe' }));
    const b = await json<Action>(await c.api('POST', '/v1/outbound/follows/member', { profile: 'janedoe' }));
    await c.lease(1);
    const leased = await c.api('POST', `/v1/outbound/actions/${a.id}/cancel`);
    expect([leased.status, (await json<Err>(leased)).error.code]).toEqual([409, 'not_cancellable']);
    const ok = await c.api('POST', `/v1/outbound/actions/${b.id}/cancel`);
    expect([ok.status, (await json<Action>(ok)).status]).toEqual([200, 'cancelled']);
    expect(await c.lease()).toHaveLength(0);
  });

  it('lists executors with their last heartbeat', async () => {
    const c = await client(server);
    await c.beat({
      approvals: { pending: 2, oldestAt: null },
      suspended: [
        { type: 'unreact', endpoint: 'reactions.delete', since: new Date().toISOString(), reason: 'changed' },
      ],
    });
    const { executors } = await json<{ executors: Array<Record<string, unknown>> }>(
      await c.api('GET', '/v1/outbound/executors'),
    );
    expect(executors).toHaveLength(1);
    expect(executors[0]).toMatchObject({
      online: true,
      state: 'active',
      account: { memberUrn: 'urn:li:fsd_profile:ACoAAOWNER', publicIdentifier: 'owner' },
      approvals: { pending: 2 },
    });
    expect(executors[0]?.['suspended']).toHaveLength(1);
  });
});

describe('OpenAPI', () => {
  it('serves a 3.1 document whose paths are exactly the public routes', async () => {
    const res = await server.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = await json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(res);
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    const served = server.app.routes
      .filter((r) => r.path.startsWith('/v1/outbound/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    expect(documented).toEqual([...new Set(served)].sort());
    expect(documented).toHaveLength(17);
    const connect = doc.paths['/v1/outbound/connections']?.['post'] as {
      requestBody: { content: Record<string, { schema: { additionalProperties?: boolean } }> };
    };
    expect(connect.requestBody.content['application/json']?.schema.additionalProperties).toBe(false);
  });
});

describe('Prefer: wait=N', () => {
  it('is read from the Prefer header and clamped to 60 seconds', () => {
    expect(waitSeconds(undefined)).toBe(0);
    expect(waitSeconds('wait=5')).toBe(5);
    expect(waitSeconds('respond-async, wait=600')).toBe(60);
    expect(waitSeconds('handling=lenient')).toBe(0);
  });
});
