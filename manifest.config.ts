import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { DEV_PUBLIC_KEY } from './packaging/dev-key.ts';

// Least privilege: LinkedIn is the only host. The backend is reached through
// CORS (the protocol obliges it to answer), so it needs no host permission.
// No `tabs`: the host permission already shows linkedin.com tabs' URLs, which
// is all the transport reads (`tabs` would add "Read your browsing history").
// Never in incognito: a private window's LinkedIn session is not the bound one.
// `key` (a fixed extension id, so a policy can name it) only in dev and test builds: the store
// package (EXECUTOR_STORE_BUILD=1, npm run package) must not carry it; the store assigns the id.
const storeBuild = process.env.EXECUTOR_STORE_BUILD === '1';

export default defineManifest({
  manifest_version: 3,
  // Name and description come from _locales (public/_locales/<lang>/messages.json).
  default_locale: 'en',
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  version: pkg.version,
  minimum_chrome_version: '120',
  icons: { 16: 'icons/icon-16.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
  action: { default_popup: 'src/ui/popup/index.html', default_title: '__MSG_extName__' },
  options_page: 'src/ui/options/index.html',
  background: { service_worker: 'src/background/index.ts', type: 'module' },
  permissions: ['storage', 'alarms', 'cookies', 'scripting', 'notifications'],
  host_permissions: ['https://www.linkedin.com/*'],
  incognito: 'not_allowed',
  // What an organisation may set by policy (src/settings/managed.ts reads it).
  storage: { managed_schema: 'managed_schema.json' },
  ...(storeBuild ? {} : { key: DEV_PUBLIC_KEY }),
  // Only the extension's own files run in its pages; no eval, no inline script, no plugins, no framing.
  // connect-src stays open: the backend is whatever https origin (or loopback) the user configures.
  content_security_policy: {
    extension_pages:
      "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'; img-src 'self' data:; style-src 'self'; connect-src https: wss: http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*",
  },
});
