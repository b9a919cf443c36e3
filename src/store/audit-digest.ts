/**
 * Entry hashes for Verify chain with WebCrypto: each entry's hash input
 * (audit-chain.ts hashInput, the same bytes entryHash hashes) is encoded into
 * one reused buffer and all digests of a chunk are issued at once, so they
 * complete while the verifier reads the next chunk. Asynchronous, so
 * never inside an IndexedDB transaction: the audit page's verify workers only
 * (appends hash synchronously, audit-chain.ts).
 */
import { hashInput } from './audit-chain';
import type { AuditRecord } from './db';

const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const encoder = new TextEncoder();
/** Reused for every digest: one flat string from 64 char codes (string concatenation measured 5x slower). */
const codes = new Array<number>(64).fill(0);

function hex(digest: ArrayBuffer): string {
  const bytes = new Uint8Array(digest);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    codes[2 * i] = HEX_CODES[b >> 4] ?? 0;
    codes[2 * i + 1] = HEX_CODES[b & 15] ?? 0;
  }
  return String.fromCharCode.apply(null, codes);
}

/** The bytes of one hash input at a time: digest() copies what it is given before it returns (WebCrypto, step 2). */
let scratch = new Uint8Array(4096);

/** SHA-256 (lowercase hex) of each entry's hash input, in order: what entryHash gives, computed by WebCrypto. */
export function digestChunk(rows: readonly AuditRecord[]): Promise<string[]> {
  const digests: Array<Promise<ArrayBuffer>> = [];
  for (const e of rows) {
    const text = hashInput(e.prevHash ?? '', e);
    // At most 3 UTF-8 bytes per UTF-16 unit.
    if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 6);
    const { written } = encoder.encodeInto(text, scratch);
    digests.push(crypto.subtle.digest('SHA-256', scratch.subarray(0, written)));
  }
  return Promise.all(digests).then((list) => list.map(hex));
}
