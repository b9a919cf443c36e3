/**
 * The backend client: a factory over `fetch`, so it runs the same in the
 * worker and in tests. Outcomes are values, not exceptions: callers branch on
 * `kind` (ok / auth / conflict / transient / bad).
 */
import type { z } from '../../contract/zod';
import {
  heartbeatResponseSchema,
  leaseResponseSchema,
  type ActionResult,
  type Heartbeat,
  type HeartbeatResponse,
  type LeaseRequest,
  type LeaseResponse,
} from '../../contract/protocol';

export type BackendOutcome<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'auth'; status: number }
  | { kind: 'conflict' }
  | { kind: 'transient'; error: string }
  | { kind: 'bad'; status: number; error: string };

export interface BackendClientConfig {
  baseUrl: string;
  token: string;
  executorId: string;
  version: string;
  fetch: typeof fetch;
  timeoutMs?: number;
}

export interface BackendClient {
  lease(body: LeaseRequest): Promise<BackendOutcome<LeaseResponse>>;
  reportResult(actionId: string, result: ActionResult): Promise<BackendOutcome<null>>;
  heartbeat(body: Heartbeat): Promise<BackendOutcome<HeartbeatResponse>>;
}

export function createBackendClient(config: BackendClientConfig): BackendClient {
  const timeoutMs = config.timeoutMs ?? 10_000;

  async function post<T>(
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T> | null,
  ): Promise<BackendOutcome<T | null>> {
    let response: Response;
    try {
      response = await config.fetch(new URL(path, config.baseUrl), {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${config.token}`,
          'Content-Type': 'application/json',
          'X-Executor-Id': config.executorId,
          'X-Executor-Version': config.version,
        },
        body: JSON.stringify(body),
        // Never send or accept cookies: the backend gets nothing from the browser's jar.
        credentials: 'omit',
        // A redirect would carry the token and the results to a host nobody configured: an error, never followed.
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { kind: 'transient', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    if (response.status === 401 || response.status === 403) return { kind: 'auth', status: response.status };
    if (response.status === 409) return { kind: 'conflict' };
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      return { kind: 'transient', error: `backend answered ${response.status}` };
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      return {
        kind: 'bad',
        status: response.status,
        error: `backend answered ${response.status}: ${text.slice(0, 200)}`,
      };
    }
    if (!schema) return { kind: 'ok', data: null };
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      return { kind: 'transient', error: 'backend answered with invalid JSON' };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return {
        kind: 'bad',
        status: response.status,
        error: `unexpected backend answer: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      };
    }
    return { kind: 'ok', data: parsed.data };
  }

  return {
    async lease(body) {
      // Only the first one in a worker's life is kept: the bench's cold start (scripts/bench-cold-start.ts).
      if (performance.getEntriesByName('executor:first-lease').length === 0) performance.mark('executor:first-lease');
      const r = await post('/v1/executor/lease', body, leaseResponseSchema);
      return r.kind === 'ok' ? { kind: 'ok', data: r.data ?? { actions: [] } } : r;
    },
    async reportResult(actionId, result) {
      const r = await post(`/v1/executor/actions/${encodeURIComponent(actionId)}/result`, result, null);
      return r.kind === 'ok' ? { kind: 'ok', data: null } : r;
    },
    async heartbeat(body) {
      const r = await post('/v1/executor/heartbeat', body, heartbeatResponseSchema);
      return r.kind === 'ok' ? { kind: 'ok', data: r.data ?? {} } : r;
    },
  };
}
