/** What the requests bench records per action, per row, and overall. */
import type { ActionType } from '../../../contract/protocol';
import type { RowKey } from './rows';

export interface RequestDetail {
  endpoint: string;
  method: string;
  status: number;
  mutation: boolean;
}

export interface ActionRun {
  label: string;
  actionId: string;
  type: string;
  params: Record<string, unknown>;
  status: string;
  code: string | null;
  message: string;
  /** Audit entries for the action (more than 1 if it was deferred and retried). */
  attempts: number;
  /** Sum of the audit entries' linkedinRequests. */
  linkedinRequests: number;
  /** Voyager requests the double saw inside the entries' [startedAt, finishedAt]. */
  doubleRequests: number;
  requests: RequestDetail[];
  durationMs: number;
  asExpected: boolean;
  startedAt: number;
  finishedAt: number;
}

export interface Measurement extends ActionRun {
  setup: string;
  cacheClearedBefore: boolean;
  /** Cache keys present right before the measured action was queued (tails shown as <slug>). */
  cacheKeysBefore: string[];
  primedBy: ActionRun[];
  /** Time from the priming action's end to the measured action's start. */
  gapAfterPrimeMs: number | null;
  /** The count from the audit log equals the double's record. */
  crossCheckOk: boolean;
}

export interface RequestRow {
  key: RowKey;
  action: string;
  type: ActionType;
  input: string;
  goal: { cold: number; warm: number };
  cold: Measurement;
  warm: Measurement;
  pass: { cold: boolean; warm: boolean; overall: boolean };
  notes: string[];
}

export interface ExtraRow {
  key: RowKey;
  title: string;
  measurement: Measurement;
}

export interface RequestResults {
  rows: RequestRow[];
  extra: ExtraRow[];
  crossCheck: {
    actions: number;
    matching: number;
    mismatches: Array<{ actionId: string; label: string; audit: number; double: number }>;
    /** Voyager requests the double saw outside any action's window during the steps (e.g. GET /me). */
    unattributed: Array<{ endpoint: string; method: string; at: number }>;
  };
  world: Record<string, string>;
  elapsedMs: number;
}
