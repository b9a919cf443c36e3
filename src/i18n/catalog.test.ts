/**
 * The catalogues are complete and consistent, and localized pages take every visible string from
 * them: a key missing from a locale, a placeholder that does not match, or a page text that
 * bypasses the catalogue fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES } from '../../contract/protocol';
import { PROBE_NOTES } from '../diagnostics/probe-note';
import { CHAIN_BREAKS } from '../store/audit-chain';
import { chainBreakText } from '../ui/audit/chain-text';
import { PROBE_NOTE_KEYS } from '../ui/options/probe-lines';
import { actionTypeOptions } from '../ui/shared/action-labels';
import { PROBLEM_SAMPLES } from '../ui/shared/problem-samples';
import { problemWording } from '../ui/shared/problem-text';
import { type Catalog, type CatalogEntry, format, placeholderNames, translator } from './catalog';
import { localeFormat } from './locale-format';

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

/** How many substitutions a message takes: the highest `$n` its placeholders refer to. */
const substitutionCount = (entry: CatalogEntry): number =>
  Math.max(0, ...Object.values(entry.placeholders ?? {}).map((p) => Number(/\$([1-9])/.exec(p.content)?.[1] ?? 0)));

describe.each(LANGS)('%s words what the worker reports as codes', (lang) => {
  const messages = catalog(lang);
  const t = translator(messages);

  it('every kind of problem (shared/problem.ts), with each substitution it takes and none empty', () => {
    for (const sample of Object.values(PROBLEM_SAMPLES)) {
      const entry = messages[sample.key];
      expect(entry, `${lang}.${sample.key}`).toBeDefined();
      const { key, substitutions } = problemWording(sample, t, localeFormat(lang));
      expect(key).toBe(sample.key);
      expect(substitutions.length, sample.key).toBe(entry ? substitutionCount(entry) : -1);
      expect(
        substitutions.every((s) => s.trim() !== '' && !s.startsWith('problem')),
        sample.key,
      ).toBe(true);
    }
  });

  it('every chain break, probe note and action type', () => {
    for (const code of CHAIN_BREAKS) expect(messages, code).toHaveProperty([chainBreakText(code, (k) => k)]);
    for (const note of PROBE_NOTES) expect(messages, note).toHaveProperty([PROBE_NOTE_KEYS[note]]);
    for (const { label } of actionTypeOptions(t)) expect(label).not.toMatch(/^(action[A-Z]|auditTypeOption)/);
    expect(actionTypeOptions(t)).toHaveLength(ACTION_TYPES.length);
  });
});

/**
 * The worker's modules that answer pages, and the pure ones they run: a sentence in a string
 * literal there would reach a page in English. They report problems as codes instead.
 */
const REPORTING_SOURCES: readonly (string | { file: string; from: string; to: string })[] = [
  'src/settings/schema.ts',
  'src/settings/managed.ts',
  'src/safety/limits.ts',
  'src/safety/working-hours.ts',
  'src/diagnostics/probes.ts',
  'src/background/router.ts',
  'src/background/router-handlers.ts',
  'src/background/settings-handlers.ts',
  'src/background/linkedin-handlers.ts',
  'src/shared/messages.ts',
  'src/store/audit-verify.ts',
  { file: 'src/store/audit-chain.ts', from: 'export function checkChain', to: 'export type ExportedEntry' },
  'src/ui/shared/send.ts',
];

/** The string literals of TypeScript source (template literals without their `${…}`), comments skipped. */
function stringLiterals(code: string): string[] {
  const out: string[] = [];
  // Code from `start` on; in a template's `${…}` (nested) it returns after the closing brace.
  const walk = (start: number, inTemplate: boolean): number => {
    let depth = 0;
    let i = start;
    while (i < code.length) {
      const c = code[i];
      const skipTo = (end: number, width: number): number => (end === -1 ? code.length : end + width);
      if (c === '/' && code[i + 1] === '/') i = skipTo(code.indexOf('\n', i), 0);
      else if (c === '/' && code[i + 1] === '*') i = skipTo(code.indexOf('*/', i + 2), 2);
      else if (c === "'" || c === '"' || c === '`') i = literal(i);
      else if (inTemplate && c === '}' && depth === 0) return i + 1;
      else {
        if (inTemplate && c === '{') depth++;
        if (inTemplate && c === '}') depth--;
        i++;
      }
    }
    return i;
  };
  const literal = (start: number): number => {
    const quote = code[start];
    let text = '';
    let j = start + 1;
    while (j < code.length && code[j] !== quote) {
      if (code[j] === '\\') {
        text += code[j + 1] ?? '';
        j += 2;
      } else if (quote === '`' && code[j] === '$' && code[j + 1] === '{') {
        text += ' ';
        j = walk(j + 2, true);
      } else {
        text += code[j];
        j++;
      }
    }
    out.push(text);
    return j + 1;
  };
  walk(0, false);
  return out;
}

const sentences = (code: string): string[] =>
  stringLiterals(code).filter((s) => /\p{L}{2,}[ ,;:]+\p{L}{2,}[ ,;:]+\p{L}{2,}/u.test(s));

describe('the worker reports to pages in codes, not in English', () => {
  it.each(REPORTING_SOURCES.map((s) => [typeof s === 'string' ? s : s.file, s] as const))('%s', (_, source) => {
    const file = typeof source === 'string' ? source : source.file;
    let code = readFileSync(path.resolve(__dirname, '../..', file), 'utf8');
    if (typeof source !== 'string') code = code.slice(code.indexOf(source.from), code.indexOf(source.to));
    expect(stringLiterals(code).length, 'the file has string literals (its codes)').toBeGreaterThan(0);
    expect(sentences(code)).toEqual([]);
  });

  it('the checker itself finds a sentence, and passes codes, identifiers and comments', () => {
    // Written with #{ for a template's placeholder, so that this file holds no "${" in a plain string.
    const dollar = '$';
    const code = [
      '// a comment: not a string at all',
      "const a = { key: 'problemTokenRequired', path: 'limits.follows.day' };",
      'problems.push(`#{key}: must be true or false; ignored.`);',
      'throw new Error("Executor token is required.");',
      "const b = 'messenger conversations';",
      "const c = `refused#{code ? ` (#{code})` : ''}`; const d = 'two words';",
    ]
      .join('\n')
      .replaceAll('#{', `${dollar}{`);
    expect(sentences(code)).toEqual([' : must be true or false; ignored.', 'Executor token is required.']);
  });
});
