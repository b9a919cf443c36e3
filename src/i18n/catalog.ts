/**
 * Chrome's message catalogues (`_locales/<lang>/messages.json`), read the way chrome.i18n reads
 * them. Pure, so pages and their unit tests translate with the same rules: `$name$` takes its
 * placeholder's content, `$1`…`$9` take the substitutions, `$$` is a dollar sign.
 */
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, substitutions?: readonly string[]) => string;

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

const NAMED = /\$([A-Za-z0-9_@]+)\$/g;
const POSITIONAL = /\$(\$|[1-9])/g;

export function format(entry: CatalogEntry, substitutions: readonly string[] = []): string {
  const placeholders = entry.placeholders ?? {};
  const named = entry.message.replace(NAMED, (whole, name: string) => {
    const placeholder = placeholders[name.toLowerCase()];
    return placeholder ? placeholder.content : whole;
  });
  return named.replace(POSITIONAL, (_, ref: string) => (ref === '$' ? '$' : (substitutions[Number(ref) - 1] ?? '')));
}

/** A translator over one catalogue; an unknown key shows its name (visible, never empty). */
export function translator(catalog: Catalog): Translate {
  return (key, substitutions) => {
    const entry = catalog[key];
    return entry ? format(entry, substitutions) : key;
  };
}

/** `$name$` references a message makes, lower-cased as Chrome matches them. */
export function placeholderNames(entry: CatalogEntry): string[] {
  return [...entry.message.matchAll(NAMED)].map((m) => (m[1] ?? '').toLowerCase()).sort();
}
