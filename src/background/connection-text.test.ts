import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import de from '../../public/_locales/de/messages.json';
import { translator } from '../i18n/catalog';
import { localeFormat } from '../i18n/locale-format';
import { connectionTestText } from './connection-text';

const t = translator(en);
const us = localeFormat('en-US');

describe('"Test connection" outcome', () => {
  it('says each outcome as before in English', () => {
    expect(connectionTestText({ kind: 'ok', data: { queued: 1 } }, t, us)).toBe(
      'Connected: the backend accepted a heartbeat (1 actions queued).',
    );
    expect(connectionTestText({ kind: 'ok', data: {} }, t, us)).toBe('Connected: the backend accepted a heartbeat.');
    expect(connectionTestText({ kind: 'auth', status: 401 }, t, us)).toBe('The backend rejected the token (HTTP 401).');
    expect(connectionTestText({ kind: 'transient', error: 'TypeError: Failed to fetch' }, t, us)).toBe(
      'Could not reach the backend: TypeError: Failed to fetch.',
    );
    expect(connectionTestText({ kind: 'bad', status: 200, error: 'queued: expected number' }, t, us)).toBe(
      'Unexpected answer: queued: expected number',
    );
    expect(connectionTestText({ kind: 'conflict' }, t, us)).toBe('Unexpected answer (409).');
  });

  it('speaks German with German digit grouping', () => {
    expect(connectionTestText({ kind: 'ok', data: { queued: 1200 } }, translator(de), localeFormat('de-DE'))).toBe(
      'Verbunden: Das Backend hat ein Lebenszeichen angenommen (1.200 Aktionen in der Warteschlange).',
    );
  });
});
