/**
 * Checks a JSON export of the audit log outside the browser:
 *   npm run verify-audit -- audit-2026-11-23T10-00-00.json [--anchor <hash noted from Verify chain>]
 * Exit 0: every entry matches its hash and its neighbours (gaps from a filtered export are listed);
 * 1: an entry was altered; 2: the file is not an audit export.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { auditRowSchema } from '../src/shared/replies';
import { findAnchor, verifyExport } from '../src/store/audit-chain';

function fail(message: string): never {
  console.error(`verify-audit: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const anchorAt = args.indexOf('--anchor');
const anchor = anchorAt >= 0 ? args.splice(anchorAt, 2)[1] : undefined;
const file = args[0];
if (!file || args.length > 1 || (anchorAt >= 0 && !/^[0-9a-f]{64}$/.test(anchor ?? ''))) {
  fail('usage: npm run verify-audit -- <audit export .json> [--anchor <64 hex characters>]');
}

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  fail(`${file}: ${error instanceof Error ? error.message : String(error)}`);
}
const parsed = z.array(auditRowSchema).safeParse(raw);
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `[${issue.path.join('].')}` : 'the top level';
  fail(`${file} is not a JSON audit export (CSV cannot be verified): at ${where}: ${issue?.message ?? 'invalid'}`);
}

const rows = parsed.data;
const verdict = verifyExport(rows);
const seqs = rows.map((r) => r.seq);
const span = rows.length ? `#${Math.min(...seqs)}–#${Math.max(...seqs)}` : 'none';
console.log(`${verdict.checked} entries (${span}).`);
if (verdict.altered) {
  console.log(`ALTERED: entry #${verdict.altered.seq}: ${verdict.altered.reason}.`);
  process.exit(1);
}
console.log('Every entry matches its hash and links to its neighbours.');
if (verdict.head)
  console.log(
    `Newest entry #${verdict.head.seq} has hash ${verdict.head.hash} (note it to check later exports with --anchor).`,
  );
if (verdict.complete)
  console.log('The chain is unbroken from the first entry ever written to the newest entry in the file.');
else if (verdict.gaps.length === 0)
  console.log('The chain is unbroken within the file; it does not begin at the first entry ever written.');
else {
  console.log(
    `${verdict.gaps.length} gap(s): entries not in the file (a filtered export leaves them out; otherwise they were removed):`,
  );
  for (const g of verdict.gaps.slice(0, 20)) console.log(`  between #${g.afterSeq} and #${g.seq}`);
  if (verdict.gaps.length > 20) console.log(`  … and ${verdict.gaps.length - 20} more`);
}
if (anchor) {
  const found = findAnchor(rows, anchor, verdict);
  if (!found) {
    console.log(
      `ANCHOR NOT FOUND: no entry has hash ${anchor} (rewritten since it was noted, or left out by a filter).`,
    );
    process.exit(1);
  }
  console.log(
    found.provenFromStart
      ? `Anchor: entry #${found.seq}; the chain is unbroken from the first entry to it, so nothing up to it changed since the hash was noted.`
      : `Anchor: entry #${found.seq}; the file does not hold every entry before it, so only the entries present are vouched for.`,
  );
}
