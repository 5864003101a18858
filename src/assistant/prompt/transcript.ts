/**
 * Renders a conversation as the transcript the model reads. Sender and time stay outside the
 * marked text (they come from the DOM's structure, not from what a participant typed); every
 * message body, including the owner's, is marked as data.
 */
import { MEDIA_LABEL_MAX, POLL_OPTIONS_MAX, type Conversation, type Message } from '../../shared/conversation';
import type { DataMarker } from './datamark';
import { neutralizeInvisible } from './neutralize';

export interface TranscriptOptions {
  marker: DataMarker;
  /** Keep at most this many characters of message text, newest first. */
  characterBudget: number;
  /**
   * Give every message a short reference such as [m12] (its position in the conversation), so the model
   * can cite the messages it used and the sidebar can point at them. References are ours, never typed by
   * a participant, so they stand outside the marked text.
   */
  references?: boolean;
  /** Put a line saying "new since your last visit" before this message (WhatsApp's unread divider). */
  newFromId?: string;
  /** The line put before `newFromId` (default: the unread divider's line). */
  newFromLine?: string;
}

export interface Transcript {
  text: string;
  includedMessages: number;
  omittedMessages: number;
  /** The included messages' texts and quotes as written (not neutralised): where the chat's links are. */
  sourceTexts: string[];
  /** With `references`: each reference shown (e.g. "m12") and the id of the message it stands for. */
  references: Record<string, string>;
}

/** The line that stands where WhatsApp shows its unread divider. */
export const NEW_MESSAGES_LINE = '--- New messages since the user last read this chat ---';

/** The line that stands after the newest message the user's previous catch-up of this chat covered. */
export const NEW_SINCE_CATCH_UP_LINE = '--- New messages since the user’s last catch-up ---';

/** "m12" for the 12th message of the conversation (1-based, counted over the whole read). */
export function referenceOf(index: number): string {
  return `m${index + 1}`;
}

export function renderTranscript(conversation: Conversation, options: TranscriptOptions): Transcript {
  const lines: string[] = [];
  let used = 0;
  let included = 0;
  for (let index = conversation.messages.length - 1; index >= 0; index -= 1) {
    const message = conversation.messages[index]!;
    const reference = options.references ? `[${referenceOf(index)}] ` : '';
    const divider = options.newFromId !== undefined && message.id === options.newFromId ? `${options.newFromLine ?? NEW_MESSAGES_LINE}\n` : '';
    const line = `${divider}${reference}${renderMessage(message, options.marker)}`;
    if (used + line.length > options.characterBudget && included > 0) break;
    lines.push(line);
    used += line.length;
    included += 1;
  }
  lines.reverse();
  const firstIncluded = conversation.messages.length - included;
  const includedMessages = conversation.messages.slice(firstIncluded);
  const references: Record<string, string> = {};
  if (options.references) includedMessages.forEach((message, offset) => (references[referenceOf(firstIncluded + offset)] = message.id));
  return {
    references,
    text: lines.join('\n'),
    includedMessages: included,
    omittedMessages: conversation.messages.length - included,
    sourceTexts: includedMessages.flatMap((message) => (message.quote ? [message.quote.text, message.text] : [message.text])),
  };
}

function renderMessage(message: Message, marker: DataMarker): string {
  const time = message.timestamp ? `[${message.timestamp.replace('T', ' ').slice(0, 16)}] ` : '';
  const who = senderLabel(message);
  const notes = [
    message.forwarded ? 'forwarded' : '',
    message.edited ? 'edited' : '',
    message.deleted ? 'deleted' : '',
    message.media ? describeMedia(message.media, marker) : '',
  ].filter(Boolean);
  const header = `${time}${who}${notes.length ? ` (${notes.join(', ')})` : ''}:`;
  const quote = message.quote
    ? `\n  replying to ${message.quote.sender ? clean(message.quote.sender) : 'a message'}: ${marker.wrap(clean(message.quote.text))}`
    : '';
  return `${header}${quote}\n  ${marker.wrap(clean(message.text))}`;
}

/** A length as the player shows it ("0:37", "1:02:05"); anything else read from the page is left out. */
const DURATION = /^\d{1,2}(?::\d{2}){1,2}$/;

/**
 * "document «data-…»Report.pdf«/data-…», 0:37", "contact «data-…»Ana«/data-…»", "poll with options
 * «data-…»Fish«/data-…» / «data-…»Pizza«/data-…»": a file name, a shared contact's name and a poll's options
 * are other people's words (they can say anything), so each sits inside the data marker like message text;
 * the kind and the wording around them are ours, and the length is checked.
 */
function describeMedia(media: NonNullable<Message['media']>, marker: DataMarker): string {
  const named = [media.fileName, media.contactName].map((text) => (text ? markedLabel(text, marker) : ''));
  const options = (media.options ?? []).slice(0, POLL_OPTIONS_MAX).map((option) => markedLabel(option, marker)).filter(Boolean);
  const parts = [media.kind, ...named, options.length ? `with options ${options.join(' / ')}` : ''].filter(Boolean).join(' ');
  return media.duration && DURATION.test(media.duration) ? `${parts}, ${media.duration}` : parts;
}

/** One label from the page on one line, bounded, inside the marker; empty when nothing is left of it. */
function markedLabel(text: string, marker: DataMarker): string {
  const label = clean(text).replace(/\s+/g, ' ').trim().slice(0, MEDIA_LABEL_MAX);
  return label ? marker.wrap(label) : '';
}

function senderLabel(message: Message): string {
  if (message.direction === 'out') return 'You (the user)';
  if (message.direction === 'system') return 'Chat notice';
  return message.sender ? `${clean(message.sender).slice(0, 80)} (participant)` : 'Participant';
}

function clean(text: string): string {
  return neutralizeInvisible(text).text;
}
