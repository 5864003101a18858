/**
 * The content script's one privileged entry point, kept apart from main.ts so that every rejection path is
 * unit-tested without a browser. It answers only the extension's own background, only the two requests
 * meant for it, and only with validated payloads; anything else gets `undefined`, which leaves the message
 * to other listeners (and tells a probing sender nothing).
 */
import type { UserFacingError } from '../shared/errors';
import { parseEnvelope, type Reply } from '../shared/protocol';
import { adapterForUrl, supportedSites } from './adapters/registry';
import type { SiteAdapter } from './adapters/types';

/** The fields of runtime.MessageSender this module looks at. */
export interface ContentMessageSender {
  id?: string;
  tab?: unknown;
  url?: string;
}

export interface ContentContext {
  /** browser.runtime.id */
  runtimeId: string;
  /** browser.runtime.getURL(''): a sender that gives a URL must be one of the extension's own pages. */
  extensionBaseUrl?: string;
  document: Document;
  /** The page's address at the time of the request. */
  pageUrl: string;
  /** Defaults to the registry; tests pass their own. */
  pickAdapter?: (url: string) => SiteAdapter | null;
}

export type ContentReply =
  | Reply<'background->content:read-conversation'>
  | Reply<'background->content:insert-draft'>
  | Reply<'background->content:read-draft'>;

export function dispatchContentMessage(
  message: unknown,
  sender: ContentMessageSender,
  context: ContentContext,
): Promise<ContentReply> | undefined {
  if (!isOwnBackground(sender, context)) return undefined;
  const envelope = parseEnvelope(message);
  if (!envelope) return undefined;
  const adapter = (context.pickAdapter ?? adapterForUrl)(context.pageUrl);
  switch (envelope.type) {
    case 'background->content:read-conversation':
      return adapter ? readConversation(adapter, context.document) : Promise.resolve(unsupportedPage());
    case 'background->content:insert-draft': {
      const { text } = envelope.payload as { text: string };
      return adapter ? insertDraft(adapter, context.document, text) : Promise.resolve(unsupportedPage());
    }
    case 'background->content:read-draft':
      return Promise.resolve(adapter ? readDraft(adapter, context.document) : unsupportedPage());
    default:
      return undefined;
  }
}

/**
 * Content scripts receive runtime messages from the extension's own contexts only, but a second check is
 * cheap: the sender must be this extension (id), not a tab (another content script, or a page that found a
 * way in), and, where the browser names its URL, one of the extension's own pages or its worker.
 */
function isOwnBackground(sender: ContentMessageSender, context: ContentContext): boolean {
  if (!context.runtimeId || sender.id !== context.runtimeId) return false;
  if (sender.tab !== undefined && sender.tab !== null) return false;
  if (sender.url !== undefined && context.extensionBaseUrl && !sender.url.startsWith(context.extensionBaseUrl)) {
    return false;
  }
  return true;
}

async function readConversation(
  adapter: SiteAdapter,
  doc: Document,
): Promise<Reply<'background->content:read-conversation'>> {
  try {
    return { ok: true, value: adapter.read(doc) };
  } catch {
    return { ok: false, error: adapterError('Aside could not read this chat.') };
  }
}

async function insertDraft(
  adapter: SiteAdapter,
  doc: Document,
  text: string,
): Promise<Reply<'background->content:insert-draft'>> {
  try {
    return { ok: true, value: await adapter.insert(doc, text) };
  } catch {
    return { ok: false, error: adapterError('Aside could not put the draft into the message box.') };
  }
}

function readDraft(adapter: SiteAdapter, doc: Document): Reply<'background->content:read-draft'> {
  const text = adapter.readDraft(doc);
  if (text === null) {
    return { ok: false, error: adapterError('Aside could not find WhatsApp’s message box in this chat.') };
  }
  return { ok: true, value: { text } };
}

function adapterError(message: string): UserFacingError {
  return { kind: 'adapter', message, hint: 'Reload the messenger tab and try again.', retryable: true };
}

function unsupportedPage(): { ok: false; error: UserFacingError } {
  return {
    ok: false,
    error: {
      kind: 'adapter',
      message: 'This page is not a chat Aside can read.',
      hint: `Open a supported messenger (${supportedSites().join(', ')}) and try again.`,
      retryable: false,
    },
  };
}
