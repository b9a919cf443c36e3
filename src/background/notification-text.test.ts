import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import de from '../../public/_locales/de/messages.json';
import { translator } from '../i18n/catalog';
import { localeFormat } from '../i18n/locale-format';
import { challengeNotification, expiryNotification, suspendedNotification } from './notification-text';

const t = translator(en);

describe('worker notifications', () => {
  it('say what was suspended and why, in English by default', () => {
    expect(suspendedNotification('withdraw', 'invitations.withdraw', t)).toEqual({
      title: 'LinkedIn changed: withdraw suspended',
      message:
        'withdraw is paused because LinkedIn answered invitations.withdraw in a way this version does not understand. It is checked again automatically.',
    });
  });

  it('count expired approvals in the user’s number format', () => {
    expect(expiryNotification(1, t, localeFormat('en-US')).message).toMatch(/^An action waiting for your approval/);
    expect(expiryNotification(1200, t, localeFormat('en-US')).message).toMatch(/^1,200 actions waiting/);
    expect(expiryNotification(1200, translator(de), localeFormat('de-DE')).message).toMatch(/^1\.200 Aktionen/);
  });

  it('give the end of a challenge pause as a date in the user’s locale', () => {
    const until = Date.UTC(2026, 10, 24, 13, 5);
    const german = challengeNotification(until, translator(de), localeFormat('de-DE'));
    expect(german.title).toBe('LinkedIn-Sicherheitsprüfung: Versand pausiert');
    expect(german.message).toContain(localeFormat('de-DE').dateTime(until));
    expect(german.message).toContain('24.11.2026');
    expect(challengeNotification(until, t, localeFormat('en-US')).message).toContain('Nov 24, 2026');
  });
});
