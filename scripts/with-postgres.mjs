// Runs a command against a throw-away PostgreSQL cluster: installs Debian's
// `postgresql` with apt when missing (as root, as ensure-chromium.mjs does),
// creates a cluster in a temp dir on a free port as the `postgres` user
// (initdb and postgres refuse to run as root), runs the command with
// DATABASE_URL set, then stops the cluster and removes it.
//
//   node scripts/with-postgres.mjs -- <command …>
//
// When PostgreSQL cannot be set up it says so loudly and exits 0 without
// running the command (the PGlite run of the same tests has already happened),
// unless REQUIRE_POSTGRES=1.
import { execFileSync, execSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const command = args[0] === '--' ? args.slice(1) : args;
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs -- <command …>');
  process.exit(2);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function loud(message) {
  const bar = '!'.repeat(78);
  console.error(
    `\n${bar}\n[with-postgres] ${message}\n[with-postgres] The server tests ran on PGlite only; nothing ran on a real PostgreSQL.\n${bar}\n`,
  );
  process.exit(process.env.REQUIRE_POSTGRES === '1' ? 1 : 0);
}

function binDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

let bin = binDir();
if (!bin) {
  if (!isRoot)
    loud('PostgreSQL is not installed and this is not root. Install it with: sudo apt-get install -y postgresql');
  console.log("[with-postgres] installing Debian's postgresql with apt…");
  try {
    execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql', {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
  } catch {
    loud('apt-get install postgresql failed.');
  }
  bin = binDir();
  if (!bin) loud('apt finished but no initdb was found under /usr/lib/postgresql.');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// As root, the cluster's programs run as `postgres`; otherwise as ourselves.
function asOwner(file, fileArgs) {
  const full = path.join(bin, file);
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', full, ...fileArgs], { stdio: 'pipe' });
  else execFileSync(full, fileArgs, { stdio: 'pipe' });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'oe-pg-'));
let started = false;
function cleanup() {
  if (started) {
    try {
      asOwner('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    started = false;
  }
  rmSync(dir, { recursive: true, force: true });
}

const port = await freePort();
try {
  if (isRoot)
    chownSync(
      dir,
      Number(execSync('id -u postgres').toString().trim()),
      Number(execSync('id -g postgres').toString().trim()),
    );
  const data = path.join(dir, 'data');
  asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'app', '--no-sync']);
  asOwner('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off`,
    'start',
  ]);
  started = true;
} catch (err) {
  cleanup();
  loud(`could not start a PostgreSQL cluster: ${err.stderr?.toString() || err.message}`);
}

const url = `postgres://app@127.0.0.1:${port}/postgres`;
console.log(`[with-postgres] PostgreSQL (${bin}) on 127.0.0.1:${port}; DATABASE_URL=${url}`);
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });
const child = spawn(command[0], command.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
  shell: false,
});
child.on('exit', (code, signal) => {
  cleanup();
  console.log('[with-postgres] cluster stopped and removed');
  process.exit(code ?? (signal ? 1 : 0));
});
