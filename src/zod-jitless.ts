/**
 * Zod without code generation. By default zod probes `new Function("")` to
 * decide whether to compile fast object parsers: under the extension's CSP
 * (no 'unsafe-eval') the probe throws, is swallowed, and still reports a CSP
 * violation. Zod reads this setting when each object schema is built, so it
 * must run before any schema module is evaluated: it is the first import of
 * every entry point (the worker and each page), checked by zod-jitless.test.ts.
 * The extension's schemas use `zod/mini` (contract/zod.ts); it shares this
 * configuration with classic zod (one core).
 */
import { config } from 'zod/mini';

config({ jitless: true });
