/**
 * Starts the whole server: storage (PGlite or Postgres), migrations, events,
 * the HTTP app on a socket, the wake-up WebSocket, the webhook worker and an
 * admin route the CLI uses while PGlite's single-process database is open.
 * The demo, the benches and the tests start it in-process through here.
 */
import { serve } from '@hono/node-server';
import { unlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { pgliteDir, runningFile, serverSecret } from './config';
import { DEFAULT_CONFIG, type Deps, type ServerConfig } from './domain/deps';
import { createEvents } from './domain/events';
import { OPERATIONS, operate, type Operation } from './domain/operator';
import { startWebhookWorker } from './domain/webhooks';
import { createApp } from './http/app';
import { errorResponse } from './http/respond';
import { openDb, type Db } from './storage/db';
import { migrate } from './storage/migrations';
import { attachWakeSocket } from './ws';

export interface StartOptions {
  host?: string;
  port?: number;
  dataDir: string;
  databaseUrl?: string | undefined;
  config?: Partial<ServerConfig>;
  /** Leave out the socket (tests with app.request()). */
  listen?: boolean;
  /** PGlite in memory instead of in dataDir (tests). */
  memory?: boolean;
  webhookIntervalMs?: number;
  clock?: () => Date;
  /** false: no wake-up WebSocket (upgrades are refused), so executors only poll (the bench). */
  wakeSocket?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  app: ReturnType<typeof createApp>;
  /** WebSocket connections open now. */
  readonly wsOpen: number;
  close(): Promise<void>;
}

/** The admin token: derived from the server secret, so only who can read the data dir holds it. */
export function adminToken(secret: string): string {
  return createHmac('sha256', secret).update('outbound-admin').digest('base64url');
}

export async function openStorage(opts: {
  dataDir: string;
  databaseUrl?: string | undefined;
  memory?: boolean | undefined;
}): Promise<Db> {
  const db = await openDb({
    databaseUrl: opts.databaseUrl,
    dataDir: opts.databaseUrl || opts.memory ? undefined : pgliteDir(opts.dataDir),
  });
  await migrate(db);
  return db;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const secret = serverSecret(opts.dataDir);
  const db = await openStorage(opts);
  const events = await createEvents(db);
  const deps: Deps = {
    db,
    events,
    secret,
    clock: opts.clock ?? (() => new Date()),
    config: { ...DEFAULT_CONFIG, ...opts.config },
  };
  const app = createApp(deps);
  const admin = adminToken(secret);
  app.post('/_admin/:op', async (c) => {
    const given = Buffer.from(c.req.header('authorization') ?? '');
    const want = Buffer.from(`Bearer ${admin}`);
    if (given.length !== want.length || !timingSafeEqual(given, want))
      return errorResponse(401, 'unauthorized', 'admin token required');
    const op = c.req.param('op') as Operation;
    if (!OPERATIONS.includes(op)) return errorResponse(404, 'not_found', 'unknown operation');
    const input = (await c.req.json()) as { workspace?: unknown; name?: unknown; url?: unknown };
    if (typeof input.workspace !== 'string')
      return errorResponse(400, 'invalid_request', 'workspace is required', { field: 'workspace' });
    try {
      const out = await operate(db, secret, op, {
        workspace: input.workspace,
        name: typeof input.name === 'string' ? input.name : undefined,
        url: typeof input.url === 'string' ? input.url : null,
      });
      return c.json(out);
    } catch (err) {
      return errorResponse(400, 'invalid_request', err instanceof Error ? err.message : String(err));
    }
  });
  const webhooks = startWebhookWorker(deps, { intervalMs: opts.webhookIntervalMs ?? 1000 });

  let server: Server | undefined;
  let ws: ReturnType<typeof attachWakeSocket> | undefined;
  let port = 0;
  if (opts.listen ?? true) {
    server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: opts.host ?? '127.0.0.1' }, () =>
        resolve(s as Server),
      ) as Server;
      s.once('error', reject);
    });
    port = (server.address() as AddressInfo).port;
    if (opts.wakeSocket ?? true) ws = attachWakeSocket(server, deps);
  }
  const host = opts.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (server && !opts.databaseUrl && !opts.memory)
    writeFileSync(runningFile(opts.dataDir), JSON.stringify({ pid: process.pid, url }));

  return {
    url,
    port,
    deps,
    app,
    get wsOpen() {
      return ws?.open ?? 0;
    },
    async close() {
      await webhooks.stop();
      await ws?.close();
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        });
        if (!opts.databaseUrl && !opts.memory) {
          try {
            unlinkSync(runningFile(opts.dataDir));
          } catch {
            // already gone
          }
        }
      }
      await events.close();
      await db.close();
    },
  };
}
