/**
 * The operator's command line (`npm run server -- …`).
 *
 *   (no command) | serve                               start the server
 *   keys create --workspace NAME                       new API key, alone on the last line
 *   executors create --workspace NAME [--name LABEL]   new executor token, alone on the last line
 *   webhooks url --workspace NAME (--url URL | --clear)   the workspace's default callback URL
 *   webhooks secret --workspace NAME                   new webhook signing secret, alone on the last line
 *
 * With PGlite only one process may open the data dir: when a server is
 * running on it, the CLI asks that server (an admin route keyed by the
 * server secret) instead of opening the database itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serverSecret, settingsFromEnv, type Settings } from './config';
import type { Operation, OperatorInput } from './domain/operator';
import { operate } from './domain/operator';
import { runMain } from './main';
import { adminToken, openStorage } from './server';
import { runningFile } from './config';

export const HELP = `Usage: npm run server [-- <command>]

Commands:
  (none), serve                                  start the server on HOST:PORT (default 127.0.0.1:8787) and print its URL
  keys create --workspace NAME                   create an API key; printed once, alone on the last line
  executors create --workspace NAME [--name L]   create an executor token for one LinkedIn account; printed once, alone on the last line
  webhooks url --workspace NAME --url URL        POST every final action of the workspace to URL (signed); --clear removes it
  webhooks secret --workspace NAME               rotate the webhook signing secret; printed alone on the last line
  --help                                         this text
The create commands create the workspace when it does not exist.

Environment:
  PORT, HOST        where to listen (8787, 127.0.0.1)
  DATA_DIR          PGlite database and the server secret (./.data)
  DATABASE_URL      postgres://… to use PostgreSQL instead of PGlite (replicas share it)
  LEASE_TTL_MS      how long an executor holds a leased action (900000 = 15 min)
  SERVER_SECRET     the key of the stored key/token hashes (default: DATA_DIR/server-secret); replicas must share it
`;

function operationOf(positionals: string[]): Operation | undefined {
  const [noun, verb] = positionals;
  if (noun === 'keys' && verb === 'create') return 'keys.create';
  if (noun === 'executors' && verb === 'create') return 'executors.create';
  if (noun === 'webhooks' && verb === 'url') return 'webhooks.url';
  if (noun === 'webhooks' && verb === 'secret') return 'webhooks.secret';
  return undefined;
}

/** A server running on this PGlite data dir, if any (its pid is alive). */
function runningServer(settings: Settings): { url: string } | undefined {
  if (settings.databaseUrl) return undefined;
  const file = runningFile(settings.dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; url?: unknown };
    if (typeof info.pid !== 'number' || typeof info.url !== 'string') return undefined;
    process.kill(info.pid, 0);
    return { url: info.url };
  } catch {
    return undefined;
  }
}

export async function runOperation(
  settings: Settings,
  op: Operation,
  input: OperatorInput,
): Promise<{ note: string; secret?: string }> {
  const secret = serverSecret(settings.dataDir);
  const running = runningServer(settings);
  if (running) {
    const res = await fetch(`${running.url}/_admin/${op}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken(secret)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { note?: string; secret?: string; error?: { message?: string } };
    if (!res.ok) throw new Error(body.error?.message ?? `the running server answered ${res.status}`);
    return { note: body.note ?? '', ...(body.secret ? { secret: body.secret } : {}) };
  }
  const db = await openStorage(settings);
  try {
    return await operate(db, secret, op, input);
  } finally {
    await db.close();
  }
}

export async function cli(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      name: { type: 'string' },
      url: { type: 'string' },
      clear: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals[0] === 'help') {
    console.log(HELP);
    return 0;
  }
  const settings = settingsFromEnv();
  if (positionals.length === 0 || positionals[0] === 'serve') return runMain(settings);
  const op = operationOf(positionals);
  if (!op) {
    console.error(`Unknown command: ${positionals.join(' ')}\n\n${HELP}`);
    return 2;
  }
  if (!values.workspace) {
    console.error(`--workspace NAME is required\n\n${HELP}`);
    return 2;
  }
  if (op === 'webhooks.url' && !values.url && !values.clear) {
    console.error('webhooks url needs --url URL or --clear');
    return 2;
  }
  const out = await runOperation(settings, op, {
    workspace: values.workspace,
    name: values.name,
    url: values.clear ? null : values.url,
  });
  console.log(out.note);
  // The secret alone on the last line, so scripts can take it with `tail -n 1`.
  if (out.secret) console.log(out.secret);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  cli(process.argv.slice(2)).then(
    (code) => {
      if (code !== -1) process.exit(code);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}
