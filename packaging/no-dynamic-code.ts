/**
 * A Vite plugin that takes zod's code generator out of the bundle. The extension runs zod
 * jitless (src/zod-jitless.ts), so zod never compiles a parser, but its `Function` constructor
 * calls stay in the text, and the store (and our self-check) refuse a package that can build
 * code from strings. Each `const F = Function;` becomes a constructor that throws EvalError:
 * exactly what zod meets under a strict CSP, which it already handles (jitless, or a typed
 * "unsupported" error). A zod release that moves these lines fails the build here, by name.
 */
import type { Plugin } from 'vite';

const ZOD_FILES = /[\\/]zod[\\/]v4[\\/]core[\\/](util|doc|compile)\.js$/;
const FUNCTION_ALIAS = 'const F = Function;';
const THROWING = `const F = function noDynamicCode() { throw new EvalError('no code from strings in this extension (zod runs jitless)'); };`;

export function noDynamicCode(): Plugin {
  return {
    name: 'outbound-executor:no-dynamic-code',
    enforce: 'pre',
    transform(code, id) {
      if (!ZOD_FILES.test(id)) return null;
      if (!code.includes(FUNCTION_ALIAS))
        throw new Error(`${id}: zod no longer has "${FUNCTION_ALIAS}"; update packaging/no-dynamic-code.ts`);
      return { code: code.replaceAll(FUNCTION_ALIAS, THROWING), map: null };
    },
  };
}
