/**
 * The Markdown parser (micromark with GitHub's extensions, about 28 KB gzip) is loaded on its own, after
 * the sidebar's first paint, so the sidebar's first load stays small. Until it is there, SafeMarkdown
 * shows text as plain text, which is always safe.
 */
import type { parseMarkdown } from './parse-markdown';

export type MarkdownParser = typeof parseMarkdown;

let parser: MarkdownParser | null = null;
let loading: Promise<MarkdownParser> | null = null;

/**
 * One small text using each construct answers use. Parsed once while the page is idle after loading, so
 * the engine compiles the parser's code then, not in the first frame of an answer (a cold first parse
 * costs several times a warm one).
 */
const WARM_UP_SAMPLE = '**Plan** for _Saturday_, see [notes](https://notes.example/1) and `time`\n\n- one\n- two ~~three~~\n\n1. four\n\n> quote\n\n| a | b |\n| - | - |\n| c | d |';

/** Starts loading the parser (once); resolves when it is ready. */
export function loadMarkdownParser(): Promise<MarkdownParser> {
  loading ??= import('./parse-markdown').then((module) => {
    parser = module.parseMarkdown;
    const loaded = parser;
    const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
    const warmUp = () => void loaded(WARM_UP_SAMPLE);
    if (idle) idle(warmUp, { timeout: 1_000 });
    else setTimeout(warmUp, 0);
    return loaded;
  });
  return loading;
}

/** The parser if it has loaded, else null. */
export function loadedMarkdownParser(): MarkdownParser | null {
  return parser;
}
