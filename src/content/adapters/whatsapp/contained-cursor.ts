/**
 * Hands out, container by container, the elements of one document-ordered list that sit inside each
 * container. The reader queries the pane once for all metadata elements and all text spans, then walks
 * these lists alongside the message containers (also in document order): a contains() per row instead of a
 * querySelector per row, which measured about three times cheaper on a 2,000-message chat in Chromium.
 *
 * The list is asked for on first use only: when every row comes from the row cache (row-cache.ts) no pane
 * query is made at all. Rows the cache answered leave their elements unvisited; the next row read in full
 * passes over them with a galloping search (a few compareDocumentPosition calls, not one per element).
 */
const DOCUMENT_POSITION_PRECEDING = 2;

export class ContainedCursor {
  private index = 0;
  private elements: ArrayLike<Element> | null = null;

  constructor(private readonly source: ArrayLike<Element> | (() => ArrayLike<Element>)) {}

  /**
   * The next element inside `container` that `accept` takes (all, without it). Elements before the
   * container (outside any message, or left over in an earlier one) are passed over for good.
   */
  next(container: Element, accept?: (element: Element) => boolean): Element | null {
    const elements = (this.elements ??= typeof this.source === 'function' ? this.source() : this.source);
    while (this.index < elements.length) {
      const element = elements[this.index]!;
      if (container.contains(element)) {
        this.index++;
        if (!accept || accept(element)) return element;
      } else if (container.compareDocumentPosition(element) & DOCUMENT_POSITION_PRECEDING) {
        this.index = firstNotPreceding(elements, this.index, container);
      } else {
        return null;
      }
    }
    return null;
  }
}

/**
 * The index of the first element at or after `from` that does not precede `container`, given that the one
 * at `from` does. The list is in document order, so "precedes" holds for a prefix: gallop, then bisect.
 */
function firstNotPreceding(elements: ArrayLike<Element>, from: number, container: Element): number {
  const precedes = (index: number) =>
    (container.compareDocumentPosition(elements[index]!) & DOCUMENT_POSITION_PRECEDING) !== 0;
  let low = from;
  let step = 1;
  let high = from + 1;
  while (high < elements.length && precedes(high)) {
    low = high;
    step *= 2;
    high = low + step;
  }
  if (high > elements.length) high = elements.length;
  // elements[low] precedes; elements[high] does not (or high is the end).
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (precedes(middle)) low = middle;
    else high = middle;
  }
  return high;
}
