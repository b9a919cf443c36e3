/**
 * Just enough Markdown for PRIVACY.md, rendered as text nodes only (never HTML), so the page
 * needs no parser library and nothing in the file can run: headings, paragraphs, lists, tables.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

/** Emphasis and code marks are dropped: the page shows plain text. */
export function plain(text: string): string {
  return text.replace(/\*\*|`|(?<![\w])_|_(?![\w])/g, '').trim();
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => plain(c));

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (!line.trim()) i++;
    else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]?.length as 1 | 2 | 3, text: plain(heading[2] ?? '') });
      i++;
    } else if (line.startsWith('|')) {
      const table: string[] = [];
      while (i < lines.length && lines[i]?.startsWith('|')) table.push(lines[i++] ?? '');
      const [head = '', , ...rows] = table;
      blocks.push({ kind: 'table', head: cells(head), rows: rows.map(cells) });
    } else if (/^- /.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^(- |\s+\S)/.test(lines[i] ?? '')) {
        const l = lines[i++] ?? '';
        if (l.startsWith('- ')) items.push(l.slice(2));
        else items[items.length - 1] += ` ${l.trim()}`;
      }
      blocks.push({ kind: 'list', items: items.map(plain) });
    } else {
      const text: string[] = [];
      while (i < lines.length && lines[i]?.trim() && !/^(#|- |\|)/.test(lines[i] ?? '')) text.push(lines[i++] ?? '');
      blocks.push({ kind: 'paragraph', text: plain(text.join(' ')) });
    }
  }
  return blocks;
}
