/**
 * A local double of the executor backend (../../../../shared/executor-protocol.md, v1):
 * a plain node `http` server on 127.0.0.1 with the three POST endpoints, CORS,
 * auth, a `/v1/executor/ws` wake-up socket and failure injection. Everything it
 * sees is recorded so tests can assert on it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { z } from '../../../contract/zod';
import {
  ACTION_TYPES,
  actionResultSchema,
  heartbeatSchema,
  leaseRequestSchema,
  type ActionResult,
  type Heartbeat,
  type LeaseRequest,
} from '../../../contract/protocol';

export const WS_PATH = '/v1/executor/ws';
const CORS_METHODS = 'GET, POST';
const CORS_HEADERS = 'authorization, content-type, x-executor-id, x-executor-version';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESULT_PATH_RE = /^\/v1\/executor\/actions\/([^/]+)\/result$/;

/**
 * `queued`: waits (possibly until `availableAt`); `leased`: handed out, lease running;
 * `final`: has a final result; `deferred`: deferred while `config.requeueDeferred` was false (parked, not final).
 */
export type QueuedActionStatus = 'queued' | 'leased' | 'final' | 'deferred';

export interface ResultDelivery {
  at: number;
  actionId: string;
  body: ActionResult;
  /** The HTTP status the double answered (200, 404, 409). */
  status: number;
}

export interface QueuedAction {
  id: string;
  type: string;
  params: unknown;
  idempotencyKey: string;
  createdAt: string;
  requestedBy: unknown;
  /** Set for `enqueueRaw`: leased exactly as given. */
  raw: Record<string, unknown> | null;
  /** False for a raw action without an `id`: it is leased once and never matched to a result. */
  tracked: boolean;
  status: QueuedActionStatus;
  /** Epoch ms before which it is not leased (a deferred action's `retryAt`). */
  availableAt: number;
  leaseExpiresAt: string | null;
  leases: number;
  results: ResultDelivery[];
  final: ActionResult | null;
}

export interface RecordedBackendRequest {
  at: number;
  method: string;
  /** Path without the query string. */
  path: string;
  /** Path with the query string, as requested. */
  url: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  rawBody: string;
  /** `rawBody` parsed as JSON, or undefined when empty or not JSON. */
  body: unknown;
  /** 0 until answered; 101 for an accepted WebSocket upgrade. */
  status: number;
}

export interface BackendDoubleConfig {
  /** 0..1: share of lease/result/heartbeat requests answered 503 without applying anything. */
  failRate: number;
  /** Lease regardless of the request's `accept`. */
  ignoreAccept: boolean;
  /** Put `deferred` actions back in the queue at `retryAt` (else park them). */
  requeueDeferred: boolean;
  /** Answer 401 to every API request and WebSocket upgrade. */
  rejectToken: boolean;
  /** Wait this long before handling each API request. */
  delayMs: number;
  pollAfterMs: number;
  leaseTtlMs: number;
  /**
   * The lease of message/comment/connect/share once the last heartbeat carried `approvals`
   * (approval mode), as the real server grants it (4 h there); tests shorten it to see a lease run out.
   */
  approvalLeaseTtlMs: number;
}

export interface EnqueueInput {
  type: string;
  params: unknown;
  id?: string;
  idempotencyKey?: string;
  requestedBy?: unknown;
}

export interface BackendDouble {
  url: string;
  port: number;
  token: string;
  enqueue(a: EnqueueInput): QueuedAction;
  enqueueRaw(raw: Record<string, unknown>): void;
  actions(): QueuedAction[];
  results: ResultDelivery[];
  finalResult(id: string): ActionResult | undefined;
  heartbeats: Array<{ at: number; body: Heartbeat }>;
  leases: Array<{ at: number; body: LeaseRequest; actionIds: string[] }>;
  requests: RecordedBackendRequest[];
  /** `{"type":"ping"}` frames received. */
  readonly wsPings: number;
  /** WebSocket connections accepted so far (`wsOpen` counts the ones still open). */
  readonly wsConnections: number;
  readonly wsOpen: number;
  waitForFinal(ids: string[], timeoutMs: number): Promise<void>;
  waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void>;
  wake(): void;
  config: BackendDoubleConfig;
  failNext(n: number, status: number): void;
  close(): Promise<void>;
}

export interface BackendDoubleOptions {
  token?: string;
  port?: number;
  leaseTtlMs?: number;
}

interface Answer {
  status: number;
  body: unknown;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(ACTION_TYPES);
/** Types that may wait for the user's approval: long leases in approval mode (server/domain/executor.ts). */
const WORDY_TYPES: ReadonlySet<string> = new Set(['message', 'comment', 'connect', 'share']);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** JSON with sorted keys, for comparing outputs structurally. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

function sameResult(a: ActionResult, b: ActionResult): boolean {
  return (
    a.status === b.status &&
    a.code === b.code &&
    a.idempotencyKey === b.idempotencyKey &&
    canonical(a.output) === canonical(b.output)
  );
}

function headerRecord(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function record(req: http.IncomingMessage, rawBody: string): RecordedBackendRequest {
  const url = req.url ?? '/';
  return {
    at: Date.now(),
    method: req.method ?? 'GET',
    path: url.split('?')[0] ?? url,
    url,
    headers: headerRecord(req.headers),
    rawBody,
    body: parseJson(rawBody),
    status: 0,
  };
}

export async function startBackendDouble(opts: BackendDoubleOptions = {}): Promise<BackendDouble> {
  const token = opts.token ?? `tok_${randomBytes(12).toString('hex')}`;
  const config: BackendDoubleConfig = {
    failRate: 0,
    ignoreAccept: false,
    requeueDeferred: true,
    rejectToken: false,
    delayMs: 0,
    pollAfterMs: 30_000,
    leaseTtlMs: opts.leaseTtlMs ?? 15 * 60_000,
    approvalLeaseTtlMs: 4 * 3600_000,
  };
  const queue: QueuedAction[] = [];
  const byId = new Map<string, QueuedAction>();
  const results: ResultDelivery[] = [];
  const heartbeats: BackendDouble['heartbeats'] = [];
  const leases: BackendDouble['leases'] = [];
  const requests: RecordedBackendRequest[] = [];
  const injected: number[] = [];
  let counter = 0;
  let wsPings = 0;
  let wsConnections = 0;

  /** Leases that ran out without a final result go back to the queue. */
  function sweep(now: number): void {
    for (const a of queue) {
      if (a.status === 'leased' && a.leaseExpiresAt !== null && Date.parse(a.leaseExpiresAt) <= now) {
        a.status = 'queued';
        a.leaseExpiresAt = null;
      }
    }
  }

  function queuedCount(): number {
    return queue.filter((a) => a.status === 'queued').length;
  }

  /**
   * Known types are leased only when accepted (there is budget for them); unknown or
   * malformed types cannot appear in `accept`, so they pass through for the executor to refuse.
   */
  function acceptable(a: QueuedAction, accept: readonly string[]): boolean {
    return config.ignoreAccept || !KNOWN_TYPES.has(a.type) || accept.includes(a.type);
  }

  function add(action: QueuedAction): void {
    if (action.tracked) {
      if (byId.has(action.id)) throw new Error(`backend double: duplicate action id ${action.id}`);
      byId.set(action.id, action);
    }
    queue.push(action);
    wake();
  }

  function enqueue(input: EnqueueInput): QueuedAction {
    counter += 1;
    const action: QueuedAction = {
      id: input.id ?? `act_${counter}`,
      type: input.type,
      params: input.params,
      idempotencyKey: input.idempotencyKey ?? randomUUID(),
      createdAt: new Date().toISOString(),
      requestedBy: input.requestedBy ?? { principal: 'user_test', apiKeyId: 'key_test', requestId: `req_${counter}` },
      raw: null,
      tracked: true,
      ...notYetLeased(),
    };
    add(action);
    return action;
  }

  /** The lease bookkeeping of an action that was just enqueued. */
  function notYetLeased(): Pick<
    QueuedAction,
    'status' | 'availableAt' | 'leaseExpiresAt' | 'leases' | 'results' | 'final'
  > {
    return { status: 'queued', availableAt: 0, leaseExpiresAt: null, leases: 0, results: [], final: null };
  }

  function enqueueRaw(raw: Record<string, unknown>): void {
    counter += 1;
    const id = raw['id'];
    const tracked = typeof id === 'string' || typeof id === 'number';
    const str = (v: unknown): string => (typeof v === 'string' ? v : '');
    add({
      id: tracked ? String(id) : `(untracked raw #${counter})`,
      type: str(raw['type']),
      params: raw['params'],
      idempotencyKey: str(raw['idempotencyKey']),
      createdAt: str(raw['createdAt']),
      requestedBy: raw['requestedBy'],
      raw,
      tracked,
      ...notYetLeased(),
    });
  }

  function lease(body: LeaseRequest): Answer {
    const now = Date.now();
    sweep(now);
    const picked: QueuedAction[] = [];
    for (const a of queue) {
      if (picked.length >= body.max) break;
      if (a.status === 'queued' && a.availableAt <= now && acceptable(a, body.accept)) picked.push(a);
    }
    const leaseExpiresAt = new Date(now + config.leaseTtlMs).toISOString();
    const approvalMode = heartbeats.at(-1)?.body.approvals !== undefined;
    const approvalExpiresAt = new Date(now + config.approvalLeaseTtlMs).toISOString();
    for (const a of picked) {
      a.status = 'leased';
      a.leases += 1;
      const long = approvalMode && WORDY_TYPES.has(a.type);
      a.leaseExpiresAt = a.tracked ? (long ? approvalExpiresAt : leaseExpiresAt) : null;
    }
    leases.push({ at: now, body, actionIds: picked.map((a) => a.id) });
    const actions = picked.map((a) =>
      a.raw !== null
        ? { ...a.raw }
        : {
            id: a.id,
            type: a.type,
            params: a.params,
            idempotencyKey: a.idempotencyKey,
            createdAt: a.createdAt,
            leaseExpiresAt: a.leaseExpiresAt,
            requestedBy: a.requestedBy,
          },
    );
    return { status: 200, body: { actions, pollAfterMs: config.pollAfterMs, queued: queuedCount() } };
  }

  function result(id: string, body: ActionResult): Answer {
    const at = Date.now();
    const action = byId.get(id);
    const status = !action ? 404 : action.final === null ? 200 : sameResult(action.final, body) ? 200 : 409;
    const delivery: ResultDelivery = { at, actionId: id, body, status };
    results.push(delivery);
    if (!action) return { status, body: { error: 'not_found' } };
    action.results.push(delivery);
    if (status === 409) return { status, body: { error: 'conflict', final: action.final } };
    if (action.final === null) {
      action.leaseExpiresAt = null;
      if (body.status === 'deferred') {
        const retryAt = body.retryAt === null ? NaN : Date.parse(body.retryAt);
        action.availableAt = Number.isNaN(retryAt) ? at : retryAt;
        action.status = config.requeueDeferred ? 'queued' : 'deferred';
      } else {
        action.status = 'final';
        action.final = body;
      }
    }
    return { status: 200, body: { ok: true } };
  }

  function heartbeat(body: Heartbeat): Answer {
    heartbeats.push({ at: Date.now(), body });
    sweep(Date.now());
    return { status: 200, body: { pollAfterMs: config.pollAfterMs, queued: queuedCount() } };
  }

  function routeOf(path: string): 'lease' | 'heartbeat' | { resultId: string } | null {
    if (path === '/v1/executor/lease') return 'lease';
    if (path === '/v1/executor/heartbeat') return 'heartbeat';
    const m = RESULT_PATH_RE.exec(path);
    if (m?.[1] === undefined) return null;
    try {
      return { resultId: decodeURIComponent(m[1]) };
    } catch {
      return { resultId: m[1] };
    }
  }

  function authProblem(headers: Record<string, string>): Answer | null {
    if (config.rejectToken || headers['authorization'] !== `Bearer ${token}`)
      return { status: 401, body: { error: 'unauthorized' } };
    const executorId = headers['x-executor-id'];
    if (executorId === undefined || executorId === '')
      return { status: 400, body: { error: 'missing header: x-executor-id' } };
    if (!UUID_RE.test(executorId))
      return { status: 400, body: { error: 'invalid header: x-executor-id (expected a uuid)' } };
    if (!headers['x-executor-version']) return { status: 400, body: { error: 'missing header: x-executor-version' } };
    return null;
  }

  function validated<T>(schema: z.ZodMiniType<T>, body: unknown, apply: (value: T) => Answer): Answer {
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      return {
        status: 400,
        body: { error: 'invalid_body', issue: parsed.error.issues[0], issues: parsed.error.issues },
      };
    return apply(parsed.data);
  }

  async function api(rec: RecordedBackendRequest): Promise<Answer> {
    const route = routeOf(rec.path);
    if (route === null) return { status: 404, body: { error: 'not_found' } };
    if (rec.method !== 'POST') return { status: 405, body: { error: 'method_not_allowed' } };
    if (config.delayMs > 0) await sleep(config.delayMs);
    const forced = injected.shift();
    if (forced !== undefined) return { status: forced, body: { error: 'injected_failure' } };
    if (config.failRate > 0 && Math.random() < config.failRate)
      return { status: 503, body: { error: 'injected_failure' } };
    const problem = authProblem(rec.headers);
    if (problem) return problem;
    if (!/^application\/json\s*(;|$)/i.test(rec.headers['content-type'] ?? '')) {
      return { status: 400, body: { error: 'invalid header: content-type (expected application/json)' } };
    }
    if (rec.body === undefined) return { status: 400, body: { error: 'invalid_json' } };
    if (route === 'lease') return validated(leaseRequestSchema, rec.body, lease);
    if (route === 'heartbeat') return validated(heartbeatSchema, rec.body, heartbeat);
    return validated(actionResultSchema, rec.body, (body) => result(route.resultId, body));
  }

  function corsHeaders(req: http.IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    return { 'Access-Control-Allow-Origin': origin ?? '*', Vary: 'Origin' };
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const rec = record(req, await readBody(req));
      requests.push(rec);
      const headers = corsHeaders(req);
      if (rec.method === 'OPTIONS') {
        headers['Access-Control-Allow-Methods'] = CORS_METHODS;
        headers['Access-Control-Allow-Headers'] = CORS_HEADERS;
        headers['Access-Control-Max-Age'] = '600';
        if (req.headers['access-control-request-private-network'] === 'true')
          headers['Access-Control-Allow-Private-Network'] = 'true';
        rec.status = 204;
        res.writeHead(204, headers).end();
        return;
      }
      const answer = await api(rec);
      rec.status = answer.status;
      res.writeHead(answer.status, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: String(err) }));
    });
  });

  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has(`bearer.${token}`) ? `bearer.${token}` : false),
  });

  function rejectUpgrade(socket: Duplex, status: number, reason: string, error: string): void {
    const body = JSON.stringify({ error });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    socket.destroy();
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const rec = record(req, '');
    requests.push(rec);
    if (rec.path !== WS_PATH) {
      rec.status = 404;
      rejectUpgrade(socket, 404, 'Not Found', 'not_found');
      return;
    }
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (config.rejectToken || !offered.includes(`bearer.${token}`)) {
      rec.status = 401;
      rejectUpgrade(socket, 401, 'Unauthorized', 'unauthorized');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      rec.status = 101;
      wsConnections += 1;
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        const frame = parseJson(data.toString());
        if (typeof frame === 'object' && frame !== null && (frame as { type?: unknown }).type === 'ping') wsPings += 1;
      });
      wss.emit('connection', ws, req);
    });
  });

  function wake(): void {
    for (const ws of wss.clients) {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'wake' }));
    }
  }

  async function waitFor(
    predicate: () => boolean,
    timeoutMs: number,
    what: string,
    explain?: () => string,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() >= deadline)
        throw new Error(`backend double: timed out after ${timeoutMs} ms waiting for ${explain ? explain() : what}`);
      await sleep(20);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    enqueue,
    enqueueRaw,
    actions() {
      sweep(Date.now());
      return [...queue];
    },
    results,
    finalResult: (id) => byId.get(id)?.final ?? undefined,
    heartbeats,
    leases,
    requests,
    get wsPings() {
      return wsPings;
    },
    get wsConnections() {
      return wsConnections;
    },
    get wsOpen() {
      return wss.clients.size;
    },
    waitForFinal(ids, timeoutMs) {
      const missing = (): string[] => ids.filter((id) => byId.get(id)?.final == null);
      return waitFor(
        () => missing().length === 0,
        timeoutMs,
        'final results',
        () =>
          `final results; missing: ${missing()
            .map((id) => {
              const a = byId.get(id);
              return a
                ? `${id} (${a.status}, ${a.leases} lease(s), ${a.results.length} result(s))`
                : `${id} (unknown id)`;
            })
            .join(', ')}`,
      );
    },
    waitFor: (predicate, timeoutMs, what) => waitFor(predicate, timeoutMs, what),
    wake,
    config,
    failNext(n, status) {
      for (let i = 0; i < n; i += 1) injected.push(status);
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
