/**
 * Applies one request's pseudonymiser to everything of a conversation that reaches a prompt: the title,
 * each sender, message text, quote, file name, shared contact's name and poll option. The names to hide come
 * from the conversation itself (the people who wrote, the people quoted, the people whose contact card was
 * shared, and the title of a one-to-one chat, which is the contact). Poll options are content, like text:
 * the same detectors and names apply to them, no more.
 */
import type { Conversation, Media, Message } from '../../shared/conversation';
import { createPseudonymiser, type NameToHide, type Pseudonymiser } from './pseudonymise';

/** The rule the model gets when placeholders are in its prompt, so it keeps them intact in the answer. */
export const PLACEHOLDER_RULE =
  'For privacy, some names, phone numbers, e-mail addresses, card numbers and IBANs are replaced by placeholders such as [PERSON_1] or [PHONE_2]. The same placeholder always means the same value. Use a placeholder exactly as written (square brackets included) wherever you refer to that value, and never guess what it stands for.';

export function namesIn(conversation: Conversation): NameToHide[] {
  const names: NameToHide[] = [{ name: conversation.title, kind: conversation.isGroup ? 'GROUP' : 'PERSON' }];
  for (const message of conversation.messages) {
    if (message.sender) names.push({ name: message.sender });
    if (message.quote?.sender) names.push({ name: message.quote.sender });
    // A card of several contacts shows one line ("Ana Lima and 2 other contacts"): all of it is hidden, as a name.
    if (message.media?.contactName) names.push({ name: message.media.contactName });
  }
  return names;
}

export function pseudonymiserFor(conversation: Conversation): Pseudonymiser {
  return createPseudonymiser(namesIn(conversation));
}

export function pseudonymiseConversation(conversation: Conversation, pseudonymiser: Pseudonymiser): Conversation {
  const hide = (text: string) => pseudonymiser.apply(text);
  const message = (original: Message): Message => ({
    ...original,
    sender: original.sender === null ? null : hide(original.sender),
    text: hide(original.text),
    ...(original.quote ? { quote: { ...original.quote, sender: original.quote.sender ? hide(original.quote.sender) : original.quote.sender, text: hide(original.quote.text) } } : {}),
    ...(original.media ? { media: pseudonymiseMedia(original.media, hide) } : {}),
  });
  return { ...conversation, title: hide(conversation.title), messages: conversation.messages.map(message) };
}

function pseudonymiseMedia(media: Media, hide: (text: string) => string): Media {
  return {
    ...media,
    ...(media.fileName ? { fileName: hide(media.fileName) } : {}),
    ...(media.contactName ? { contactName: hide(media.contactName) } : {}),
    ...(media.options ? { options: media.options.map(hide) } : {}),
  };
}
