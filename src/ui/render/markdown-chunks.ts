/**
 * Markdown split into blocks that can be parsed on their own, so that a streaming answer re-parses only
 * its last block each frame (parsing the whole text every frame costs tens of milliseconds at a few
 * kilobytes, and the sidebar must not block for 50 ms while tokens arrive).
 *
 * A block ends at a blank line outside a fenced code block. What is lost is small: a list whose items are
 * separated by blank lines becomes several lists. Reference definitions (`[r]: https://…`) are found in the
 * whole text and given to every block, so a reference in one block still resolves.
 *
 * Blocks built to be slow to parse (deeply nested lists and quotes, thousands of emphasis delimiters, one
 * enormous paragraph) are shown as plain text instead: a deterministic rule, not a timer.
 */

/** Past these, a block is shown as plain text. Real answers stay far below them. */
export const MAX_BLOCK_LENGTH = 4_000;
export const MAX_INDENT_COLUMNS = 24;
export const MAX_LINE_CONTAINERS = 8;
export const MAX_DELIMITERS = 400;
/** More definitions than this are not shared between blocks (each block would carry them all). */
export const MAX_SHARED_DEFINITIONS = 50;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;
/** `[label]: destination`, as CommonMark writes a link reference definition (single-line form). */
const DEFINITION = /^ {0,3}\[((?:[^\\\]]|\\.){1,999})\]:[ \t]*(\S+)/;

export function splitIntoBlocks(text: string): string[] {
  return splitBlocksFrom(text, 0).blocks;
}

/**
 * The blocks of `text` from offset `from`, which must be where a block starts (0, or a `lastStart` this
 * function returned for a text that `text` extends): there no fence is open, so the split equals that of the
 * whole text from there. `lastStart` is the offset of the last block (text.length when there is none): a
 * stream re-splits only from there, since every block before it is followed by a blank line and complete.
 */
export function splitBlocksFrom(text: string, from: number): { blocks: string[]; lastStart: number } {
  const blocks: string[] = [];
  let current: string[] = [];
  let currentStart = from;
  let lastStart = text.length;
  let fence: string | null = null;
  const flush = () => {
    if (current.length > 0) {
      blocks.push(current.join('\n'));
      lastStart = currentStart;
    }
    current = [];
  };
  let offset = from;
  for (const line of text.slice(from).split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === null && marker) {
      fence = marker;
    } else if (fence !== null && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
      fence = null;
    }
    if (fence === null && BLANK.test(line)) {
      flush();
    } else {
      if (current.length === 0) currentStart = offset;
      current.push(line);
    }
    offset += line.length + 1;
  }
  flush();
  return { blocks, lastStart };
}

export interface ReferenceDefinitions {
  /** The definition lines, to append to each block before parsing it. */
  source: string;
  /** Lower-cased labels that some reference in the text uses (`[text][label]`, `![alt][label]`, `[label]`). */
  used: ReadonlySet<string>;
}

export function findReferenceDefinitions(text: string): ReferenceDefinitions {
  const lines: string[] = [];
  const labels: string[] = [];
  for (const line of text.split('\n')) {
    const match = DEFINITION.exec(line);
    if (match?.[1]) {
      lines.push(line.trim());
      labels.push(match[1].toLowerCase());
    }
  }
  if (lines.length > MAX_SHARED_DEFINITIONS) return { source: '', used: new Set() };
  const lower = text.toLowerCase();
  // The definition itself holds one `[label]`; a second one is a use.
  const used = new Set(labels.filter((label) => lower.split(`[${label}]`).length > 2));
  return { source: lines.join('\n'), used };
}

/** Whether a block is cheap enough to parse as Markdown (see the limits above). */
export function isParseableBlock(block: string): boolean {
  if (block.length > MAX_BLOCK_LENGTH) return false;
  let delimiters = 0;
  for (const character of block) {
    if ('*_~`[]<>!|@'.includes(character)) delimiters += 1;
  }
  if (delimiters > MAX_DELIMITERS) return false;
  // GitHub's autolinks (`www.`, `https://`) are the slowest thing to find: many of them, plain text.
  if ((block.match(/www\.|:\/\//gi)?.length ?? 0) > MAX_DELIMITERS / 8) return false;
  for (const line of block.split('\n')) {
    if (indentColumns(line) > MAX_INDENT_COLUMNS) return false;
    if (leadingContainers(line) > MAX_LINE_CONTAINERS) return false;
  }
  return true;
}

function indentColumns(line: string): number {
  let columns = 0;
  for (const character of line) {
    if (character === ' ') columns += 1;
    else if (character === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** How many quote and list markers open a line: `> - > 1. x` has four. */
function leadingContainers(line: string): number {
  const markers = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/;
  let rest = line;
  let count = 0;
  for (let match = markers.exec(rest); match; match = markers.exec(rest)) {
    count += 1;
    rest = rest.slice(match[0].length);
    if (count > MAX_LINE_CONTAINERS) break;
  }
  return count;
}
