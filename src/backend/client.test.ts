/** The backend client against real HTTP servers: a redirecting backend is an error, never followed. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendClient } from './client';

const servers: Server[] = [];

async function serve(
  handler: (req: IncomingMessage, res: import('node:http').ServerResponse) => void,
): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('backend client', () => {
  it.each([301, 302, 307, 308])(
    'an answer %i (redirect) is a transient error; the target never sees the token',
    async (status) => {
      const seen: Array<string | undefined> = [];
      const elsewhere = await serve((req, res) => {
        seen.push(req.headers.authorization);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"actions":[]}');
      });
      const backend = await serve((_req, res) =>
        res.writeHead(status, { location: `${elsewhere}/v1/executor/lease` }).end(),
      );
      const client = createBackendClient({
        baseUrl: backend,
        token: 'secret',
        executorId: 'e',
        version: '1',
        fetch: (...a) => fetch(...a),
      });
      const outcome = await client.lease({ max: 1, accept: ['save'], account: null });
      expect(outcome.kind).toBe('transient');
      await client.reportResult('act_1', {
        idempotencyKey: 'k',
        status: 'succeeded',
        code: null,
        message: 'ok',
        output: {},
        retryAt: null,
        attempts: 1,
        startedAt: '2026-01-01T00:00:00Z',
        finishedAt: '2026-01-01T00:00:00Z',
      });
      expect(seen).toEqual([]);
    },
  );

  it('asks fetch not to follow redirects, on every call', async () => {
    const inits: Array<RequestInit | undefined> = [];
    const fake: typeof fetch = async (_url, init) => {
      inits.push(init);
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = createBackendClient({
      baseUrl: 'https://backend.example',
      token: 't',
      executorId: 'e',
      version: '1',
      fetch: fake,
    });
    await client.lease({ max: 1, accept: [], account: null });
    await client.heartbeat({
      state: 'active',
      pausedUntil: null,
      pauseReason: null,
      account: null,
      limits: [],
      queue: { running: 0, outbox: 0 },
    });
    await client.reportResult('a', {
      idempotencyKey: 'k',
      status: 'succeeded',
      code: null,
      message: 'ok',
      output: {},
      retryAt: null,
      attempts: 1,
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:00:00Z',
    });
    expect(inits.map((i) => [i?.redirect, i?.credentials])).toEqual([
      ['error', 'omit'],
      ['error', 'omit'],
      ['error', 'omit'],
    ]);
  });
});
