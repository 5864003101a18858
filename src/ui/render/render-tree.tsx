/**
 * Markdown tree to Preact elements through an allowlist. Every element made here is one of a fixed few
 * (p, strong, em, del, code, pre, ul, ol, li, blockquote, hr, br, table parts, span, button), with fixed
 * attributes; text from the tree only ever becomes text nodes. Raw HTML is shown as the text it is,
 * images as "[image: alt — URL]", links as their text plus the full destination (see SafeLink).
 * A node type not listed renders its text, never an element named after it.
 */
import type { ComponentChild } from 'preact';
import type { Definition, Nodes, Root, TableCell } from 'mdast';
import { t } from '../i18n';
import { linkDestination } from './link-destination';
import { SafeLink, type LinkOpener } from './SafeLink';
import { visibleText, visibleUrl } from './visible-text';

/** Deeper nesting (`>>>>>>…`, lists in lists) is shown flattened: no real answer needs it, and it costs. */
export const MAX_RENDER_DEPTH = 24;

interface RenderContext {
  definitions: ReadonlyMap<string, Definition>;
  /** Whether a definition is hidden: its URL already shows where a reference uses it, or it was shared in. */
  hidden(definition: Definition): boolean;
  open: LinkOpener;
}

export interface RenderOptions {
  open: LinkOpener;
  /** Definitions from this offset on were appended from elsewhere in the text (see markdown-chunks.ts). */
  ownLength?: number;
  /** Lower-cased labels of definitions that a reference somewhere in the whole text uses. */
  usedLabels?: ReadonlySet<string>;
}

export function renderTree(root: Root, options: RenderOptions): ComponentChild[] {
  const definitions = new Map<string, Definition>();
  const referenced = new Set<string>();
  collectAssociations(root, definitions, referenced);
  const ownLength = options.ownLength ?? Infinity;
  const hidden = (definition: Definition) =>
    (definition.position?.start.offset ?? 0) >= ownLength ||
    referenced.has(definition.identifier) ||
    (options.usedLabels?.has((definition.label ?? definition.identifier).toLowerCase()) ?? false);
  return renderChildren(root, { definitions, hidden, open: options.open }, 0);
}

function collectAssociations(node: Nodes, definitions: Map<string, Definition>, referenced: Set<string>): void {
  // Iterative: a deeply nested tree must not overflow the stack here either.
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'definition' && !definitions.has(current.identifier)) definitions.set(current.identifier, current);
    if (current.type === 'linkReference' || current.type === 'imageReference') referenced.add(current.identifier);
    if ('children' in current) stack.push(...(current.children as Nodes[]));
  }
}

function renderChildren(node: Nodes, context: RenderContext, depth: number): ComponentChild[] {
  if (!('children' in node)) return [];
  return (node.children as Nodes[]).map((child, index) => renderNode(child, context, depth + 1, index));
}

function renderNode(node: Nodes, context: RenderContext, depth: number, key: number): ComponentChild {
  if (depth > MAX_RENDER_DEPTH) return <span key={key}>{visibleText(plainTextOf(node))}</span>;
  const children = () => renderChildren(node, context, depth);
  switch (node.type) {
    case 'text':
      return visibleText(node.value);
    case 'paragraph':
      return <p key={key}>{children()}</p>;
    case 'emphasis':
      return <em key={key}>{children()}</em>;
    case 'strong':
      return <strong key={key}>{children()}</strong>;
    case 'delete':
      return <del key={key}>{children()}</del>;
    case 'inlineCode':
      return (
        <code key={key} class="md-inline-code">
          {visibleText(node.value)}
        </code>
      );
    case 'code':
      return (
        <pre key={key} class="md-code">
          <code>{visibleText(node.value)}</code>
        </pre>
      );
    case 'html':
      // Raw HTML is text the model wrote: shown, never parsed.
      return (
        <span key={key} class="md-html">
          {visibleText(node.value)}
        </span>
      );
    case 'break':
      return <br key={key} />;
    case 'thematicBreak':
      return <hr key={key} />;
    case 'blockquote':
      return <blockquote key={key}>{children()}</blockquote>;
    case 'heading':
      return (
        <p key={key} class={`md-heading md-heading-${Math.min(Math.max(node.depth, 1), 6)}`}>
          <strong>{children()}</strong>
        </p>
      );
    case 'list': {
      const start = node.ordered && typeof node.start === 'number' && Number.isSafeInteger(node.start) && node.start !== 1 ? node.start : undefined;
      return node.ordered ? (
        <ol key={key} start={start}>
          {children()}
        </ol>
      ) : (
        <ul key={key}>{children()}</ul>
      );
    }
    case 'listItem':
      return (
        <li key={key}>
          {node.checked === true ? '☑ ' : node.checked === false ? '☐ ' : null}
          {children()}
        </li>
      );
    case 'table':
      return (
        <div key={key} class="md-table-wrap">
          <table class="md-table">
            <tbody>
              {node.children.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.children.map((cell, cellIndex) =>
                    renderCell(cell, rowIndex === 0, node.align?.[cellIndex] ?? null, context, depth + 2, cellIndex),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'link':
      return (
        <SafeLink key={key} destination={linkDestination(node.url)} open={context.open}>
          {isBareUrl(node) ? undefined : children()}
        </SafeLink>
      );
    case 'linkReference': {
      const definition = context.definitions.get(node.identifier);
      if (!definition) return <span key={key}>{children()}</span>;
      return (
        <SafeLink key={key} destination={linkDestination(definition.url)} open={context.open}>
          {children()}
        </SafeLink>
      );
    }
    case 'image':
      return imageText(node.alt, node.url, key);
    case 'imageReference':
      return imageText(node.alt, context.definitions.get(node.identifier)?.url ?? null, key);
    case 'definition':
      // Used by a reference, its URL shows there; unused, it is shown as written, not hidden.
      if (context.hidden(node)) return null;
      return (
        <p key={key} class="md-definition">
          [{visibleText(node.label ?? node.identifier)}]: {visibleUrl(node.url)}
        </p>
      );
    case 'footnoteReference':
      return <span key={key}>[^{visibleText(node.label ?? node.identifier)}]</span>;
    case 'footnoteDefinition':
      return (
        <div key={key} class="md-footnote">
          [^{visibleText(node.label ?? node.identifier)}]: {children()}
        </div>
      );
    default:
      return <span key={key}>{visibleText(plainTextOf(node))}</span>;
  }
}

function renderCell(
  cell: TableCell,
  header: boolean,
  align: 'left' | 'right' | 'center' | null,
  context: RenderContext,
  depth: number,
  key: number,
): ComponentChild {
  const className = align === 'left' || align === 'right' || align === 'center' ? `md-align-${align}` : undefined;
  const content = renderChildren(cell, context, depth);
  return header ? (
    <th key={key} class={className}>
      {content}
    </th>
  ) : (
    <td key={key} class={className}>
      {content}
    </td>
  );
}

/**
 * Images never load: the alt text and the full address, as text. Only the word "image" is translated; the
 * model's text stays out of the message catalogue's substitutions.
 */
function imageText(alt: string | null | undefined, url: string | null, key: number): ComponentChild {
  const label = alt ? visibleText(alt) : t('render_imageNoDescription');
  return (
    <span key={key} class="md-image" data-testid="image-placeholder">
      [{t('render_image')}: {label}
      {url ? ` — ${visibleUrl(url)}` : ''}]
    </span>
  );
}

/** An autolink (`<https://x>`, `www.x.org`, a bare URL): its text is its address, shown once. */
function isBareUrl(node: Extract<Nodes, { type: 'link' }>): boolean {
  const text = plainTextOf(node);
  return text === node.url || `http://${text}` === node.url || `https://${text}` === node.url || `mailto:${text}` === node.url;
}

/** All text under a node, without markup. Iterative, for arbitrarily deep trees. */
export function plainTextOf(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if ('value' in current && typeof current.value === 'string') parts.push(current.value);
    else if (current.type === 'image' || current.type === 'imageReference') parts.push(current.alt ?? '');
    if ('children' in current) {
      const children = current.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
    }
  }
  return parts.join('');
}
