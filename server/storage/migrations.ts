/**
 * The schema, as numbered migrations applied in order at start-up. A new
 * change is a new entry at the end; an applied entry is never edited. SQL is
 * kept to what PostgreSQL 15 (Debian) and PGlite (18) both understand.
 */
import type { Db } from './db';

export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'workspaces, keys, executors, actions, idempotency, webhooks',
    sql: `
      CREATE TABLE workspaces (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        webhook_secret text NOT NULL,
        callback_url text,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE api_keys (
        id text PRIMARY KEY,
        workspace_id text NOT NULL REFERENCES workspaces(id),
        key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE executors (
        id text PRIMARY KEY,
        workspace_id text NOT NULL REFERENCES workspaces(id),
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        account_urn text,
        account_slug text,
        heartbeat jsonb,
        last_heartbeat_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE actions (
        id text PRIMARY KEY,
        workspace_id text NOT NULL REFERENCES workspaces(id),
        executor_id text NOT NULL REFERENCES executors(id),
        type text NOT NULL,
        params jsonb NOT NULL,
        idempotency_key text NOT NULL,
        requested_by jsonb NOT NULL,
        callback_url text,
        status text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        result jsonb,
        next_attempt_at timestamptz,
        lease_expires_at timestamptz,
        -- Final, and its webhook (if any) not yet written to webhook_deliveries.
        webhook_pending boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX actions_webhook_pending ON actions (updated_at) WHERE webhook_pending;
      -- The lease scan: an executor's waiting actions, oldest first (read in index order, stopped at LIMIT).
      CREATE INDEX actions_waiting ON actions (executor_id, created_at, id) WHERE status IN ('queued', 'leased');
      CREATE INDEX actions_list ON actions (workspace_id, created_at DESC, id DESC);
      CREATE TABLE idempotency (
        workspace_id text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        action_id text NOT NULL,
        state text NOT NULL,
        status int,
        body text,
        location text,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, key)
      );
      CREATE TABLE webhook_deliveries (
        id text PRIMARY KEY,
        action_id text NOT NULL,
        workspace_id text NOT NULL,
        url text NOT NULL,
        -- The final action is rendered at send time (a final action no longer changes).
        body text,
        attempts int NOT NULL DEFAULT 0,
        state text NOT NULL,
        next_at timestamptz NOT NULL,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz
      );
      CREATE INDEX webhook_due ON webhook_deliveries (state, next_at);
    `,
  },
];

/**
 * Applies the missing migrations in one transaction under an advisory lock,
 * so replicas starting together against one Postgres apply each exactly once.
 */
export async function migrate(db: Db): Promise<number[]> {
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(727274)');
    await q.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await q.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of m.sql
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== ''))
        await q.query(statement);
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
