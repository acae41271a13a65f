import { describe, expect, it } from 'vitest';
import { EDGE, GAP, READABLE_HEIGHT, placeCard, type Box, type Placement } from '../../lib/page/card-placement';

const CARD = { width: 340, height: 600 };

function cardBox(spot: Placement, size = CARD): Box {
  const height = spot.maxHeight === undefined ? size.height : Math.min(size.height, spot.maxHeight);
  return { left: spot.left, top: spot.top, right: spot.left + size.width, bottom: spot.top + height };
}
const overlaps = (a: Box, b: Box) => !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top);
const inside = (a: Box, view: { width: number; height: number }) => a.left >= EDGE && a.top >= EDGE && a.right <= view.width - EDGE && a.bottom <= view.height - EDGE;
const word = (left: number, top: number, width = 110, height = 19): Box => ({ left, top, right: left + width, bottom: top + height });

describe('hover card placement', () => {
  it('goes below the word when it fits, else above, whole', () => {
    const view = { width: 1366, height: 900 };
    expect(placeCard(CARD, word(240, 100), view)).toEqual({ left: 240, top: 100 + 19 + GAP });
    expect(placeCard(CARD, word(240, 700), view)).toEqual({ left: 240, top: 700 - GAP - 600 });
  });

  it('on a laptop window too short for it either side, is shortened on the roomier side and never covers the word', () => {
    // The brokerage table row of "China Mobile Ltd" (1366×657): 244 px above it, 365 px below.
    const view = { width: 1366, height: 657 };
    const name = word(240, 248);
    const spot = placeCard(CARD, name, view);
    expect(spot).toEqual({ left: 240, top: name.bottom + GAP, maxHeight: view.height - EDGE - name.bottom - GAP });
    expect(overlaps(cardBox(spot), name)).toBe(false);
    expect(inside(cardBox(spot), view)).toBe(true);
    // Lower down the page: more room above, so above, reaching to the top edge.
    const ticker = word(36, 410, 30);
    const above = placeCard(CARD, ticker, view);
    expect(above).toEqual({ left: 36, top: EDGE, maxHeight: ticker.top - GAP - EDGE });
    expect(overlaps(cardBox(above), ticker)).toBe(false);
  });

  it('sits beside the word when little room is left above and below and the line has space', () => {
    const view = { width: 1280, height: 400 };
    const middle = word(100, 190);
    const spot = placeCard(CARD, middle, view);
    expect(spot.left).toBe(middle.right + GAP);
    expect(spot.maxHeight).toBeUndefined();
    const box = cardBox({ ...spot }, { width: 340, height: view.height - 2 * EDGE });
    expect(overlaps(box, middle)).toBe(false);
    expect(inside(box, view)).toBe(true);
    // Near the right edge: to its left.
    const right = word(1100, 190);
    expect(placeCard(CARD, right, view).left).toBe(1100 - GAP - 340);
  });

  it('on a narrow phone-sized window, never covers the word wherever it is', () => {
    const view = { width: 420, height: 700 };
    const narrow = { width: 404, height: 630 };
    for (let top = 10; top < 680; top += 15) {
      for (const left of [12, 200, 380]) {
        const target = word(left, top, 30);
        const spot = placeCard(narrow, target, view);
        const box = cardBox(spot, narrow);
        expect(overlaps(box, target), `word at ${left},${top}`).toBe(false);
        expect(inside(box, view), `word at ${left},${top}`).toBe(true);
      }
    }
  });

  it('never shrinks to an empty strip: with no readable room on any side it stays readable, even over the word', () => {
    const card = { width: 560, height: 340 };
    // A name in a big font wrapped across a whole 1280×720 window, leaving 30 px above and below.
    const wrapped: Box = { left: 0, top: 44, right: 1280, bottom: 676 };
    // A heading at 400% zoom: the window is 320×180 CSS px.
    const zoomed = { view: { width: 320, height: 180 }, word: word(20, 60, 200, 40) };
    for (const [target, view] of [[wrapped, { width: 1280, height: 720 }], [zoomed.word, zoomed.view]] as const) {
      const spot = placeCard(card, target, view);
      const box = cardBox(spot, { width: Math.min(card.width, view.width - 2 * EDGE), height: card.height });
      expect(box.bottom - box.top).toBeGreaterThanOrEqual(Math.min(READABLE_HEIGHT, view.height - 2 * EDGE));
      expect(inside(box, view)).toBe(true);
    }
  });
});
