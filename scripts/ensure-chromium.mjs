// Makes sure Debian's Chromium is at /usr/bin/chromium (Playwright cannot
// download browsers here), with its UI languages (chromium-l10n: without them
// Chromium runs in English only, and the e2e of the extension's locales cannot
// run). Installs them with apt when running as root; otherwise prints the exact
// command and fails.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// German is the extension's second locale; its .pak stands for the whole chromium-l10n package.
const LOCALES = '/usr/lib/chromium/locales/de.pak';
const custom = process.env.CHROMIUM_PATH !== undefined;
if (existsSync(CHROMIUM) && (custom || existsSync(LOCALES))) process.exit(0);

const command = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-l10n';
if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log(`[ensure-chromium] installing Debian's chromium and chromium-l10n…`);
  execSync(command, { stdio: 'inherit', shell: '/bin/bash' });
  if (!existsSync(CHROMIUM) || !existsSync(LOCALES)) {
    console.error(`[ensure-chromium] apt finished but ${CHROMIUM} or ${LOCALES} is still missing`);
    process.exit(1);
  }
} else {
  console.error(
    `[ensure-chromium] ${CHROMIUM} or its locales (${LOCALES}) are missing. Install them as root:\n  sudo sh -c '${command}'`,
  );
  process.exit(1);
}
