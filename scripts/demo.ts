/**
 * The main job, end to end on this machine: build the extension, start a
 * LinkedIn double (as https://www.linkedin.com) and a protocol backend on
 * loopback, launch Chromium with the extension, configure it through its
 * options page, enqueue a mixed batch, wait for every result and print them.
 *
 *   npm run demo               headless
 *   npm run demo -- --headed   with a visible window (needs a display)
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startHarness } from '../e2e/harness';
import { auditFromWorker, seedWorld, demoBatch } from './demo-batch';
import { buildExtension } from './build-extension';

const SCALE = Number(process.env.EXECUTOR_TIME_SCALE ?? '100');
const headed = process.argv.includes('--headed');
const OUT = path.resolve(import.meta.dirname, '..', 'demo-output');

async function main(): Promise<number> {
  console.log(`Building the extension (EXECUTOR_TIME_SCALE=${SCALE}: 30 s spacing lasts ${30 / SCALE} s)…`);
  const dir = buildExtension(SCALE, { force: true });
  const harness = await startHarness({ extensionDir: dir, headed });
  try {
    console.log(`LinkedIn double on 127.0.0.1:${harness.linkedin.port} (reached as https://www.linkedin.com); backend ${harness.backend.url}`);
    console.log(`Extension ${harness.extensionId} configured through its options page.`);
    const world = seedWorld(harness.linkedin);
    const batch = demoBatch(world).map((a) => ({ ...a, queued: harness.backend.enqueue(a) }));
    const ids = batch.map((b) => b.queued.id);
    const started = Date.now();
    await harness.backend.waitForFinal(ids, 180_000);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const audit = await auditFromWorker(await harness.worker());
    const rows = batch.map((b) => {
      const result = harness.backend.finalResult(b.queued.id);
      const entries = audit.filter((e) => e.actionId === b.queued.id);
      const requests = entries.reduce((n, e) => n + e.linkedinRequests, 0);
      return {
        action: b.label,
        status: result?.status ?? '(none)',
        code: result?.code ?? '',
        'LinkedIn requests': requests,
        message: (result?.message ?? '').slice(0, 60),
      };
    });
    console.table(rows);
    const deliveries = harness.backend.results.length;
    console.log(`${ids.length} actions, ${ids.length} final results in ${seconds} s; ${deliveries} result deliveries; ${harness.linkedin.mutations().length} LinkedIn mutations; ${harness.backend.heartbeats.length} heartbeats.`);
    mkdirSync(OUT, { recursive: true });
    const popup = await harness.openPopup();
    await popup.locator('#recent li').first().waitFor();
    await popup.screenshot({ path: path.join(OUT, 'popup.png'), fullPage: true });
    console.log(`Popup screenshot: ${path.join(OUT, 'popup.png')}`);
    return 0;
  } finally {
    await harness.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
