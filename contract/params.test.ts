/** Text and reaction validation (security review: "Text validation"), through the shared params schemas. */
import { describe, expect, it } from 'vitest';
import { COMMENT_MAX, NOTE_MAX, validateParams } from './params';

const POST = 'urn:li:activity:7123456789012345678';

describe('text made only of invisible or control characters is refused', () => {
  it.each([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['a zero-width joiner and a BOM', '\u200d\ufeff'],
    ['control characters', '\u0001\u0002\u007f'],
    ['bidi overrides', '\u202e\u2066'],
    ['white space of several kinds', '\u00a0\u2003\t\n'],
  ])('%s', (_, text) => {
    const comment = validateParams('comment', { post: POST, text });
    expect(comment).toMatchObject({ ok: false, field: 'params.text' });
    const note = validateParams('connect', { profile: 'jdoe', note: `\u200b${text}` });
    expect(note).toMatchObject({ ok: false, field: 'params.note' });
    if (!note.ok) expect(note.message).toMatch(/visible character/);
  });

  it('visible text with invisible characters around it is accepted', () => {
    expect(validateParams('comment', { post: POST, text: '\u200bHi\u200d' })).toMatchObject({ ok: true });
  });
});

describe('lengths are counted in UTF-16 code units, after trimming', () => {
  it('an emoji counts two', () => {
    const emoji = '\u{1F600}';
    expect(validateParams('comment', { post: POST, text: emoji.repeat(COMMENT_MAX / 2) })).toMatchObject({ ok: true });
    const over = validateParams('comment', { post: POST, text: `${emoji.repeat(COMMENT_MAX / 2)}a` });
    expect(over).toMatchObject({ ok: false, field: 'params.text' });
    if (!over.ok) expect(over.message).toMatch(/UTF-16 code units/);
  });

  it('surrounding white space does not count', () => {
    expect(validateParams('connect', { profile: 'jdoe', note: `  ${'a'.repeat(NOTE_MAX)}\n` })).toMatchObject({
      ok: true,
    });
  });
});

describe('reaction names are ASCII letters only', () => {
  it.each(['like', 'LIKE', ' Praise ', 'funny'])('%s is accepted', (reaction) => {
    expect(validateParams('react', { post: POST, reaction })).toMatchObject({ ok: true });
  });

  it.each(['l\u0131ke', 'LIKE\u200b', 'L\u0130KE', 'like!', '', 'ＬＩＫＥ'])(
    '%j is refused, not upper-cased into a known name',
    (reaction) => {
      expect(validateParams('react', { post: POST, reaction })).toMatchObject({ ok: false, field: 'params.reaction' });
    },
  );
});
