/**
 * A local double of LinkedIn, reached by Chromium as https://www.linkedin.com
 * (see /work/shared/browser-testing.md): HTTPS on 127.0.0.1, a small in-memory
 * world (state.ts), the Voyager endpoints of /work/shared/voyager-reference.md
 * (routes/), strict header/query/body checks (400 on any drift), failure
 * injection, and a record of every request.
 */
import https from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateCert } from './cert';
import { Failures, scenarioReply } from './failures';
import { HttpError, parseQuery, parseQueryLoose, tryParseJson, type Reply } from './http';
import { randomBase64Url, randomDigits } from './ids';
import { pageEndpoint, pageReply } from './pages';
import { checkQuery, parseBody, resolveRoute } from './routes/index';
import { addCompany, addMember, addPost, createState, newMember } from './state';
import { checkVoyagerHeaders, type Session } from './strict';
import type { DoubleState, LinkedInDouble, Member, RecordedRequest } from './types';

export type {
  Company, DoubleState, FailOptions, FailureMatchInput, Invitation, LinkedInDouble, Member, Post, PostKind,
  ReactionType, RecordedRequest, Scenario, StoredComment, StoredMessage, StoredShare,
} from './types';

const API_PREFIX = '/voyager/api';
const VOYAGER_JSON = 'application/vnd.linkedin.normalized+json+2.1; charset=UTF-8';

interface Ctx {
  state: DoubleState;
  session: Session;
  failures: Failures;
  slowMs: number;
  alive: () => boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function send(res: ServerResponse, record: RecordedRequest, reply: Reply, jsonType: string): void {
  record.status = reply.status;
  if (res.destroyed) return;
  // Never keep a connection alive: Chromium silently resends a request (even a POST) when a
  // *reused* keep-alive socket closes without an answer, which would defeat 'dropAfterApply'.
  const headers: OutgoingHttpHeaders = { ...reply.headers, connection: 'close' };
  let payload = '';
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers['content-type'] = jsonType;
  } else if (reply.text !== undefined) {
    payload = reply.text;
    headers['content-type'] = reply.type ?? 'text/plain; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Header checks → route/query/body checks → failure injection → apply. */
async function handleVoyager(ctx: Ctx, req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
  const { method, path, rawQuery, rawBody } = record;
  let subPath: string | null = null;
  try {
    subPath = decodeURIComponent(path.slice(API_PREFIX.length));
  } catch {
    subPath = null;
  }
  const resolution = subPath === null ? { route: null, reason: 'malformed path' } : resolveRoute(method, subPath, parseQueryLoose(rawQuery));
  record.endpoint = resolution.route?.endpoint ?? 'unknown';
  if (ctx.slowMs > 0) await sleep(ctx.slowMs);
  let drop = false;
  let reply: Reply;
  try {
    checkVoyagerHeaders(req.headers, method, rawBody !== '', ctx.session);
    if (!resolution.route) throw new HttpError({ status: 400, json: { status: 400, message: resolution.reason } });
    const { route, params } = resolution;
    const query = parseQuery(rawQuery);
    checkQuery(route, query);
    const body = parseBody(route, rawBody);
    const picked = ctx.failures.take({ method, path, endpoint: route.endpoint });
    if (picked.delayMs > 0) await sleep(picked.delayMs);
    if (!ctx.alive()) return;
    const scenario = picked.scenario;
    if (scenario && scenario.kind !== 'dropAfterApply') {
      reply = scenarioReply(scenario);
    } else {
      drop = scenario?.kind === 'dropAfterApply';
      reply = route.handle({ state: ctx.state, params, query, body, now: Date.now() });
      record.mutation = route.write && reply.status >= 200 && reply.status < 300;
    }
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    reply = e.reply;
  }
  if (drop) {
    // The write (if valid) was applied; the client never gets a usable answer (status stays 0).
    // The answer is cut off after its headers, not before: a connection closed before any
    // response byte makes Chromium silently resend the request (even a POST) on a fresh
    // connection, which would be the browser's retry, not the executor's.
    res.writeHead(200, { 'content-type': VOYAGER_JSON, 'content-length': '4096', connection: 'close' });
    res.write('{"data":{');
    setTimeout(() => {
      res.socket?.destroy();
      res.destroy();
    }, 5);
    return;
  }
  send(res, record, reply, VOYAGER_JSON);
}

export async function startLinkedInDouble(opts: { port?: number; slowMs?: number } = {}): Promise<LinkedInDouble> {
  const { key, cert, spkiHash } = await generateCert();
  const state = createState(newMember({ slug: 'viewer-me', firstName: 'Vera', lastName: 'Viewer', distance: 'OUT_OF_NETWORK' }));
  const session: Session = { liAt: 'AQEDA' + randomBase64Url(150), jsessionId: `ajax:${randomDigits(19)}` };
  const failures = new Failures();
  const requests: RecordedRequest[] = [];
  let nextId = 1;
  let closed = false;
  const ctx: Ctx = { state, session, failures, slowMs: opts.slowMs ?? 0, alive: () => !closed };

  const server = https.createServer({ key, cert }, (req, res) => {
    const at = Date.now();
    void (async () => {
      const rawBody = await readBody(req);
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      const rawQuery = q < 0 ? '' : url.slice(q + 1);
      const parsed = rawBody ? tryParseJson(rawBody) : { ok: false as const };
      const record: RecordedRequest = {
        id: nextId++, at, method: req.method ?? 'GET', path, query: parseQueryLoose(rawQuery), rawQuery,
        headers: flatHeaders(req), body: parsed.ok ? parsed.value : null, rawBody, status: 0, mutation: false, endpoint: '',
      };
      requests.push(record);
      if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) {
        await handleVoyager(ctx, req, res, record);
      } else {
        record.endpoint = pageEndpoint(record.method, path);
        send(res, record, pageReply(record.method, path), 'application/json');
      }
    })().catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`double error: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `https://127.0.0.1:${port}`,
    port,
    spkiHash,
    session,
    get viewer() {
      return state.viewer;
    },
    requests,
    voyagerRequests: () => requests.filter((r) => r.path === API_PREFIX || r.path.startsWith(`${API_PREFIX}/`)),
    mutations: () => requests.filter((r) => r.mutation),
    state,
    addMember: (m) => addMember(state, m),
    addCompany: (c) => void addCompany(state, c),
    addPost: (p) => {
      const post = addPost(state, p);
      return { threadUrn: post.threadUrn, id: post.id };
    },
    setViewer(m: Member) {
      state.viewer = m;
      state.members.set(m.tail, m);
    },
    signInAs(m: Member) {
      // A new sign-in is a new session: new li_at and JSESSIONID values.
      state.viewer = m;
      state.members.set(m.tail, m);
      session.liAt = 'AQEDA' + randomBase64Url(150);
      session.jsessionId = `ajax:${randomDigits(19)}`;
    },
    fail: (scenario, o) => failures.add(scenario, o),
    clearFailures: () => failures.clear(),
    reset() {
      requests.length = 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      failures.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
