import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/catalog';
import de from '../../../public/_locales/de/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { probeLines } from './probe-lines';

describe('Check LinkedIn: what a probe lists beside its status', () => {
  it('the shape lines as they came, the unreadable answer and the note in the user’s language', () => {
    const changed = { unexpected: ['(root): object', 'data.*elements: array(1)'], unreadable: true };
    expect(probeLines(changed, translator(de))).toEqual([
      { text: 'der Executor kann diese Antwort nicht lesen; ihre Struktur:', note: false },
      { text: '(root): object', note: false },
      { text: 'data.*elements: array(1)', note: false },
    ]);
    expect(probeLines({ unexpected: [], note: 'profileNeeded' }, translator(en))).toEqual([
      { text: 'name a profile (someone you know) to check the relationship read', note: true },
    ]);
    expect(probeLines({ unexpected: ['not_found'], note: 'profileNotFound' }, translator(de))).toEqual([
      { text: 'not_found', note: false },
      { text: 'das genannte Profil konnte nicht abgefragt werden', note: true },
    ]);
    expect(probeLines({ unexpected: [] }, translator(de))).toEqual([]);
  });
});
