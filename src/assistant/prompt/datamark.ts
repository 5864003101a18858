/**
 * Spotlighting by datamarking: every piece of chat text goes to the model between two copies of a
 * marker that is random per request, so text inside cannot forge the closing marker, and the system
 * prompt can say precisely which text is data.
 */
export interface DataMarker {
  open: string;
  close: string;
  wrap(text: string): string;
}

export function createDataMarker(randomBytes: (length: number) => Uint8Array = defaultRandomBytes): DataMarker {
  const token = Array.from(randomBytes(6), (byte) => byte.toString(16).padStart(2, '0')).join('');
  const open = `«data-${token}»`;
  const close = `«/data-${token}»`;
  return {
    open,
    close,
    // A message that imitates marker syntax is defused so it cannot look like a boundary.
    wrap: (text) => `${open}${text.replace(/«(\/?)data-/gi, '‹$1data-')}${close}`,
  };
}

function defaultRandomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}
