/**
 * The catalogues are complete and consistent, and localized pages take every visible string from
 * them: a key missing from a locale, a placeholder that does not match, or a page text that
 * bypasses the catalogue fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalog, format, placeholderNames, translator } from './catalog';

const LOCALES_DIR = path.resolve(__dirname, '../../public/_locales');
const catalog = (lang: string): Catalog =>
  JSON.parse(readFileSync(path.join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as Catalog;
const LANGS = readdirSync(LOCALES_DIR);
const en = catalog('en');

/** Pages whose every string comes from the catalogue. */
const LOCALIZED_PAGES = ['src/ui/welcome', 'src/ui/popup', 'src/ui/options', 'src/ui/audit', 'src/ui/privacy'];

describe('catalogues', () => {
  it('English and at least one other complete locale exist', () => {
    expect(LANGS).toContain('en');
    expect(LANGS.filter((l) => l !== 'en').length).toBeGreaterThanOrEqual(1);
  });

  it.each(LANGS)('%s has exactly the English keys, each non-empty, with the same placeholders', (lang) => {
    const messages = catalog(lang);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.message.trim(), `${lang}.${key}`).not.toBe('');
      const used = placeholderNames(entry);
      // Every $name$ has a definition, and a translation uses the same ones as English.
      expect(
        used.every((n) => n in (entry.placeholders ?? {})),
        `${lang}.${key} uses an undefined placeholder`,
      ).toBe(true);
      expect([...new Set(used)], `${lang}.${key}`).toEqual([...new Set(placeholderNames(en[key] ?? entry))]);
    }
  });

  it('formats as chrome.i18n does: named placeholders, positional substitutions, $$', () => {
    const entry = {
      message: 'Paid $AMOUNT$ to $who$, $$1 fee',
      placeholders: { amount: { content: '$1' }, who: { content: '$2' } },
    };
    expect(format(entry, ['10', 'Ann'])).toBe('Paid 10 to Ann, $1 fee');
    expect(translator({})('extName')).toBe('extName');
  });
});

/** Text nodes and labelled attributes of an HTML page that do not name a catalogue key. */
function untranslated(html: string): string[] {
  const body = html
    .replace(/<!doctype[^>]*>/i, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const VOID = new Set(['input', 'meta', 'link', 'br', 'img', 'hr']);
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z0-9-]+)([^>]*)>|([^<]+)/g)) {
    const [, closing, tag, attrs = '', text] = m;
    if (text !== undefined) {
      const top = stack.at(-1) ?? '';
      if (/\p{L}/u.test(text) && !/\bdata-i18n="/.test(top)) problems.push(`text "${text.trim()}"`);
      continue;
    }
    if (closing) stack.pop();
    else {
      for (const a of attrs.matchAll(/\s(aria-label|placeholder|title|alt)="([^"]*)"/g)) {
        const [, name, value = ''] = a;
        const example = name === 'placeholder' && /^https?:\/\//.test(value);
        if (/\p{L}/u.test(value) && !example && !attrs.includes(`data-i18n-${name}="`))
          problems.push(`${tag} ${name}="${value}"`);
      }
      if (!VOID.has((tag ?? '').toLowerCase()) && !attrs.trim().endsWith('/')) stack.push(attrs);
    }
  }
  return problems;
}

describe.each(LOCALIZED_PAGES)('%s takes every visible string from the catalogue', (dir) => {
  const root = path.resolve(__dirname, '../..', dir);
  const files = readdirSync(root);

  it('HTML: every text and labelled attribute names a key that exists', () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(root, file), 'utf8');
      expect(untranslated(html), file).toEqual([]);
      for (const m of html.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) expect(en, file).toHaveProperty([m[1] ?? '']);
    }
  });

  it('code: no literal text written into the page', () => {
    for (const file of files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const code = readFileSync(path.join(root, file), 'utf8');
      const literal =
        /\.(textContent|innerText|title|placeholder)\s*=\s*(['"`])[^'"`]*\p{L}|setAttribute\(\s*'(aria-label|title|placeholder)'\s*,\s*['"`]/gu;
      expect(
        [...code.matchAll(literal)].map((m) => m[0]),
        file,
      ).toEqual([]);
    }
  });

  it('the checker itself finds a bypassing string', () => {
    expect(untranslated('<p>Hello</p><p data-i18n="x">Hi</p><input placeholder="Your name" /> · 1.')).toEqual([
      'text "Hello"',
      'input placeholder="Your name"',
    ]);
  });
});
