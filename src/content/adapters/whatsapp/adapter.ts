import type { SiteAdapter } from '../types';
import { insertDraft } from './composer';
import { findComposer } from './composer-lookup';
import { readComposerText } from './composer-text';
import { readConversation, WHATSAPP_SITE_ID } from './reader';
import { readScoped } from './scoped-read';
import { summarizeChat } from './summary';
import { FOOTER_TAG, queryFirstTier, whatsAppSelectors } from './selectors';

export const WHATSAPP_ORIGIN = 'https://web.whatsapp.com';

export const whatsAppAdapter: SiteAdapter = {
  id: WHATSAPP_SITE_ID,
  matches: (url) => url.origin === WHATSAPP_ORIGIN,
  read: (doc) => readConversation(doc),
  insert: (doc, text) => insertDraft(doc, text),
  readDraft: (doc) => {
    const composer = findComposer(doc);
    return composer ? readComposerText(composer.element) : null;
  },
  readScoped: (doc, scope, options) => readScoped(doc, scope, options),
  watchTargets: (doc) => {
    // Switching chats replaces #main itself, which an observer on #main alone would miss.
    const main = queryFirstTier(doc, whatsAppSelectors.openChat)?.element ?? null;
    const shell = main?.parentElement ?? doc.getElementById('app') ?? doc.body;
    if (!shell) return null;
    return { shell, chat: main, ignore: main?.querySelector(FOOTER_TAG) ?? null };
  },
  summarize: (doc, fresh) => summarizeChat(doc, fresh),
};
