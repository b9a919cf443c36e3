import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../manifest.config.ts';
import en from '../public/_locales/en/messages.json';
import { listingMarkdown, manifestText, promoTileHtml, screenshotFrameHtml, SINGLE_PURPOSE } from './listing';
import type { PermissionAllowList } from './self-check';

const ROOT = path.resolve(import.meta.dirname, '..');
const permissions = JSON.parse(readFileSync(path.join(ROOT, 'store/permissions.json'), 'utf8')) as PermissionAllowList;
const {
  name,
  description,
  permissions: asked,
  host_permissions: hosts,
} = manifest as {
  name: string;
  description: string;
  permissions: string[];
  host_permissions: string[];
};

describe('store listing', () => {
  it('store/listing.md is the generated text (npx tsx scripts/write-listing.ts)', () => {
    expect(readFileSync(path.join(ROOT, 'store/listing.md'), 'utf8')).toBe(
      listingMarkdown({ name: manifestText(name, en), summary: manifestText(description, en), permissions }),
    );
  });

  it('justifies every permission the manifest asks for, and only those, each in one line', () => {
    expect(Object.keys(permissions.permissions).sort()).toEqual([...asked].sort());
    expect(Object.keys(permissions.host_permissions).sort()).toEqual([...hosts].sort());
    for (const why of [...Object.values(permissions.permissions), ...Object.values(permissions.host_permissions)])
      expect(why).toMatch(/^[^\n]{20,300}$/);
  });

  it('the listing holds the single purpose and every justification', () => {
    const md = listingMarkdown({ name: manifestText(name, en), summary: manifestText(description, en), permissions });
    expect(md).toContain(SINGLE_PURPOSE);
    for (const [permission, why] of Object.entries(permissions.permissions))
      expect(md).toContain(`| \`${permission}\` | ${why} |`);
  });

  it('the image templates escape their text', () => {
    expect(screenshotFrameHtml({ caption: '<b>', detail: 'a & b', pngBase64: 'AA==', cssWidth: 380 })).toContain(
      '<h1>&lt;b&gt;</h1><p>a &amp; b</p>',
    );
    expect(promoTileHtml({ name: 'X "Y"', iconBase64: 'AA==' })).toContain('<h1>X &quot;Y&quot;</h1>');
  });
});
