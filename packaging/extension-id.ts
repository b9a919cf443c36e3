/**
 * Chromium's extension id from a manifest `key`: the SHA-256 of the DER public key, its first
 * 32 hex digits, each digit 0–f written as a letter a–p.
 */
import { createHash } from 'node:crypto';

export function extensionIdFromKey(base64Der: string): string {
  const der = Buffer.from(base64Der, 'base64');
  if (der.length === 0 || der.toString('base64') !== base64Der.replace(/\s+/g, ''))
    throw new Error('extension key: not base64 DER');
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(d, 16))).join('');
}
