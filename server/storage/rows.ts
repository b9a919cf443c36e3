/** The shapes of rows as both engines return them (timestamptz → Date, jsonb → parsed). */

export interface WorkspaceRow {
  id: string;
  name: string;
  webhook_secret: string;
  callback_url: string | null;
  created_at: Date;
}

export interface ExecutorRow {
  id: string;
  workspace_id: string;
  name: string;
  account_urn: string | null;
  account_slug: string | null;
  heartbeat: unknown;
  last_heartbeat_at: Date | null;
  created_at: Date;
}

export interface ActionRow {
  id: string;
  workspace_id: string;
  executor_id: string;
  type: string;
  params: unknown;
  idempotency_key: string;
  requested_by: unknown;
  callback_url: string | null;
  status: string;
  attempts: number;
  result: unknown;
  next_attempt_at: Date | null;
  lease_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** Joined from the executor: the LinkedIn account the action is for. */
  account_urn: string | null;
}

export interface IdempotencyRow {
  workspace_id: string;
  key: string;
  request_hash: string;
  action_id: string;
  state: 'pending' | 'done';
  status: number | null;
  body: string | null;
  location: string | null;
  created_at: Date;
}

export interface DeliveryRow {
  id: string;
  action_id: string;
  workspace_id: string;
  url: string;
  attempts: number;
  state: string;
  next_at: Date;
  created_at: Date;
}
