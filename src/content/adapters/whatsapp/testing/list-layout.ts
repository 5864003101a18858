/**
 * happy-dom has no layout: scrollTop is a plain number, nothing scrolls and no scroll event fires. For the
 * history tests, this gives one scrolling list what a browser would: rows of a fixed height stacked in order,
 * a viewport, scrollTop clamped to the content, a `scroll` event after each change (asynchronously, as in
 * browsers), and bounding boxes that follow. Only the pane and the elements inside it are affected.
 */
export interface ListLayout {
  /** Undoes the patches. */
  restore(): void;
  scrollEvents(): number;
}

export function emulateListLayout(pane: HTMLElement, { rowHeight = 40, viewport = 400, startAtBottom = true } = {}): ListLayout {
  let top = 0;
  let events = 0;
  const height = () => pane.children.length * rowHeight;
  const maxTop = () => Math.max(0, height() - viewport);
  const rect = (y: number, h: number) =>
    ({ x: 0, y, top: y, bottom: y + h, left: 0, right: 300, width: 300, height: h, toJSON: () => ({}) }) as DOMRect;

  Object.defineProperties(pane, {
    scrollHeight: { configurable: true, get: height },
    clientHeight: { configurable: true, get: () => viewport },
    scrollTop: {
      configurable: true,
      // Content removed below the viewport pulls the position back, as in browsers.
      get: () => (top = Math.min(top, maxTop())),
      set(value: number) {
        const next = Math.max(0, Math.min(Math.round(value), maxTop()));
        if (next === top) return;
        top = next;
        setTimeout(() => {
          events++;
          pane.dispatchEvent(new Event('scroll'));
        }, 0);
      },
    },
  });
  if (startAtBottom) top = maxTop();

  const elementPrototype = Element.prototype as unknown as { getBoundingClientRect(this: Element): DOMRect };
  const original = elementPrototype.getBoundingClientRect;
  elementPrototype.getBoundingClientRect = function (this: Element): DOMRect {
    if (this === pane) return rect(0, viewport);
    let row: Element | null = this;
    while (row && row.parentElement !== pane) row = row.parentElement;
    if (!row) return original.call(this);
    const index = Array.prototype.indexOf.call(pane.children, row);
    return rect(index * rowHeight - pane.scrollTop, rowHeight);
  };
  return {
    restore() {
      elementPrototype.getBoundingClientRect = original;
      delete (pane as { scrollTop?: number }).scrollTop;
      delete (pane as { scrollHeight?: number }).scrollHeight;
      delete (pane as { clientHeight?: number }).clientHeight;
    },
    scrollEvents: () => events,
  };
}
