/** A Web Worker of the audit page: verifies one seq range of the chain (store/audit-verify.ts) and posts the verdict. */
import type { SeqBounds } from '../../store/audit-read';
import { verifyRange } from '../../store/audit-verify';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<SeqBounds>) => {
  verifyRange(event.data).then(
    (verdict) => scope.postMessage({ ok: true, verdict }),
    (error: unknown) =>
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
