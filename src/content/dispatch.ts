/**
 * The content script's one privileged entry point, kept apart from main.ts so that every rejection path is
 * unit-tested without a browser. It answers only the extension's own background, only the two requests
 * meant for it, and only with validated payloads; anything else gets `undefined`, which leaves the message
 * to other listeners (and tells a probing sender nothing).
 */
import type { ContentMessageSender } from '../platform/content-runtime';
import type { UserFacingError } from '../shared/errors';
import type { Wording, WordingKey } from '../shared/wording';
import { parseContentEnvelope } from '../shared/content-protocol';
import type { Payload, Reply } from '../shared/protocol';
import { adapterForUrl, supportedSites } from './adapters/registry';
import { NothingSelectedError, type SiteAdapter } from './adapters/types';
import { ContentSession, type Notify } from './session';
import { WHATSAPP_SITE_ID } from './adapters/whatsapp/reader';
import { scrollToMessage } from './adapters/whatsapp/scroll-to-message';

export type { ContentMessageSender } from '../platform/content-runtime';

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
  /**
   * The page's running scoped read and live watch. Without one, a session per document is made on first
   * use, sending with `notify` (or nowhere).
   */
  session?: ContentSession;
  notify?: Notify;
}

export type ContentReply =
  | Reply<'background->content:read-conversation'>
  | Reply<'background->content:insert-draft'>
  | Reply<'background->content:read-draft'>
  | Reply<'background->content:cancel-history'>
  | Reply<'background->content:watch'>
  | Reply<'background->content:scroll-to-message'>;

export function dispatchContentMessage(
  message: unknown,
  sender: ContentMessageSender,
  context: ContentContext,
): Promise<ContentReply> | undefined {
  if (!isOwnBackground(sender, context)) return undefined;
  const envelope = parseContentEnvelope(message);
  if (!envelope) return undefined;
  const adapter = (context.pickAdapter ?? adapterForUrl)(context.pageUrl);
  switch (envelope.type) {
    case 'background->content:read-conversation': {
      const { scope } = envelope.payload as Payload<'background->content:read-conversation'>;
      if (!adapter) return Promise.resolve(unsupportedPage());
      return scope && scope.kind !== 'visible'
        ? readScoped(adapter, sessionOf(context), scope)
        : readConversation(adapter, context.document, scope !== undefined);
    }
    case 'background->content:cancel-history':
      return Promise.resolve({ ok: true, value: { cancelled: sessionOf(context).cancelHistory() } });
    case 'background->content:watch': {
      const { on } = envelope.payload as Payload<'background->content:watch'>;
      if (!adapter) return Promise.resolve(unsupportedPage());
      return Promise.resolve({ ok: true, value: { watching: sessionOf(context).setWatch(adapter, on) } });
    }
    case 'background->content:insert-draft': {
      const { text } = envelope.payload as { text: string };
      return adapter ? insertDraft(adapter, context.document, text) : Promise.resolve(unsupportedPage());
    }
    case 'background->content:read-draft':
      return Promise.resolve(adapter ? readDraft(adapter, context.document) : unsupportedPage());
    case 'background->content:scroll-to-message':
      return Promise.resolve(adapter?.id === WHATSAPP_SITE_ID ? scrollToMessage(context.document, (envelope.payload as { messageId: string }).messageId) : unsupportedPage());
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
  scoped: boolean,
): Promise<Reply<'background->content:read-conversation'>> {
  try {
    const conversation = adapter.read(doc);
    // Asked for the visible scope by name: say the read covered it, as every scoped read does.
    return {
      ok: true,
      value: scoped ? { ...conversation, coverage: { scope: 'visible', complete: true, reachedChatStart: false } } : conversation,
    };
  } catch {
    return { ok: false, error: adapterError(wordingId('error_chatReadFailed'), 'Aside could not read this chat.') };
  }
}

async function readScoped(
  adapter: SiteAdapter,
  session: ContentSession,
  scope: NonNullable<Payload<'background->content:read-conversation'>['scope']>,
): Promise<Reply<'background->content:read-conversation'>> {
  try {
    return { ok: true, value: await session.readScoped(adapter, scope) };
  } catch (error) {
    if (error instanceof NothingSelectedError) {
      return {
        ok: false,
        error: {
          kind: 'adapter',
          message: 'No messages are selected in the chat.',
          messageWording: wordingId('error_nothingSelected'),
          hint: 'Select the messages you mean in WhatsApp (drag across them), then try again.',
          hintWording: wordingId('error_nothingSelectedHint'),
          retryable: true,
        },
      };
    }
    return { ok: false, error: adapterError(wordingId('error_chatHistoryReadFailed'), 'Aside could not read this chat’s history.') };
  }
}

const sessions = new WeakMap<Document, ContentSession>();

function sessionOf(context: ContentContext): ContentSession {
  if (context.session) return context.session;
  let session = sessions.get(context.document);
  if (!session) {
    session = new ContentSession(context.document, context.notify ?? (async () => undefined));
    sessions.set(context.document, session);
  }
  return session;
}

async function insertDraft(
  adapter: SiteAdapter,
  doc: Document,
  text: string,
): Promise<Reply<'background->content:insert-draft'>> {
  try {
    return { ok: true, value: await adapter.insert(doc, text) };
  } catch {
    return { ok: false, error: adapterError(wordingId('error_draftInsertFailed'), 'Aside could not put the draft into the message box.') };
  }
}

function readDraft(adapter: SiteAdapter, doc: Document): Reply<'background->content:read-draft'> {
  const text = adapter.readDraft(doc);
  if (text === null) {
    return { ok: false, error: adapterError(wordingId('error_messageBoxMissing'), 'Aside could not find WhatsApp’s message box in this chat.') };
  }
  return { ok: true, value: { text } };
}

/**
 * The English is written out here rather than read from the catalogue (src/shared/wording.ts): the content
 * script stays small, and only the ids reach the interface, which translates them. errors.test.ts checks
 * that each English text equals its catalogue entry.
 */
function wordingId(key: WordingKey, ...args: string[]): Wording {
  return { key, args };
}

function adapterError(messageWording: Wording, message: string): UserFacingError {
  return {
    kind: 'adapter',
    message,
    messageWording,
    hint: 'Reload the messenger tab and try again.',
    hintWording: wordingId('error_reloadMessengerHint'),
    retryable: true,
  };
}

function unsupportedPage(): { ok: false; error: UserFacingError } {
  return {
    ok: false,
    error: {
      kind: 'adapter',
      message: 'This page is not a chat Aside can read.',
      messageWording: wordingId('error_unsupportedPage'),
      hint: `Open a supported messenger (${supportedSites().join(', ')}) and try again.`,
      hintWording: wordingId('error_unsupportedPageHint', supportedSites().join(', ')),
      retryable: false,
    },
  };
}
