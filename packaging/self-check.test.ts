import { describe, expect, it } from 'vitest';
import { selfCheck, type PackageFile, type SelfCheckInput } from './self-check';

const enc = (s: string) => new TextEncoder().encode(s);
const file = (path: string, body: string): PackageFile => ({ path, bytes: enc(body) });

const MANIFEST = {
  manifest_version: 3,
  name: 'Outbound Executor',
  description: 'Executes queued LinkedIn actions.',
  version: '1.2.3',
  icons: { 128: 'icons/icon-128.png' },
  action: { default_popup: 'src/ui/popup/index.html' },
  background: { service_worker: 'service-worker-loader.js', type: 'module' },
  permissions: ['storage', 'alarms'],
  host_permissions: ['https://www.linkedin.com/*'],
  content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'" },
};

function input(
  over: { manifest?: Record<string, unknown>; files?: PackageFile[]; zipBytes?: number } = {},
): SelfCheckInput {
  return {
    files: [
      file('manifest.json', JSON.stringify(over.manifest ?? MANIFEST)),
      file('icons/icon-128.png', 'png'),
      file('src/ui/popup/index.html', '<script type="module" src="/assets/popup.js"></script>'),
      file('service-worker-loader.js', "import './assets/index.js';"),
      file('assets/index.js', 'const c=Function.call.bind(Object.prototype.hasOwnProperty);x.devtools={eval:{}};'),
      ...(over.files ?? []),
    ],
    allowList: {
      permissions: { storage: 'Keeps settings.', alarms: 'Wakes up.' },
      host_permissions: { 'https://www.linkedin.com/*': 'Acts on LinkedIn.' },
    },
    version: '1.2.3',
    zipBytes: over.zipBytes ?? 1000,
    budgetBytes: 2000,
  };
}

describe('selfCheck', () => {
  it('passes a clean package (Function.call.bind and an "eval" key are not code from strings)', () => {
    expect(selfCheck(input())).toEqual([]);
  });

  it('refuses a permission missing from the allow-list, or allowed without a one-line reason', () => {
    const manifest = { ...MANIFEST, permissions: ['storage', 'tabs'], optional_host_permissions: ['<all_urls>'] };
    expect(selfCheck(input({ manifest }))).toEqual([
      'manifest permissions: "tabs" is not in store/permissions.json (add it with a justification).',
      'manifest optional_host_permissions: "<all_urls>" is not in store/permissions.json (add it with a justification).',
    ]);
    const blank = input();
    blank.allowList.permissions.alarms = ' ';
    expect(selfCheck(blank)).toEqual(['store/permissions.json: "alarms" needs a one-line justification.']);
  });

  it.each([
    ['assets/a.js', 'x=1;eval("2")', 'assets/a.js: `eval(` (remote or dynamic code).'],
    [
      'assets/a.js',
      'new Function("a","return a")',
      'assets/a.js: a `Function(…)` constructor call (remote or dynamic code).',
    ],
    [
      'assets/a.js',
      'let e=Function,t=1;new e("")',
      'assets/a.js: the `Function` constructor taken into a variable (remote or dynamic code).',
    ],
    ['assets/a.js', 'setTimeout("go()",1)', 'assets/a.js: a timer given code as a string (remote or dynamic code).'],
    [
      'assets/a.js',
      'await import("https://cdn.example/x.js")',
      'assets/a.js: `import()` of a URL (remote or dynamic code).',
    ],
    [
      'assets/a.js',
      "importScripts('//cdn.example/x.js')",
      'assets/a.js: `importScripts()` of a URL (remote or dynamic code).',
    ],
    [
      'p.html',
      '<script src="https://cdn.example/x.js"></script>',
      'p.html: a <script> loaded from another origin (remote code).',
    ],
  ])('refuses remote or dynamic code: %s %s', (path, body, problem) => {
    expect(selfCheck(input({ files: [file(path, body)] }))).toEqual([problem]);
  });

  it('refuses fields the store rejects, a wrong version and an unsafe CSP', () => {
    const manifest = {
      ...MANIFEST,
      key: 'MIIB…',
      update_url: 'https://example.com/u.xml',
      version: '1.2.4',
      description: 'x'.repeat(133),
      content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" },
    };
    expect(selfCheck(input({ manifest }))).toEqual([
      'manifest: "key" must not be in a store package (the store assigns the extension id; `key` belongs to dev and test builds only).',
      'manifest: "update_url" must not be in a store package (a store extension updates from the store).',
      "manifest: version 1.2.4 differs from package.json's 1.2.3.",
      `manifest: content_security_policy script-src allows remote or eval'd code ("'self' 'unsafe-eval'").`,
      'manifest: description is required, at most 132 characters (has 133).',
    ]);
  });

  it('reads a localized name and description in every locale, and wants the default locale present', () => {
    const manifest = {
      ...MANIFEST,
      default_locale: 'en',
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
    };
    const catalogue = (description: string) =>
      JSON.stringify({ extName: { message: 'Outbound Executor' }, extDescription: { message: description } });
    expect(
      selfCheck(input({ manifest, files: [file('_locales/en/messages.json', catalogue('Executes actions.'))] })),
    ).toEqual([]);
    expect(
      selfCheck(
        input({
          manifest,
          files: [
            file('_locales/en/messages.json', catalogue('Executes actions.')),
            file('_locales/de/messages.json', catalogue('y'.repeat(140))),
          ],
        }),
      ),
    ).toEqual(['manifest: description is required, at most 132 characters (has 140).']);
    expect(selfCheck(input({ manifest: { ...manifest, default_locale: 'fr' } }))).toEqual([
      'manifest: default_locale "fr" has no _locales/fr/messages.json.',
    ]);
  });

  it('refuses source maps, test code, a missing file the manifest names, and a zip over budget', () => {
    const problems = selfCheck(
      input({
        files: [
          file('assets/a.js.map', '{}'),
          file('assets/b.js', 'x\n//# sourceMappingURL=b.js.map'),
          file('e2e/x.spec.js', ''),
        ],
        zipBytes: 2001,
      }),
    );
    expect(problems).toEqual([
      'assets/a.js.map: a source map.',
      'assets/b.js: points to a source map.',
      'e2e/x.spec.js: test code.',
      'the zip is 2001 bytes, over the 2000-byte budget.',
    ]);
    const noIcon = input();
    noIcon.files = noIcon.files.filter((f) => f.path !== 'icons/icon-128.png');
    expect(selfCheck(noIcon)).toEqual(['manifest names "icons/icon-128.png", which is not in the package.']);
    expect(selfCheck({ ...input(), files: [] })).toEqual(['manifest.json is missing at the root of the package.']);
  });
});
