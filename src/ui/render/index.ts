export { SafeMarkdown, openInNewTab, type SafeMarkdownProps } from './SafeMarkdown';
export type { LinkOpener } from './SafeLink';
export { loadMarkdownParser } from './markdown-loader';
