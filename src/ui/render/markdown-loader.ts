/**
 * The Markdown parser (micromark with GitHub's extensions, about 28 KB gzip) is loaded on its own, after
 * the sidebar's first paint, so the sidebar's first load stays small. Until it is there, SafeMarkdown
 * shows text as plain text, which is always safe.
 */
import type { parseMarkdown } from './parse-markdown';

export type MarkdownParser = typeof parseMarkdown;

let parser: MarkdownParser | null = null;
let loading: Promise<MarkdownParser> | null = null;

/** Starts loading the parser (once); resolves when it is ready. */
export function loadMarkdownParser(): Promise<MarkdownParser> {
  loading ??= import('./parse-markdown').then((module) => {
    parser = module.parseMarkdown;
    return parser;
  });
  return loading;
}

/** The parser if it has loaded, else null. */
export function loadedMarkdownParser(): MarkdownParser | null {
  return parser;
}
