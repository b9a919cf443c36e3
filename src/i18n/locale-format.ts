/**
 * Numbers, dates and times in the user's locale (Intl), never a hard-coded format. Pure: the
 * locale is a parameter, so unit tests pin it.
 */
export interface LocaleFormat {
  readonly locale: string;
  /** 1234 → "1,234" (en) or "1.234" (de). */
  number(n: number): string;
  /** 0.25 → "25%" (en) or "25 %" (de). */
  percent(fraction: number): string;
  /** A clock time, "14:05" today, "Tue 14:05" on another day (as the locale writes them). */
  time(at: number, now: number): string;
  /** Date and time, for logs. */
  dateTime(at: number): string;
  /** Short weekday names, Sunday first (index = Date#getDay()). */
  weekdays(): string[];
}

export function localeFormat(locale: string): LocaleFormat {
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dayClock = new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  return {
    locale,
    number: (n) => numbers.format(n),
    percent: (fraction) => percents.format(fraction),
    time: (at, now) =>
      new Date(at).toDateString() === new Date(now).toDateString() ? clock.format(at) : dayClock.format(at),
    dateTime: (at) => full.format(at),
    // 2023-01-01 was a Sunday; noon keeps every time zone on that day.
    weekdays: () => Array.from({ length: 7 }, (_, i) => weekday.format(new Date(2023, 0, 1 + i, 12))),
  };
}
