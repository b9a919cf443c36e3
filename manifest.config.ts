import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

// Least privilege: LinkedIn is the only host. The backend is reached through
// CORS (the protocol obliges it to answer), so it needs no host permission.
export default defineManifest({
  manifest_version: 3,
  name: 'Outbound Executor',
  description: pkg.description,
  version: pkg.version,
  minimum_chrome_version: '120',
  icons: { 16: 'icons/icon-16.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
  action: { default_popup: 'src/ui/popup/index.html', default_title: 'Outbound Executor' },
  options_page: 'src/ui/options/index.html',
  background: { service_worker: 'src/background/index.ts', type: 'module' },
  permissions: ['storage', 'alarms', 'cookies', 'scripting', 'tabs', 'notifications'],
  host_permissions: ['https://www.linkedin.com/*'],
});
