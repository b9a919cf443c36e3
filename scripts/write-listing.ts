/** Writes store/listing.md (npm run listing does this, then renders the images). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import manifest from '../manifest.config.ts';
import en from '../public/_locales/en/messages.json';
import { listingMarkdown, manifestText } from '../packaging/listing';
import type { PermissionAllowList } from '../packaging/self-check';

const ROOT = path.resolve(import.meta.dirname, '..');
const permissions = JSON.parse(readFileSync(path.join(ROOT, 'store/permissions.json'), 'utf8')) as PermissionAllowList;
const { name, description } = manifest as { name: string; description: string };
writeFileSync(
  path.join(ROOT, 'store/listing.md'),
  listingMarkdown({ name: manifestText(name, en), summary: manifestText(description, en), permissions }),
);
console.log('wrote store/listing.md');
