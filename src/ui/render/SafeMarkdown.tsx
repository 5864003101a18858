/**
 * The one way model output and message text reach the screen in Aside's pages. Markdown mode parses to a
 * syntax tree and renders it through an allowlist (render-tree.tsx); verbatim mode (drafts, which are
 * inserted exactly as shown) renders the text as one text node. Neither ever produces markup from the
 * text, loads anything, or gives a link an href.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { findReferenceDefinitions, isParseableBlock, splitIntoBlocks } from './markdown-chunks';
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
  const blocks = useMemo(() => splitIntoBlocks(text), [text]);
  const own = useMemo(() => (shared ? null : sharedDefinitionsOf(text)), [text, shared]);
  const definitions = shared ?? own!;
  // Strings, so a block re-renders exactly when the definitions or the set of used labels change.
  const usedLabels = definitions.usedLabels;
  return (
    <div class={className ? `safe-markdown ${className}` : 'safe-markdown'}>
      {blocks.map((block, index) => (
        <MarkdownBlock
          key={index}
          source={block}
          definitions={definitions.source}
          usedLabels={usedLabels}
          waiting={streaming && index === blocks.length - 1 && block.length > MAX_LIVE_TAIL_LENGTH}
          parse={parse}
          openLink={openLink}
        />
      ))}
    </div>
  );
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
