/**
 * chrome.i18n for the pages: `t` for text built in code, `localizePage` for the HTML's own text,
 * which carries its catalogue key in `data-i18n` (text) and `data-i18n-<attribute>` (attributes).
 * chrome.i18n is synchronous and needs no polyfill; not importing one keeps pure modules that
 * take `t` importable in unit tests.
 */
import type { MessageKey, Translate } from '../../i18n/catalog';

export const t: Translate = (key, substitutions) =>
  // chrome.i18n answers "" for an unknown key: show the key rather than nothing.
  chrome.i18n.getMessage(key, substitutions ? [...substitutions] : undefined) || key;

const ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'alt'] as const;

export function localizePage(root: Document = document): void {
  root.documentElement.lang = chrome.i18n.getUILanguage();
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const attribute of ATTRIBUTES) {
    for (const el of root.querySelectorAll<HTMLElement>(`[data-i18n-${attribute}]`)) {
      el.setAttribute(attribute, t(el.getAttribute(`data-i18n-${attribute}`) as MessageKey));
    }
  }
}
