/**
 * The store package's self-check: a pure function over the files a zip holds (the manifest is
 * read from them), so what is checked is what would be uploaded. Each problem is one sentence
 * naming the file or field; an empty list means the package may go to the Chrome Web Store.
 */

export interface PackageFile {
  path: string;
  bytes: Uint8Array;
}

/** store/permissions.json: every permission the manifest may ask for, with the one-line reason the store asks for. */
export interface PermissionAllowList {
  permissions: Record<string, string>;
  host_permissions: Record<string, string>;
}

export interface SelfCheckInput {
  files: PackageFile[];
  allowList: PermissionAllowList;
  /** package.json's version: the manifest (and so the heartbeat, which reads the manifest) must say the same. */
  version: string;
  zipBytes: number;
  budgetBytes: number;
}

/** Manifest fields the store refuses, or that make no sense in a store upload. */
const FORBIDDEN_FIELDS: Record<string, string> = {
  key: 'the store assigns the extension id; `key` belongs to dev and test builds only',
  update_url: 'a store extension updates from the store',
  browser_action: 'a Manifest V2 field (use `action`)',
  page_action: 'a Manifest V2 field (use `action`)',
  differential_fingerprint: 'written by the store itself',
};

/** Code that builds code from text, or loads it from elsewhere: not allowed in MV3 store extensions. */
const REMOTE_CODE: [RegExp, string][] = [
  [/(?<![\w$.])eval\s*\(/, '`eval(`'],
  [/(?<![\w$.])Function\s*\(/, 'a `Function(…)` constructor call'],
  [/[=(,:]\s*Function\s*[,;)]/, 'the `Function` constructor taken into a variable'],
  [/(?<![\w$.])(?:setTimeout|setInterval)\s*\(\s*['"`]/, 'a timer given code as a string'],
  [/(?<![\w$.])import\s*\(\s*['"`](?:https?:)?\/\//, '`import()` of a URL'],
  [/(?<![\w$.])importScripts\s*\(\s*['"`](?:https?:)?\/\//, '`importScripts()` of a URL'],
];
const REMOTE_SCRIPT = /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i;
const TEST_CODE = /(^|\/)(e2e|tests?|__tests__|__mocks__)\/|\.(test|spec)\.[cm]?[jt]sx?$/;
const VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/;

type Manifest = Record<string, unknown>;

const text = (file: PackageFile): string => new TextDecoder().decode(file.bytes);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

function checkPermissions(manifest: Manifest, allow: PermissionAllowList, problems: string[]): void {
  const asked: [string, string[], Record<string, string>][] = [
    ['permissions', list(manifest.permissions), allow.permissions],
    ['optional_permissions', list(manifest.optional_permissions), allow.permissions],
    ['host_permissions', list(manifest.host_permissions), allow.host_permissions],
    ['optional_host_permissions', list(manifest.optional_host_permissions), allow.host_permissions],
  ];
  for (const [field, values, allowed] of asked) {
    for (const value of values) {
      const reason = Object.hasOwn(allowed, value) ? allowed[value] : undefined;
      if (reason === undefined)
        problems.push(`manifest ${field}: "${value}" is not in store/permissions.json (add it with a justification).`);
      else if (!reason.trim() || /\n/.test(reason))
        problems.push(`store/permissions.json: "${value}" needs a one-line justification.`);
    }
  }
}

const MSG = /^__MSG_(\w+)__$/;

/**
 * A manifest string as each locale shows it: itself, or for `__MSG_key__` the message of every
 * `_locales/<lang>/messages.json` in the package (a missing one is a problem of its own).
 */
function localized(value: unknown, byPath: Map<string, PackageFile>, problems: string[], field: string): string[] {
  const raw = typeof value === 'string' ? value : '';
  const key = MSG.exec(raw)?.[1];
  if (key === undefined) return [raw];
  const catalogues = [...byPath.keys()].filter((p) => /^_locales\/[^/]+\/messages\.json$/.test(p));
  return catalogues.map((path) => {
    let message: unknown;
    try {
      const entries = JSON.parse(text(byPath.get(path) as PackageFile)) as Record<string, { message?: unknown }>;
      message = Object.entries(entries).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1]?.message;
    } catch {
      problems.push(`${path} is not valid JSON.`);
    }
    if (typeof message !== 'string') problems.push(`${path}: no "${key}" message for the manifest's ${field}.`);
    return typeof message === 'string' ? message : '';
  });
}

function checkLocales(manifest: Manifest, byPath: Map<string, PackageFile>, problems: string[]): void {
  const hasLocales = [...byPath.keys()].some((p) => p.startsWith('_locales/'));
  const locale = manifest.default_locale;
  if (hasLocales && typeof locale !== 'string')
    problems.push('manifest: _locales is present but default_locale is not set.');
  if (typeof locale === 'string' && !byPath.has(`_locales/${locale}/messages.json`))
    problems.push(`manifest: default_locale "${locale}" has no _locales/${locale}/messages.json.`);
  for (const name of localized(manifest.name, byPath, problems, 'name'))
    if (!name || name.length > 75) problems.push(`manifest: name "${name}" is required, at most 75 characters.`);
  for (const description of localized(manifest.description, byPath, problems, 'description'))
    if (!description || description.length > 132)
      problems.push(`manifest: description is required, at most 132 characters (has ${description.length}).`);
}

function checkManifest(manifest: Manifest, version: string, problems: string[]): void {
  if (manifest.manifest_version !== 3) problems.push('manifest: manifest_version must be 3.');
  for (const [field, why] of Object.entries(FORBIDDEN_FIELDS))
    if (field in manifest) problems.push(`manifest: "${field}" must not be in a store package (${why}).`);
  const background = manifest.background as Record<string, unknown> | undefined;
  if (background && ('scripts' in background || 'persistent' in background))
    problems.push('manifest: background.scripts / background.persistent are Manifest V2 (use a service worker).');
  if (typeof manifest.version !== 'string' || !VERSION.test(manifest.version))
    problems.push(`manifest: version "${String(manifest.version)}" is not 1 to 4 dot-separated integers.`);
  else if (manifest.version !== version)
    problems.push(`manifest: version ${manifest.version} differs from package.json's ${version}.`);
  const icons = manifest.icons as Record<string, unknown> | undefined;
  if (!icons?.['128']) problems.push('manifest: a 128×128 icon is required (icons.128).');
  const csp = (manifest.content_security_policy as Record<string, unknown> | undefined)?.extension_pages;
  const scriptSrc = typeof csp === 'string' ? /script-src([^;]*)/.exec(csp)?.[1] : undefined;
  if (scriptSrc && /unsafe-eval|unsafe-inline|https?:|\*/.test(scriptSrc))
    problems.push(`manifest: content_security_policy script-src allows remote or eval'd code ("${scriptSrc.trim()}").`);
}

/** The package's files that the manifest names (icons, pages, worker, managed schema) must be there. */
function referencedFiles(manifest: Manifest): string[] {
  const out: string[] = [];
  const icons = manifest.icons as Record<string, string> | undefined;
  if (icons) out.push(...Object.values(icons));
  const action = manifest.action as Record<string, unknown> | undefined;
  if (typeof action?.default_popup === 'string') out.push(action.default_popup);
  if (typeof manifest.options_page === 'string') out.push(manifest.options_page);
  const worker = (manifest.background as Record<string, unknown> | undefined)?.service_worker;
  if (typeof worker === 'string') out.push(worker);
  const schema = (manifest.storage as Record<string, unknown> | undefined)?.managed_schema;
  if (typeof schema === 'string') out.push(schema);
  return out;
}

export function selfCheck(input: SelfCheckInput): string[] {
  const problems: string[] = [];
  const byPath = new Map(input.files.map((f) => [f.path, f]));
  const manifestFile = byPath.get('manifest.json');
  let manifest: Manifest | null = null;
  try {
    if (manifestFile) manifest = JSON.parse(text(manifestFile)) as Manifest;
  } catch {
    problems.push('manifest.json is not valid JSON.');
  }
  if (!manifestFile) problems.push('manifest.json is missing at the root of the package.');
  if (manifest) {
    checkManifest(manifest, input.version, problems);
    checkLocales(manifest, byPath, problems);
    checkPermissions(manifest, input.allowList, problems);
    for (const file of referencedFiles(manifest))
      if (!byPath.has(file.replace(/^\//, ''))) problems.push(`manifest names "${file}", which is not in the package.`);
  }
  for (const file of input.files) {
    if (file.path.endsWith('.map')) problems.push(`${file.path}: a source map.`);
    if (TEST_CODE.test(file.path)) problems.push(`${file.path}: test code.`);
    if (!/\.(m?js|html)$/.test(file.path)) continue;
    const body = text(file);
    if (/[#@] sourceMappingURL=/.test(body)) problems.push(`${file.path}: points to a source map.`);
    for (const [pattern, what] of REMOTE_CODE)
      if (pattern.test(body)) problems.push(`${file.path}: ${what} (remote or dynamic code).`);
    if (file.path.endsWith('.html') && REMOTE_SCRIPT.test(body))
      problems.push(`${file.path}: a <script> loaded from another origin (remote code).`);
  }
  if (input.zipBytes > input.budgetBytes)
    problems.push(`the zip is ${input.zipBytes} bytes, over the ${input.budgetBytes}-byte budget.`);
  return problems;
}
