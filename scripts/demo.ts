/**
 * The main job, end to end on this machine, as an API client sees it: build
 * the extension, start the real server (embedded PGlite in a temporary data
 * dir), create a workspace, an API key and an executor token with the
 * server's CLI code, configure the extension through its options page, then
 * create every action with HTTP calls to /v1/outbound/* (some waiting with
 * `Prefer: wait`, one replayed with its Idempotency-Key, one invalid) and
 * print the table from the API's own answers. LinkedIn stays a local double.
 *
 *   npm run demo               headless
 *   npm run demo -- --headed   with a visible window (needs a display)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionType } from '../contract/protocol';
import { startHarness } from '../e2e/harness';
import { runOperation } from '../server/cli';
import { startServer } from '../server/server';
import { buildExtension } from '../e2e/build-extension';
import { demoBatch, seedWorld } from '../e2e/demo-batch';
import { apiClient } from './outbound-client';

const SCALE = Number(process.env.EXECUTOR_TIME_SCALE ?? '100');
const headed = process.argv.includes('--headed');
const OUT = path.resolve(import.meta.dirname, '..', 'demo-output');

type Action = { id: string; status: string; result: { status: string; code: string | null; message: string } | null };
type ErrorBody = { error: { code: string; message: string; field?: string; action?: Action } };

/** Which requests wait for the result, and which one is sent twice with one Idempotency-Key. */
const WAITED = new Set(['connect (with note)', 'message a 1st-degree', 'message a 2nd-degree', 'react FUNNY']);
const REPLAYED = 'connect (with note)';

async function main(): Promise<number> {
  console.log(`Building the extension (EXECUTOR_TIME_SCALE=${SCALE}: 30 s spacing lasts ${30 / SCALE} s)…`);
  const dir = buildExtension(SCALE, { force: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oe-demo-'));
  const server = await startServer({ dataDir, port: 0 });
  console.log(`Server ${server.url} (PGlite in ${dataDir})`);
  // The CLI's own code; with the server running on this data dir it goes through the server.
  const settings = { host: '127.0.0.1', port: server.port, dataDir, databaseUrl: undefined, leaseTtlMs: undefined };
  const key = (await runOperation(settings, 'keys.create', { workspace: 'demo' })).secret ?? '';
  const token =
    (await runOperation(settings, 'executors.create', { workspace: 'demo', name: 'demo-browser' })).secret ?? '';
  console.log('Workspace "demo": one API key and one executor token created (shown once, not printed here).');

  // Approval mode ("Ask me before sending words in my name", on for a new install) is turned off here, and
  // said so: this demo drives the extension as an API client would, with no one at the popup to approve.
  const harness = await startHarness({
    extensionDir: dir,
    headed,
    configure: false,
    backgroundTab: true,
    approvalMode: false,
  });
  try {
    console.log(`LinkedIn double on 127.0.0.1:${harness.linkedin.port} (reached as https://www.linkedin.com).`);
    console.log(
      'Approval mode is OFF for this demo (Options → "Ask me before sending words in my name"; on by default): messages, comments, notes and commentary go out without a click in the popup. e2e/approval.spec.ts shows it on.',
    );
    const world = seedWorld(harness.linkedin);
    const options = await harness.configure({ backendUrl: server.url, token });
    await options.getByText('Saved.').waitFor();
    await options.close();
    console.log(
      `Extension ${harness.extensionId} configured through its options page with ${server.url} and the token.`,
    );

    const api = apiClient(server.url, key);
    const started = Date.now();
    for (;;) {
      const { body } = await api.call<{ executors: Array<{ online: boolean }> }>('GET', '/v1/outbound/executors');
      if (body.executors[0]?.online) break;
      if (Date.now() - started > 30_000) throw new Error('the executor sent no heartbeat in 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }

    const rows: Array<{ action: string; request: string; http: number; id: string | null; error: string }> = [];
    for (const item of demoBatch(world)) {
      const wait = WAITED.has(item.label);
      const headers: Record<string, string> = {
        ...(wait ? { Prefer: 'wait=60' } : {}),
        ...(item.label === REPLAYED ? { 'Idempotency-Key': 'demo-connect-1' } : {}),
      };
      const res = await api.create<Action | ErrorBody>(item.type as ActionType, item.params, headers);
      const error =
        'error' in res.body ? `${res.body.error.code}${res.body.error.field ? ` (${res.body.error.field})` : ''}` : '';
      const id = 'error' in res.body ? (res.body.error.action?.id ?? null) : res.body.id;
      rows.push({ action: item.label, request: wait ? 'Prefer: wait=60' : 'no wait', http: res.status, id, error });
      if (item.label === REPLAYED) {
        const again = await api.create<Action>(item.type as ActionType, item.params, {
          'Idempotency-Key': 'demo-connect-1',
        });
        rows.push({
          action: `${item.label}, replayed`,
          request: 'same Idempotency-Key',
          http: again.status,
          id: again.body.id,
          error: again.body.id === id ? '(same action, nothing queued)' : 'A SECOND ACTION?',
        });
      }
    }

    // Every queued action, read back until final: the table is the API's own view.
    const final = new Map<string, Action>();
    const pending = (): string[] =>
      [...new Set(rows.map((r) => r.id).filter((id): id is string => id !== null))].filter((id) => !final.has(id));
    while (pending().length > 0) {
      if (Date.now() - started > 180_000) throw new Error(`not final after 180 s: ${pending().join(', ')}`);
      for (const id of pending()) {
        const { body } = await api.call<Action>('GET', `/v1/outbound/actions/${id}`);
        if (['succeeded', 'failed', 'refused', 'cancelled'].includes(body.status)) final.set(id, body);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.table(
      rows.map((r) => {
        const a = r.id === null ? undefined : final.get(r.id);
        return {
          action: r.action,
          request: r.request,
          HTTP: r.http,
          'API error': r.error,
          status: a?.status ?? '(not queued)',
          code: a?.result?.code ?? '',
          message: (a?.result?.message ?? '').slice(0, 50),
        };
      }),
    );
    console.log(
      `${rows.length} API calls, ${final.size} actions queued and final in ${seconds} s; ${harness.linkedin.mutations().length} LinkedIn mutations.`,
    );
    mkdirSync(OUT, { recursive: true });
    const popup = await harness.openPopup();
    await popup.locator('#recent li').first().waitFor();
    await popup.screenshot({ path: path.join(OUT, 'popup.png'), fullPage: true });
    console.log(`Popup screenshot: ${path.join(OUT, 'popup.png')}`);
    return 0;
  } finally {
    await harness.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
