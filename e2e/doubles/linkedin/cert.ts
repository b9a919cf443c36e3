/**
 * A self-signed certificate for www.linkedin.com / linkedin.com, and the
 * base64 sha256 of its SubjectPublicKeyInfo for Chromium's
 * `--ignore-certificate-errors-spki-list`. Generated once per process
 * (EC P-256: fast), with the openssl CLI as a fallback.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface DoubleCert {
  key: string;
  cert: string;
  spkiHash: string;
}

const HOSTS = ['www.linkedin.com', 'linkedin.com'];
const DAY_MS = 86_400_000;

export function spkiHashOf(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

async function withSelfsigned(): Promise<{ key: string; cert: string }> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: HOSTS[0] }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 365 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: HOSTS.map((value) => ({ type: 2 as const, value })) },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

function withOpenssl(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'li-double-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      '/usr/bin/openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '365',
        '-subj',
        `/CN=${HOSTS[0]}`,
        '-addext',
        `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')}`,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function create(): Promise<DoubleCert> {
  let pair: { key: string; cert: string };
  try {
    pair = await withSelfsigned();
  } catch {
    pair = withOpenssl();
  }
  return { ...pair, spkiHash: spkiHashOf(pair.cert) };
}

let cached: Promise<DoubleCert> | undefined;

export function generateCert(): Promise<DoubleCert> {
  cached ??= create().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}
