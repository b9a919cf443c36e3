/**
 * chrome.i18n for the pages: `t` for text built in code, `localizePage` for the HTML's own text,
 * which carries its catalogue key in `data-i18n` (text) and `data-i18n-<attribute>` (attributes).
 */
import type { MessageKey } from '../../i18n/catalog';
import { t, uiLocale } from '../../i18n/chrome';
import { type LocaleFormat, localeFormat } from '../../i18n/locale-format';
import type { Problem } from '../../shared/problem';
import { problemsText } from './problem-text';

export { t, uiLocale };

let formats: LocaleFormat | undefined;
// Made on first use: modules that import this one stay loadable where chrome.* is absent (unit tests).
const formatsNow = (): LocaleFormat => {
  formats ??= localeFormat(uiLocale());
  return formats;
};

/** This page's number and date formats, in the extension's UI language. */
export const fmt: LocaleFormat = {
  get locale() {
    return formatsNow().locale;
  },
  number: (n) => formatsNow().number(n),
  percent: (fraction) => formatsNow().percent(fraction),
  time: (at, now) => formatsNow().time(at, now),
  dateTime: (at) => formatsNow().dateTime(at),
  weekdays: () => formatsNow().weekdays(),
};

const ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'alt'] as const;

export function localizePage(root: Document = document): void {
  root.documentElement.lang = uiLocale();
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const attribute of ATTRIBUTES) {
    for (const el of root.querySelectorAll<HTMLElement>(`[data-i18n-${attribute}]`)) {
      el.setAttribute(attribute, t(el.getAttribute(`data-i18n-${attribute}`) as MessageKey));
    }
  }
}

/** A refused request's problems (a worker's answer, or send.ts's own), in the user's language. */
export const errorText = (error: { problems: readonly Problem[] }): string => problemsText(error.problems, t, fmt);
