// Where the hover card goes so that it never hides the word it explains. The card is taller than
// many laptop windows leave free above or below a word (a prohibited company's card is 500–630 px),
// so it may have to be shortened, its content scrolling inside, or set beside the word.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Set when the card is shortened to the room left; its content then scrolls inside it. */
  maxHeight?: number;
}

/** Space kept between the card and the window's edges. */
export const EDGE = 8;
/** Space kept between the card and the word. */
export const GAP = 6;
/**
 * Shortened below this, a card shows little more than its heading before the user has to scroll
 * it: beside the word (whole, covering the rest of the line) is then better, when there is room.
 */
export const USEFUL_HEIGHT = 220;
/**
 * Shortened below this, a card shows no more than its heading and a line: it would read as an empty
 * warning. The card then keeps this much (or the window's height) even if it covers the word.
 */
export const READABLE_HEIGHT = 140;

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

/**
 * The card's place for a card of `size` (its natural size) explaining `word`, in a window of
 * `view`: below the word when it fits, else above; else shortened on the side with more room
 * (the word and its line stay in view), or beside the word when that room is small and the line
 * leaves space. Always inside the window; over the word only when no side leaves a readable card.
 */
export function placeCard(size: { width: number; height: number }, word: Box, view: { width: number; height: number }): Placement {
  const width = Math.min(size.width, view.width - 2 * EDGE);
  const height = Math.min(size.height, view.height - 2 * EDGE);
  const alignedLeft = clamp(word.left, EDGE, view.width - EDGE - width);
  const roomBelow = view.height - EDGE - (word.bottom + GAP);
  const roomAbove = word.top - GAP - EDGE;
  if (height <= roomBelow) return { left: alignedLeft, top: word.bottom + GAP };
  if (height <= roomAbove) return { left: alignedLeft, top: word.top - GAP - height };

  const roomRight = view.width - EDGE - (word.right + GAP);
  const roomLeft = word.left - GAP - EDGE;
  const beside = width <= roomRight ? word.right + GAP : width <= roomLeft ? word.left - GAP - width : undefined;
  const roomy = Math.max(roomBelow, roomAbove);
  if (beside !== undefined && roomy < USEFUL_HEIGHT) {
    return { left: beside, top: clamp(word.top, EDGE, view.height - EDGE - height) };
  }
  // Too little room on every side (a big zoom, a name wrapped across the window): a readable card over
  // the word beats an empty strip beside it. It sits at the top of the window, as tall as the window allows.
  if (roomy < READABLE_HEIGHT) return { left: alignedLeft, top: EDGE, maxHeight: height };
  if (roomBelow >= roomAbove) return { left: alignedLeft, top: word.bottom + GAP, maxHeight: roomBelow };
  return { left: alignedLeft, top: EDGE, maxHeight: roomAbove };
}
