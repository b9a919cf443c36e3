import { describe, expect, it } from 'vitest';
import { localeFormat } from './locale-format';

describe('locale formats (Intl, in the user’s language)', () => {
  const en = localeFormat('en-US');
  const de = localeFormat('de-DE');

  it('groups digits and writes percentages as the locale does', () => {
    expect(en.number(3600)).toBe('3,600');
    expect(de.number(3600)).toBe('3.600');
    expect(en.percent(0.25)).toBe('25%');
    expect(de.percent(0.25)).toBe('25\u00a0%');
  });

  it('names the weekdays Sunday first, as Date#getDay counts them', () => {
    expect(en.weekdays()).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(de.weekdays()[1]).toMatch(/^Mo\.?$/);
    expect(de.weekdays()).toHaveLength(7);
  });

  it('writes a date and time the locale’s way', () => {
    const at = new Date(2026, 10, 24, 14, 5, 9).getTime();
    expect(de.dateTime(at)).toBe('24.11.2026, 14:05:09');
    expect(en.dateTime(at)).toMatch(/^Nov 24, 2026, 2:05:09\sPM$/);
  });
});
