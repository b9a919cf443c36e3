// Makes sure Debian's Chromium is at /usr/bin/chromium (Playwright cannot
// download browsers here). Installs it with apt when running as root;
// otherwise prints the exact command and fails.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const command = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium';
if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log(`[ensure-chromium] ${CHROMIUM} is missing; installing Debian's chromium…`);
  execSync(command, { stdio: 'inherit', shell: '/bin/bash' });
  if (!existsSync(CHROMIUM)) {
    console.error(`[ensure-chromium] apt finished but ${CHROMIUM} is still missing`);
    process.exit(1);
  }
} else {
  console.error(`[ensure-chromium] ${CHROMIUM} is missing. Install it as root:\n  sudo sh -c '${command}'`);
  process.exit(1);
}
