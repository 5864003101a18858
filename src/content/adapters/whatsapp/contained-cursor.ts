/**
 * Hands out, container by container, the elements of one document-ordered list that sit inside each
 * container. The reader queries the pane once for all metadata elements and all text spans, then walks
 * these lists alongside the message containers (also in document order): a contains() per row instead of a
 * querySelector per row, which measured about three times cheaper on a 2,000-message chat in Chromium.
 */
const DOCUMENT_POSITION_PRECEDING = 2;

export class ContainedCursor {
  private index = 0;

  constructor(private readonly elements: ArrayLike<Element>) {}

  /**
   * The next element inside `container` that `accept` takes (all, without it). Elements before the
   * container (outside any message, or left over in an earlier one) are passed over for good.
   */
  next(container: Element, accept?: (element: Element) => boolean): Element | null {
    while (this.index < this.elements.length) {
      const element = this.elements[this.index]!;
      if (container.contains(element)) {
        this.index++;
        if (!accept || accept(element)) return element;
      } else if (container.compareDocumentPosition(element) & DOCUMENT_POSITION_PRECEDING) {
        this.index++;
      } else {
        return null;
      }
    }
    return null;
  }
}
