/**
 * The built extension against the REAL server (server/, PGlite in a temp
 * dir) end to end: an API client creates actions through /v1/outbound/*,
 * the extension (configured through its options page with the server's URL
 * and an executor token) leases and executes them against the LinkedIn
 * double, and the API's own answers carry the results.
 */
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedWorld } from './demo-batch';
import { operate } from '../server/domain/operator';
import { startServer, type RunningServer } from '../server/server';
import { expect, test } from './fixtures';

// Configured through the options page with the server's URL and token; the user allowed a background LinkedIn tab.
test.use({ harnessOptions: { configure: false, backgroundTab: true, approvalMode: false } });

let server: RunningServer;
let dataDir: string;
test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'oe-e2e-server-'));
  server = await startServer({ dataDir, port: 0 });
});
test.afterEach(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Action = {
  id: string;
  status: string;
  result: { status: string; code: string | null; output: Record<string, unknown> } | null;
};

test('API → server → extension → LinkedIn double → API answer', async ({ harness }) => {
  const key = (await operate(server.deps.db, server.deps.secret, 'keys.create', { workspace: 'e2e' })).secret ?? '';
  const token =
    (await operate(server.deps.db, server.deps.secret, 'executors.create', { workspace: 'e2e' })).secret ?? '';
  const world = seedWorld(harness.linkedin);
  const options = await harness.configure({ backendUrl: server.url, token });
  await options.getByText('Saved.').waitFor();
  await options.close();

  const api = (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${p}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  // The executor announces itself with a heartbeat; until then creating is 503.
  await expect
    .poll(
      async () =>
        ((await (await api('GET', '/v1/outbound/executors')).json()) as { executors: Array<{ online: boolean }> })
          .executors[0]?.online,
      { timeout: 20_000 },
    )
    .toBe(true);
  await expect.poll(() => server.wsOpen, { timeout: 10_000 }).toBeGreaterThan(0);

  const follow = await api('POST', '/v1/outbound/follows/member', { profile: world.colleague }, { Prefer: 'wait=30' });
  expect(follow.status).toBe(200);
  expect(((await follow.json()) as Action).result).toMatchObject({ status: 'succeeded', output: { following: true } });

  const dm = await api(
    'POST',
    '/v1/outbound/messages',
    { profile: world.stranger, text: 'This must be refused.' },
    { Prefer: 'wait=30' },
  );
  expect(dm.status).toBe(409);
  expect(((await dm.json()) as { error: { code: string } }).error.code).toBe('not_connected');

  const invalid = await api('POST', `/v1/outbound/posts/${world.postA}/reactions`, { reaction: 'ANGRY' });
  expect(invalid.status).toBe(400);

  const queued = await api(
    'POST',
    `/v1/outbound/posts/${world.postA}/reactions`,
    { reaction: 'funny' },
    { 'Idempotency-Key': 'e2e-react-1' },
  );
  expect(queued.status).toBe(202);
  const { id } = (await queued.json()) as Action;
  await expect
    .poll(async () => ((await (await api('GET', `/v1/outbound/actions/${id}`)).json()) as Action).status, {
      timeout: 30_000,
    })
    .toBe('succeeded');
  const replay = await api(
    'POST',
    `/v1/outbound/posts/${world.postA}/reactions`,
    { reaction: 'funny' },
    { 'Idempotency-Key': 'e2e-react-1' },
  );
  expect(((await replay.json()) as Action).id).toBe(id);

  // The two actions that succeeded reached LinkedIn (how many requests each takes is the client's business).
  expect(harness.linkedin.mutations().length).toBeGreaterThanOrEqual(2);
  // The backend double of the harness saw nothing: everything went through the real server.
  expect(harness.backend.leases).toHaveLength(0);
});
