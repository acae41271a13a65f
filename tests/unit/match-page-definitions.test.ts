// @vitest-environment happy-dom
// An abbreviation defined in one block of a page holds in the next: the page scanner hands the matcher what the
// page's blocks introduced, as it hands it the companies already found.
import { afterEach, expect, it } from 'vitest';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';
import type { PaintedRange, Painter } from '../../lib/page/highlighter';
import { PageScanner } from '../../lib/page/scanner';

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, name, aliases: [], weakAliases: [], tickers: [], isins: [], country: 'RU', listings: [], rulings: [], ...extra };
}
const matcher = createMatcher({ entities: [entity('gpb', 'Gazprombank', { aliases: ['Газпромбанк'] })] } as Pick<Dataset, 'entities'>);

/** Keeps what would be painted, as text. */
class TextPainter implements Painter {
  owners = new Map<object, PaintedRange[]>();
  paint(owner: object, ranges: PaintedRange[]) {
    if (ranges.length) this.owners.set(owner, ranges);
    else this.owners.delete(owner);
  }
  flush() {}
  styleRoot() {}
  setLook() {}
  hitTest() {
    return null;
  }
  destroy() {}
  get size() {
    return [...this.owners.values()].reduce((sum, ranges) => sum + ranges.length, 0);
  }
  texts(): string[] {
    return [...this.owners.values()].flat().map(({ range }) => {
      const dom = document.createRange();
      dom.setStart(range.startNode, range.startOffset);
      dom.setEnd(range.endNode, range.endOffset);
      return dom.toString();
    });
  }
}

let scanner: PageScanner | undefined;
afterEach(() => {
  scanner?.stop();
  document.body.innerHTML = '';
});

it('paints an abbreviation the page defined in an earlier paragraph', async () => {
  document.body.innerHTML = '<p>АО «Газпромбанк» (далее – «ГПБ») попал под санкции.</p><p>Дочерние компании ГПБ тоже.</p><p>ПАО ГТЛК не связано.</p>';
  const painter = new TextPainter();
  scanner = new PageScanner(document, painter, { matcher, keyOf: () => 'prohibited', isIgnored: () => false }, {
    yieldToBrowser: (next) => setTimeout(next, 0),
  });
  scanner.start();
  for (let i = 0; i < 50 && !scanner.idle; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(painter.texts().sort()).toEqual(['ГПБ', 'ГПБ', 'Газпромбанк']);
});
