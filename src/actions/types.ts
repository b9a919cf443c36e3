/**
 * What every action module provides, and what it gets to work with.
 * An action module = one LinkedIn endpoint family: path, body builder,
 * response parser and confidence note together, so a LinkedIn change is a
 * one-file fix.
 */
import type { z } from '../../contract/zod';
import { describeIssue } from '../../contract/params';
import type { ActionType, Bucket, ResultCode, ResultStatus } from '../../contract/protocol';
import type { Verdict } from '../voyager/classify';
import type { LinkedInCall, LinkedInClient } from '../voyager/client';
import type { Viewer } from '../voyager/identity';
import type { Exhausted, VariantMemory } from './variants';

/** Who is signed in: defined with the /me parser (voyager/ never imports actions/). */
export type { Viewer } from '../voyager/identity';

export interface Outcome {
  status: ResultStatus;
  code: ResultCode | null;
  message: string;
  output: Record<string, unknown>;
  /** Epoch ms, for deferred outcomes. */
  retryAt?: number | null;
  /**
   * Set when LinkedIn answered in a way that means it changed (410, a 400
   * without a business code after every variant, an answer the parser cannot
   * read): counted per endpoint, and enough of them suspend the action type.
   */
  drift?: Drift;
}

export interface Drift {
  /** The endpoint (family) that drifted, e.g. `withdraw` or `profile lookup`. */
  endpoint: string;
  reason: string;
  /** 410: the endpoint is retired; suspends at once. */
  gone: boolean;
}

export interface ActionCache {
  get<T>(key: string, parse: (value: unknown) => T | undefined): Promise<T | undefined>;
  /** ttlMs is nominal; the store scales it. */
  put(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ActionContext {
  linkedin: LinkedInClient;
  /** Which variant of each endpoint family answered last (variants.ts). */
  variants: VariantMemory;
  cache: ActionCache;
  viewer: Viewer;
  now: () => number;
  /**
   * Sends a write. The intent (what is needed to recognise this write later)
   * is persisted before the request leaves, so a restart can reconcile
   * instead of sending twice.
   */
  mutate(call: LinkedInCall, intent: Record<string, unknown>): Promise<Verdict>;
}

export interface ActionDefinition<P> {
  type: ActionType;
  bucket: Bucket;
  params: z.ZodMiniType<P>;
  /** Short, human-readable summary of the params for the audit log. */
  summarize(params: P): string;
  execute(params: P, ctx: ActionContext): Promise<Outcome>;
  /**
   * Reads LinkedIn back to tell whether a write whose answer was lost (or
   * whose worker died) took effect. Absent = no read-back exists: the outcome
   * stays unknown and the write is never sent twice.
   */
  reconcile?(params: P, intent: Record<string, unknown>, ctx: ActionContext): Promise<Reconciliation>;
}

export type Reconciliation =
  | { kind: 'done'; outcome: Outcome }
  | { kind: 'not_done' }
  /** The write sets a state: sending it again is harmless, and settles what a read-back cannot. */
  | { kind: 'resend'; reason: string }
  | { kind: 'unknown'; reason: string };

export function succeeded(message: string, output: Record<string, unknown>): Outcome {
  return { status: 'succeeded', code: null, message, output };
}

const drifted = (endpoint: string, reason: string, status: number | null, gone = false): Outcome => ({
  status: 'failed',
  code: 'linkedin_error',
  message: `${endpoint}: LinkedIn answered in a way this executor does not understand (${reason})`,
  output: { httpStatus: status, endpoint },
  drift: { endpoint, reason, gone },
});

/** A 2xx whose body the parser could not read: never a success, and a sign LinkedIn changed. */
export function unreadableOutcome(endpoint: string, status: number, what: string): Outcome {
  return drifted(endpoint, `unreadable answer: ${what}`, status);
}

/** Every variant said "not served here": LinkedIn moved the endpoint (or, all 404, the target is gone). */
export function exhaustedOutcome(endpoint: string, exhausted: Exhausted, what: string): Outcome {
  const statuses = exhausted.tried.map((t) => t.status);
  const reason = exhausted.tried.map((t) => `${t.name}: ${t.reason}`).join('; ');
  if (statuses.length > 0 && statuses.every((s) => s === 404)) {
    return {
      status: 'failed',
      code: 'not_found',
      message: `${what}: not found on LinkedIn (${reason})`,
      output: { httpStatus: 404 },
    };
  }
  return drifted(endpoint, reason, statuses.at(-1) ?? null, statuses.includes(410));
}

/**
 * The outcome for a LinkedIn answer that is not success (stop verdicts never
 * get here; lost answers on writes are reconciled before this).
 */
export function failureOutcome(verdict: Exclude<Verdict, { kind: 'ok' }>, what: string, endpoint: string): Outcome {
  switch (verdict.kind) {
    case 'next_variant':
      if (verdict.status === 404)
        return {
          status: 'failed',
          code: 'not_found',
          message: `${what}: not found on LinkedIn`,
          output: { httpStatus: 404 },
        };
      return drifted(endpoint, verdict.reason, verdict.status);
    case 'gone':
      return drifted(endpoint, 'HTTP 410 (endpoint retired)', verdict.status, true);
    case 'unexpected':
      return drifted(endpoint, verdict.reason, verdict.status);
    case 'invitation_limit':
      return {
        status: 'deferred',
        code: 'invitation_limit',
        message: `${what}: LinkedIn's weekly invitation limit${verdict.code ? ` (${verdict.code})` : ''}`,
        output: { httpStatus: verdict.status },
      };
    case 'network_error':
      return {
        status: 'failed',
        code: 'linkedin_error',
        message: `${what}: no answer from LinkedIn (${verdict.reason})`,
        output: { httpStatus: null },
      };
    case 'refused':
      return {
        status: 'failed',
        code: 'linkedin_error',
        message: `${what}: LinkedIn refused (${verdict.detail})`,
        output: { httpStatus: verdict.status },
      };
    case 'challenge':
    case 'session_expired':
    case 'rate_limited':
    case 'unauthorized':
    case 'csrf':
    case 'server_error':
      return {
        status: 'failed',
        code: 'linkedin_error',
        message: `${what}: LinkedIn answered HTTP ${verdict.status}`,
        output: { httpStatus: verdict.status },
      };
  }
}

/** A validated action, ready to run. */
export interface PreparedAction {
  summary: string;
  run(ctx: ActionContext): Promise<Outcome>;
  reconcile?(intent: Record<string, unknown>, ctx: ActionContext): Promise<Reconciliation>;
}

/** An action definition with its params type closed over, for the registry. */
export interface RegisteredAction {
  type: ActionType;
  bucket: Bucket;
  prepare(params: unknown): { ok: true; action: PreparedAction } | { ok: false; message: string };
}

export function defineAction<P>(definition: ActionDefinition<P>): RegisteredAction {
  return {
    type: definition.type,
    bucket: definition.bucket,
    prepare(raw) {
      const parsed = definition.params.safeParse(raw);
      if (!parsed.success) return { ok: false, message: describeIssue(parsed.error).message };
      const params = parsed.data;
      return {
        ok: true,
        action: {
          summary: definition.summarize(params),
          run: (ctx) => definition.execute(params, ctx),
          reconcile:
            definition.reconcile &&
            ((intent, ctx) =>
              definition.reconcile?.(params, intent, ctx) ??
              Promise.resolve({ kind: 'unknown', reason: 'no read-back' })),
        },
      };
    },
  };
}
