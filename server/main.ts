/** `npm run server`: start, print the base URL, stop cleanly on SIGINT/SIGTERM. */
import type { Settings } from './config';
import { startServer } from './server';

/** Runs until a signal; returns -1 so the CLI does not exit under the running server. */
export async function runMain(settings: Settings): Promise<number> {
  const server = await startServer({
    host: settings.host,
    port: settings.port,
    dataDir: settings.dataDir,
    databaseUrl: settings.databaseUrl,
    config: settings.leaseTtlMs ? { leaseTtlMs: settings.leaseTtlMs } : {},
  });
  const storage = settings.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${settings.dataDir}`;
  console.log(`outbound-executor server, storage: ${storage}`);
  console.log(`OpenAPI document: ${server.url}/openapi.json`);
  console.log(server.url);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : String(err));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return -1;
}
