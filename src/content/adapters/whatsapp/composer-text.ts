/**
 * What the composer holds, as the text a user would send: Lexical renders each paragraph as a <p> and each
 * Shift+Enter line break as a <br>, and keeps an extra <br> at the end of a paragraph so the caret has a
 * line to sit on. Used to verify that an inserted draft landed exactly.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const BLOCK_ELEMENTS = new Set(['p', 'div', 'li', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// A token of its own (not '\n') so that a text node ending in a newline is not mistaken for a <br>.
const BREAK: unique symbol = Symbol('br');
type Part = string | typeof BREAK;

export function readComposerText(composer: Element): string {
  const lines: string[] = [];
  let inline: Part[] | null = null;
  for (let child = composer.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && BLOCK_ELEMENTS.has((child as Element).localName)) {
      if (inline) lines.push(blockText(inline));
      inline = null;
      lines.push(readBlock(child as Element));
    } else {
      // Bare text straight in the editable (not Lexical, or Lexical not mounted yet): one paragraph.
      inline ??= [];
      appendInline(child, inline);
    }
  }
  if (inline) lines.push(blockText(inline));
  return lines.join('\n');
}

function readBlock(block: Element): string {
  const parts: Part[] = [];
  for (let child = block.firstChild; child; child = child.nextSibling) appendInline(child, parts);
  return blockText(parts);
}

/** A paragraph's last <br> is a caret placeholder, not a line: `a<br>` reads "a", `<br>` reads "". */
function blockText(parts: Part[]): string {
  if (parts.at(-1) === BREAK) parts.pop();
  return parts.map((part) => (part === BREAK ? '\n' : part)).join('');
}

function appendInline(node: Node, parts: Part[]): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push((node as Text).data);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  if (element.localName === 'br') {
    parts.push(BREAK);
  } else if (element.localName === 'img') {
    parts.push(element.getAttribute('alt') ?? element.getAttribute('data-plain-text') ?? '');
  } else if (BLOCK_ELEMENTS.has(element.localName)) {
    // A block nested in a paragraph (browser-made markup) starts a new line.
    parts.push(BREAK, readBlock(element));
  } else {
    for (let child = element.firstChild; child; child = child.nextSibling) appendInline(child, parts);
  }
}

/**
 * Compares a read-back with the draft: contenteditable turns spaces into no-break spaces at line ends,
 * Windows line ends may creep in, and trailing blank lines do not survive WhatsApp's own trimming on send.
 */
export function sameDraftText(actual: string, expected: string): boolean {
  return normalizeDraft(actual) === normalizeDraft(expected);
}

function normalizeDraft(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').trimEnd();
}
