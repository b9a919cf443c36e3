/** What the domain needs from the outside: storage, events, the clock and the server secret. */
import type { Db } from '../storage/db';
import type { Events } from './events';

export interface ServerConfig {
  /** How long a lease lasts (protocol: the executor never starts after it). */
  leaseTtlMs: number;
  /** Lease of types that may wait for the user's approval (message, comment, connect, share). */
  approvalLeaseTtlMs: number;
  /** The hint in lease/heartbeat answers; the WebSocket makes polling a fallback. */
  pollAfterMs: number;
  /** First webhook retry delay; doubles per attempt up to an hour, for 24 h. */
  webhookBaseDelayMs: number;
  webhookRetryForMs: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  leaseTtlMs: 15 * 60_000,
  approvalLeaseTtlMs: 4 * 3600_000,
  pollAfterMs: 30_000,
  webhookBaseDelayMs: 5_000,
  webhookRetryForMs: 24 * 3600_000,
};

export interface Deps {
  db: Db;
  events: Events;
  secret: string;
  clock: () => Date;
  config: ServerConfig;
}

/** An answer the HTTP layer sends as it is. */
export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Set when the body must go out byte for byte (an idempotent replay). */
  rawBody?: string;
}

export function errorAnswer(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): Answer {
  return { status, body: { error: { code, message, ...extra } }, ...(headers ? { headers } : {}) };
}
