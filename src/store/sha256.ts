/**
 * SHA-256 of a text as lowercase hex, from @noble/hashes (audited, synchronous).
 * Synchronous on purpose: IndexedDB transactions commit as soon as the code
 * awaits anything that is not an IndexedDB request, so the audit chain cannot
 * use crypto.subtle inside the transaction that appends an entry.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
