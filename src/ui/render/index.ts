export { SafeMarkdown, openInNewTab, sharedDefinitionsOf, type SafeMarkdownProps } from './SafeMarkdown';
export type { LinkOpener } from './SafeLink';
export { loadMarkdownParser } from './markdown-loader';
