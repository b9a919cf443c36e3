/**
 * A local double of LinkedIn, reached by Chromium as https://www.linkedin.com
 * (see /work/shared/browser-testing.md): HTTPS on 127.0.0.1, a small in-memory
 * world (state.ts), the Voyager endpoints (routes/) and SDUI server actions
 * (sdui/) of /work/shared/voyager-reference.md v2 + the decisions D1–D15,
 * strict header/query/body checks, failure injection, a record of every
 * request and a list of requests v2 says must never be sent (violations).
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generateCert } from './cert';
import type { Ctx } from './ctx';
import { Failures } from './failures';
import { parseQueryLoose, tryParseJson } from './http';
import { randomBase64Url, randomDigits } from './ids';
import { newFixture, pageEndpoint, pageReply } from './pages';
import { flatHeaders, readBody, send } from './respond';
import { handleSdui } from './sdui/handler';
import { SDUI_PATH } from './sdui/index';
import { addCompany, addMember, addPost, addReactions, addReceivedInvitation, createState, newMember } from './state';
import type { Session } from './strict';
import type { DoubleClock, LinkedInDouble, Member, RecordedRequest } from './types';
import { API_PREFIX, handleVoyager } from './voyager';

export type {
  Company,
  DoubleClock,
  DoubleState,
  FailOptions,
  FailureMatchInput,
  Fixture,
  Invitation,
  InvitationType,
  LinkedInDouble,
  Member,
  NextVariantStatus,
  OtherReaction,
  Post,
  PostKind,
  ReactionType,
  RecordedRequest,
  Scenario,
  StoredComment,
  StoredMessage,
  StoredShare,
} from './types';

const isApi = (r: RecordedRequest): boolean => r.surface !== 'page';

export async function startLinkedInDouble(opts: { port?: number; slowMs?: number } = {}): Promise<LinkedInDouble> {
  const { key, cert, spkiHash } = await generateCert();
  const state = createState(
    newMember({ slug: 'viewer-me', firstName: 'Vera', lastName: 'Viewer', distance: 'OUT_OF_NETWORK' }),
  );
  const session: Session = { liAt: 'AQEDA' + randomBase64Url(150), jsessionId: `ajax:${randomDigits(19)}` };
  const clock: DoubleClock = {
    offsetMs: 0,
    now() {
      return Date.now() + this.offsetMs;
    },
    advance(ms: number) {
      this.offsetMs += ms;
    },
  };
  const requests: RecordedRequest[] = [];
  let nextId = 1;
  let closed = false;
  const ctx: Ctx = {
    state,
    session,
    fixture: newFixture(),
    clock,
    failures: new Failures(),
    rotations: [],
    violations: [],
    nextVariantAnswered: new Map(),
    slowMs: opts.slowMs ?? 0,
    alive: () => !closed,
  };

  const server = https.createServer({ key, cert }, (req, res) => {
    const at = Date.now();
    void (async () => {
      const rawBody = await readBody(req);
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      const rawQuery = q < 0 ? '' : url.slice(q + 1);
      const parsed = rawBody ? tryParseJson(rawBody) : { ok: false as const };
      const surface =
        path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) ? 'voyager' : path === SDUI_PATH ? 'sdui' : 'page';
      const record: RecordedRequest = {
        id: nextId++,
        at,
        method: req.method ?? 'GET',
        path,
        query: parseQueryLoose(rawQuery),
        rawQuery,
        headers: flatHeaders(req),
        body: parsed.ok ? parsed.value : null,
        rawBody,
        status: 0,
        mutation: false,
        endpoint: '',
        surface,
      };
      requests.push(record);
      if (surface === 'voyager') await handleVoyager(ctx, req, res, record);
      else if (surface === 'sdui') await handleSdui(ctx, req, res, record);
      else {
        record.endpoint = pageEndpoint(record.method, path);
        send(res, record, pageReply(record.method, path, ctx.fixture), 'application/json');
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
  const enter = (m: Member): void => {
    state.viewer = m;
    state.members.set(m.tail, m);
  };

  return {
    url: `https://127.0.0.1:${port}`,
    port,
    spkiHash,
    session,
    get viewer() {
      return state.viewer;
    },
    fixture: ctx.fixture,
    clock,
    requests,
    voyagerRequests: () => requests.filter(isApi),
    apiRequests: () => requests.filter(isApi),
    sduiRequests: () => requests.filter((r) => r.surface === 'sdui'),
    mutations: () => requests.filter((r) => r.mutation),
    violations: ctx.violations,
    state,
    addMember: (m) => addMember(state, m),
    addCompany: (c) => void addCompany(state, c),
    addPost: (p) => {
      const post = addPost(state, p);
      return { threadUrn: post.threadUrn, id: post.id, ...(post.shareUrn ? { shareUrn: post.shareUrn } : {}) };
    },
    addReceivedInvitation: (from) => addReceivedInvitation(state, from, clock.now()),
    addReactions: (threadUrn, n, type) => addReactions(state, threadUrn, n, type),
    setViewer: enter,
    signInAs(m: Member) {
      // A new sign-in is a new session: new li_at and JSESSIONID values.
      enter(m);
      session.liAt = 'AQEDA' + randomBase64Url(150);
      session.jsessionId = `ajax:${randomDigits(19)}`;
    },
    rotateCsrf: (o) => void ctx.rotations.push(o?.match ?? (() => true)),
    fail: (scenario, o) => ctx.failures.add(scenario, o),
    clearFailures: () => {
      ctx.failures.clear();
      ctx.rotations.length = 0;
    },
    reset() {
      requests.length = 0;
      ctx.violations.length = 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      ctx.failures.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
