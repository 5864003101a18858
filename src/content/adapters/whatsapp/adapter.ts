import type { SiteAdapter } from '../types';
import { insertDraft } from './composer';
import { findComposer } from './composer-lookup';
import { readComposerText } from './composer-text';
import { readConversation, WHATSAPP_SITE_ID } from './reader';

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
};
