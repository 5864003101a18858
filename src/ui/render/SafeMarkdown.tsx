/**
 * The one way model output and message text reach the screen in Aside's pages. Markdown mode parses to a
 * syntax tree and renders it through an allowlist (render-tree.tsx); verbatim mode (drafts, which are
 * inserted exactly as shown) renders the text as one text node. Neither ever produces markup from the
 * text, loads anything, or gives a link an href.
 */
import { Component } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { findReferenceDefinitions, isParseableBlock, splitBlocksFrom } from './markdown-chunks';
import { loadedMarkdownParser, loadMarkdownParser, type MarkdownParser } from './markdown-loader';
import { renderTree } from './render-tree';
import type { LinkOpener } from './SafeLink';
import { visibleText } from './visible-text';
import './safe-markdown.css';

/** While streaming, a last block longer than this waits, as plain text, until it is complete. */
export const MAX_LIVE_TAIL_LENGTH = 1_500;

export interface SafeMarkdownProps {
  text: string;
  /** Show the text exactly as written (no Markdown), e.g. a draft that Insert puts in the composer as is. */
  verbatim?: boolean;
  /** The text is still growing: its last block may be shown as plain text until it is complete. */
  streaming?: boolean;
  /** Opens a confirmed http(s) link; defaults to a new tab without opener or referrer. */
  openLink?: LinkOpener;
  class?: string;
  /**
   * For a piece of a larger answer (one cited point): the reference definitions of the whole answer, as
   * findReferenceDefinitions gives them, so `![x][r]` in one piece resolves against `[r]: …` in another.
   */
  sharedDefinitions?: { source: string; usedLabels: string };
}

export const openInNewTab: LinkOpener = (href) => {
  window.open(href, '_blank', 'noopener,noreferrer');
};

export function SafeMarkdown({ text, verbatim = false, streaming = false, openLink = openInNewTab, class: className, sharedDefinitions }: SafeMarkdownProps) {
  if (verbatim) {
    return <span class={className ? `safe-verbatim ${className}` : 'safe-verbatim'}>{visibleText(text)}</span>;
  }
  return <MarkdownText text={text} streaming={streaming} openLink={openLink} className={className} shared={sharedDefinitions} />;
}

interface MarkdownTextProps {
  text: string;
  streaming: boolean;
  openLink: LinkOpener;
  className: string | undefined;
  shared: { source: string; usedLabels: string } | undefined;
}

function MarkdownText({ text, streaming, openLink, className, shared }: MarkdownTextProps) {
  const parse = useMarkdownParser();
  const { settled, tail } = useBlocks(text);
  const own = useMemo(() => (shared ? null : sharedDefinitionsOf(text)), [text, shared]);
  const definitions = shared ?? own!;
  // Strings, so a block re-renders exactly when the definitions or the set of used labels change.
  const usedLabels = definitions.usedLabels;
  return (
    <div class={className ? `safe-markdown ${className}` : 'safe-markdown'}>
      <SettledBlocks blocks={settled} definitions={definitions.source} usedLabels={usedLabels} parse={parse} openLink={openLink} />
      {tail === undefined ? null : (
        <MarkdownBlock
          key={settled.length}
          source={tail}
          definitions={definitions.source}
          usedLabels={usedLabels}
          waiting={streaming && tail.length > MAX_LIVE_TAIL_LENGTH}
          parse={parse}
          openLink={openLink}
        />
      )}
    </div>
  );
}

interface Blocks {
  /** Every block but the last: complete (a blank line follows each), the same array until one more settles. */
  settled: readonly string[];
  /** The last block, the one a stream still grows. */
  tail: string | undefined;
}

/**
 * The text's blocks, split incrementally: when the text only grew (a stream), only its last block is split
 * again, and the settled blocks keep their array, so rendering them again is skipped whole. Per frame of a
 * long answer, the work is the size of its last block, not of the answer.
 */
function useBlocks(text: string): Blocks {
  const cache = useRef<{ text: string; settled: string[]; settledEnd: number; tail: string | undefined } | null>(null);
  const previous = cache.current;
  if (previous?.text === text) return previous;
  // A stream only appends; anything else (a new answer, an edit) starts over.
  const from = previous && text.startsWith(previous.text.slice(0, previous.settledEnd)) ? previous : null;
  const { blocks, lastStart } = splitBlocksFrom(text, from?.settledEnd ?? 0);
  const newlySettled = blocks.slice(0, -1);
  const settled = newlySettled.length > 0 ? [...(from?.settled ?? []), ...newlySettled] : (from?.settled ?? []);
  const next = { text, settled, settledEnd: newlySettled.length > 0 ? lastStart : (from?.settledEnd ?? 0), tail: blocks.at(-1) };
  cache.current = next;
  return next;
}

interface SettledBlocksProps {
  blocks: readonly string[];
  definitions: string;
  usedLabels: string;
  parse: MarkdownParser | null;
  openLink: LinkOpener;
}

/**
 * The complete blocks, rendered again only when one more settles or what they depend on changes: while a
 * stream grows the last block, this is skipped in one comparison. (A class, so the renderer needs no
 * compatibility layer for memo.)
 */
class SettledBlocks extends Component<SettledBlocksProps> {
  override shouldComponentUpdate(next: SettledBlocksProps): boolean {
    const current = this.props;
    return (
      current.blocks !== next.blocks ||
      current.definitions !== next.definitions ||
      current.usedLabels !== next.usedLabels ||
      current.parse !== next.parse ||
      current.openLink !== next.openLink
    );
  }

  override render({ blocks, definitions, usedLabels, parse, openLink }: SettledBlocksProps) {
    return (
      <>
        {blocks.map((block, index) => (
          <MarkdownBlock key={index} source={block} definitions={definitions} usedLabels={usedLabels} waiting={false} parse={parse} openLink={openLink} />
        ))}
      </>
    );
  }
}

interface MarkdownBlockProps {
  source: string;
  definitions: string;
  /** Lower-cased labels some reference uses, one a line. */
  usedLabels: string;
  /** Shown as plain text for now (a long block still streaming). */
  waiting: boolean;
  /** Null while the parser loads: the block is shown as plain text meanwhile. */
  parse: MarkdownParser | null;
  openLink: LinkOpener;
}

/** The parser, loaded on first use; re-renders once it arrives. */
function useMarkdownParser(): MarkdownParser | null {
  const [parse, setParse] = useState<MarkdownParser | null>(loadedMarkdownParser);
  useEffect(() => {
    if (parse) return;
    let mounted = true;
    loadMarkdownParser().then(
      (loaded) => mounted && setParse(() => loaded),
      () => undefined, // Stays plain text: safe, just unformatted.
    );
    return () => {
      mounted = false;
    };
  }, [parse]);
  return parse;
}

/** One block, parsed once per distinct source: a stream re-parses only the block that grew. */
function MarkdownBlock({ source, definitions, usedLabels, waiting, parse, openLink }: MarkdownBlockProps) {
  const plain = waiting || parse === null || !isParseableBlock(source);
  return useMemo(() => {
    if (plain || parse === null) return <p class="md-plain">{visibleText(source)}</p>;
    const tree = parse(definitions ? `${source}\n\n${definitions}` : source);
    const used = new Set(usedLabels ? usedLabels.split('\n') : []);
    return <>{renderTree(tree, { open: openLink, ownLength: source.length, usedLabels: used })}</>;
  }, [plain, parse, source, definitions, usedLabels, openLink]);
}

/** The reference definitions of a text, in the form SafeMarkdown's `sharedDefinitions` takes. */
export function sharedDefinitionsOf(text: string): { source: string; usedLabels: string } {
  const definitions = findReferenceDefinitions(text);
  return { source: definitions.source, usedLabels: [...definitions.used].sort().join('\n') };
}
