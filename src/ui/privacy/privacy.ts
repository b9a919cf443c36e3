/** The privacy page: PRIVACY.md from the repository, bundled at build time, shown as text. */
import source from '../../../PRIVACY.md?raw';
import { parseMarkdown, type Block } from './markdown';
import { localizePage, t, uiLocale } from '../shared/i18n';

function render(block: Block): HTMLElement {
  const el = (tag: string, text?: string): HTMLElement =>
    Object.assign(document.createElement(tag), text === undefined ? {} : { textContent: text });
  switch (block.kind) {
    case 'heading':
      return el(`h${block.level}`, block.text);
    case 'paragraph':
      return el('p', block.text);
    case 'list': {
      const ul = el('ul');
      ul.append(...block.items.map((item) => el('li', item)));
      return ul;
    }
    case 'table': {
      const table = el('table');
      const head = el('tr');
      head.append(...block.head.map((h) => Object.assign(el('th', h), { scope: 'col' })));
      const body = el('tbody');
      body.append(
        ...block.rows.map((row) => {
          const tr = el('tr');
          tr.append(...row.map((c) => el('td', c)));
          return tr;
        }),
      );
      const thead = el('thead');
      thead.append(head);
      table.append(thead, body);
      return table;
    }
  }
}

localizePage();
// The notice itself is kept in English only (one reviewed text); other languages are told so.
const note = uiLocale().startsWith('en')
  ? []
  : [
      Object.assign(document.createElement('p'), {
        className: 'note',
        lang: uiLocale(),
        textContent: t('privacyEnglishOnly'),
      }),
    ];
const main = document.querySelector('main');
if (main) main.lang = 'en';
main?.replaceChildren(...note, ...parseMarkdown(source).map(render));
