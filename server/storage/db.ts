/**
 * One small interface over the two Postgres engines the server runs on:
 * PGlite (embedded, WASM, the default) and a real PostgreSQL through `pg`.
 * The same SQL runs on both; only connection handling differs here.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on a throw). */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; the returned function stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const lite = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await lite.waitReady;
  return {
    kind: 'pglite',
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      return (await lite.query<T>(sql, [...params])).rows;
    },
    // PGlite has one connection: its transaction() holds it, so other queries wait, which
    // serialises writers exactly as row locks would on a real server.
    tx: (fn) =>
      lite.transaction((t) =>
        fn({
          query: async <T extends object>(sql: string, params: readonly unknown[] = []) =>
            (await t.query<T>(sql, [...params])).rows,
        }),
      ),
    async listen(channel, onPayload) {
      const stop = await lite.listen(channel, onPayload);
      return async () => stop();
    },
    close: () => lite.close(),
  };
}

export async function openPostgres(url: string): Promise<Db> {
  // Timestamps come back as Date (the default); int8 counts are cast to int in SQL.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env['PG_POOL_MAX'] ?? '10') });
  pool.on('error', (err) => console.error(`postgres pool: ${err.message}`));
  let listener: pg.Client | null = null;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  async function listenerClient(): Promise<pg.Client> {
    if (listener) return listener;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    client.on('notification', (n) => {
      for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
    });
    client.on('error', (err) => console.error(`postgres listener: ${err.message}`));
    listener = client;
    return client;
  }
  return {
    kind: 'postgres',
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query<T>(sql, [...params])).rows;
    },
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn({
          query: async <T extends object>(sql: string, params: readonly unknown[] = []) =>
            (await client.query<T>(sql, [...params])).rows,
        });
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      const client = await listenerClient();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await client.query(`LISTEN ${channel}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      if (listener) await listener.end().catch(() => undefined);
      await pool.end();
    },
  };
}

export function openDb(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
