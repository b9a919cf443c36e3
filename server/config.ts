/** Settings from the environment, and the server secret kept in the data dir (or SERVER_SECRET). */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Settings {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** LEASE_TTL_MS: how long a leased action stays with its executor (default 15 min). */
  leaseTtlMs: number | undefined;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    host: env['HOST'] ?? '127.0.0.1',
    port: Number(env['PORT'] ?? '8787'),
    dataDir: path.resolve(env['DATA_DIR'] ?? './.data'),
    databaseUrl: env['DATABASE_URL'] || undefined,
    leaseTtlMs: env['LEASE_TTL_MS'] ? Number(env['LEASE_TTL_MS']) : undefined,
  };
}

/**
 * The key of the keyed hashes of API keys and executor tokens. Replicas on
 * one Postgres must share it: set SERVER_SECRET, or share the data dir.
 */
export function serverSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['SERVER_SECRET'];
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'server-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // Written whole under a private name, then linked into place: the link fails if another
  // process (a replica starting at the same moment) got there first, and nobody can ever
  // read a created-but-still-empty file (which once gave two replicas two different keys).
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(draft, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(draft, 0o600);
  try {
    linkSync(draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process wrote it first: use theirs.
    return readFileSync(file, 'utf8').trim();
  } finally {
    rmSync(draft, { force: true });
  }
}

/** PGlite's database lives in a subfolder, beside the secret and the running server's address. */
export const pgliteDir = (dataDir: string): string => path.join(dataDir, 'pglite');
export const runningFile = (dataDir: string): string => path.join(dataDir, 'server.json');
