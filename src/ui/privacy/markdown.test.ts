import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown';

describe('parseMarkdown (the privacy page)', () => {
  it('reads headings, wrapped paragraphs, wrapped list items and tables as plain text', () => {
    const md = [
      '# Title',
      '',
      'One **bold** line',
      'wrapped, with `code`.',
      '',
      '- first item',
      '  continues here',
      '- second',
      '',
      '| a | b |',
      '| --- | --- |',
      '| 1 | 2 |',
      '## Next',
    ].join('\n');
    expect(parseMarkdown(md)).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'One bold line wrapped, with code.' },
      { kind: 'list', items: ['first item continues here', 'second'] },
      { kind: 'table', head: ['a', 'b'], rows: [['1', '2']] },
      { kind: 'heading', level: 2, text: 'Next' },
    ]);
  });

  it('renders the real PRIVACY.md with its sections, and keeps markup as text', () => {
    const source = readFileSync(path.resolve(import.meta.dirname, '../../../PRIVACY.md'), 'utf8');
    const blocks = parseMarkdown(source);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual([
      'Privacy',
      'What it reads on this computer',
      'What it sends, and to whom',
      'What it keeps, and for how long',
      'How to delete it',
    ]);
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([
      { kind: 'paragraph', text: '<script>alert(1)</script>' },
    ]);
  });
});
