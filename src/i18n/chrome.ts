/**
 * chrome.i18n for pages and the service worker alike: it is synchronous and works in both.
 * Not using the polyfill keeps the pure modules that take a `Translate` importable in unit tests.
 */
import type { Translate } from './catalog';

export const t: Translate = (key, substitutions) =>
  // chrome.i18n answers "" for an unknown key: show the key rather than nothing.
  chrome.i18n.getMessage(key, substitutions ? [...substitutions] : undefined) || key;

/** The language the extension speaks (the browser's UI language): numbers and dates follow it too. */
export const uiLocale = (): string => chrome.i18n.getUILanguage();
