/**
 * Model output to a Markdown syntax tree (mdast), CommonMark plus GitHub's extensions (tables,
 * strikethrough, autolinked `www.` and `https://` text, task lists). Parsing only: the tree is turned
 * into elements by render-tree.tsx, through an allowlist.
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}
