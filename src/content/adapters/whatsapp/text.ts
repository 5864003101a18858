/**
 * Text as the user reads it, without layout: innerText would force a layout per row (too slow on a
 * 2,000-message chat) and would pick up whatever CSS happens to show. Emoji images become their
 * characters, <br> a line break, and icon ligatures (spans whose text is an icon's name) are dropped.
 * Node types are numbers because the extract CLI runs this outside a browser, where `Node` is no global.
 */
import { ICON_ATTRIBUTE } from './selectors';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function readVisibleText(root: Element): string {
  // Most message text has no emoji, line break or icon in it (`text` or `<span>text</span>`): a few native
  // calls instead of a walk, once per message.
  const count = root.childElementCount;
  if (count === 0) return root.textContent ?? '';
  if (count === 1) {
    const only = root.firstElementChild!;
    if (only.childElementCount === 0 && only.localName === 'span' && !only.hasAttribute(ICON_ATTRIBUTE)) {
      return root.textContent ?? '';
    }
  }
  const parts: string[] = [];
  appendText(root, parts);
  return parts.join('');
}

function appendText(node: Node, parts: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      parts.push((child as Text).data);
    } else if (child.nodeType === ELEMENT_NODE) {
      const element = child as Element;
      switch (element.localName) {
        case 'img':
          parts.push(element.getAttribute('alt') ?? element.getAttribute('data-plain-text') ?? '');
          break;
        case 'br':
          parts.push('\n');
          break;
        case 'script':
        case 'style':
        case 'svg':
        case 'template':
          break;
        default:
          if (!element.hasAttribute(ICON_ATTRIBUTE)) appendText(element, parts);
      }
    }
  }
}

const WHITESPACE_RUNS = /[\s\u00a0\u202f]+/g;

/** Names and labels: one line, single spaces, no padding. */
export function collapseWhitespace(text: string): string {
  // The usual name is already tidy: one scan over its characters says so, and it is returned as it is, with no
  // regex and no new string (this runs once per message, and a regex test showed in profiles).
  const last = text.length - 1;
  let tidy = last < 0 || (text.charCodeAt(0) !== 32 && text.charCodeAt(last) !== 32);
  for (let index = 0; tidy && index <= last; index++) {
    const code = text.charCodeAt(index);
    // Anything but a lone plain space: a tab, a newline, a no-break space, two spaces in a row.
    if (code === 32) tidy = text.charCodeAt(index + 1) !== 32;
    else if (code < 32 || (code > 126 && isOtherWhitespace(code))) tidy = false;
  }
  return tidy ? text : text.replace(WHITESPACE_RUNS, ' ').trim();
}

/** White space besides the plain space, as `\s` has it (and the no-break spaces WhatsApp writes). */
function isOtherWhitespace(code: number): boolean {
  return (
    code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 ||
    code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
