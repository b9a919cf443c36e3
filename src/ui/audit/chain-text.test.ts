import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/catalog';
import { localeFormat } from '../../i18n/locale-format';
import { CHAIN_BREAKS, GENESIS_HASH, verifyEntries } from '../../store/audit-chain';
import { fixtureChain } from '../../store/audit-fixture';
import { joinVerdicts, type LogVerdict } from '../../store/audit-verify';
import de from '../../../public/_locales/de/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { chainBreakText, chainVerdictText } from './chain-text';

const toEn = (v: LogVerdict) => chainVerdictText(v, translator(en), localeFormat('en-US'));
const toDe = (v: LogVerdict) => chainVerdictText(v, translator(de), localeFormat('de-DE'));

/** The log's verdict of one walk (verifyEntries), as the page gets it. */
function walk(entries: ReturnType<typeof fixtureChain>): LogVerdict {
  const { prevHash: _p, ...v } = verifyEntries(entries);
  return { ...v, head: null };
}

describe('Verify chain, worded at display time', () => {
  it('an intact chain, its count written by Intl', () => {
    const intact: LogVerdict = { ok: true, checked: 1200, brokenAt: null, reason: null, head: null };
    expect(toEn(intact)).toBe('Chain intact: 1,200 entries verified.');
    expect(toDe(intact)).toBe('Kette intakt: 1.200 Einträge geprüft.');
  });

  it('an altered entry: the store says content_altered, the page says why in the user’s language', () => {
    const edited = fixtureChain(5).map((e) => (e.seq === 3 ? { ...e, message: 'edited' } : e));
    const verdict = walk(edited);
    expect(verdict.reason).toBe('content_altered');
    expect(toEn(verdict)).toBe('Chain broken at entry #3: entry content does not match its hash (it was altered).');
    expect(toDe(verdict)).toBe(
      'Kette unterbrochen bei Eintrag #3: der Inhalt des Eintrags passt nicht zu seinem Hash (er wurde verändert).',
    );
  });

  it('a removed entry on the seam between two ranges (joinVerdicts): link_broken', () => {
    const range = { ok: true, checked: 2, brokenAt: null, reason: null };
    const verdict = joinVerdicts([
      { ...range, firstPrevHash: GENESIS_HASH, firstSeq: 1, last: { seq: 2, hash: 'a'.repeat(64) } },
      { ...range, firstPrevHash: 'b'.repeat(64), firstSeq: 4, last: { seq: 5, hash: 'c'.repeat(64) } },
    ]);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 4, reason: 'link_broken' });
    expect(toEn(verdict)).toBe(
      'Chain broken at entry #4: link to the previous entry is broken (an entry was removed or inserted).',
    );
    expect(toDe(verdict)).toBe(
      'Kette unterbrochen bei Eintrag #4: die Verknüpfung zum vorherigen Eintrag ist unterbrochen (ein Eintrag wurde entfernt oder eingefügt).',
    );
  });

  it('every break the store can name has its words; a code this version does not know shows as it came', () => {
    for (const code of CHAIN_BREAKS) {
      expect(chainBreakText(code, translator(en))).not.toBe(code);
      expect(chainBreakText(code, translator(de))).not.toBe(chainBreakText(code, translator(en)));
    }
    expect(chainBreakText('gap_found', translator(de))).toBe('gap_found');
    expect(chainBreakText(null, translator(de))).toBe('');
  });
});
