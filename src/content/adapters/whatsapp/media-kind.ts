/**
 * The Media of one message row, from the hook that found it (sparse-features.ts): its kind, and the file
 * name and length where the page shows them. Some hooks stand for more than one kind, and are told apart
 * here, inside the row only (these rows are rare, so a query each is affordable):
 * - a blob image is a photo, or a sticker when the sticker's wrapper is around it (an animated sticker has no
 *   image: its wrapper alone says sticker);
 * - a video element is a GIF under its "Play GIF" button, else media of a kind we do not know: `other`,
 *   never a guess.
 * An audio file and a voice note share a player; the audio file's own icon is found first (MEDIA_MARKERS
 * order), so the player alone means a voice note.
 * A poll's options and a shared contact's name are other people's words: bounded here, marked as data in the
 * prompt. Options are all read or none: a partial list would tell the assistant a poll has fewer choices.
 *
 * What sits inside a quote belongs to the quoted message, never to this one.
 */
import { MEDIA_LABEL_MAX, POLL_OPTIONS_MAX, type Media } from '../../../shared/conversation';
import { POLL_OPTION_LABEL, whatsAppSelectors as selectors, type SelectorName } from './selectors';
import { collapseWhitespace, readVisibleText } from './text';
import type { TierLog } from './tier-log';

/** The media hooks, in order of preference: a row showing two (rare) reports the first. */
export const MEDIA_MARKERS = [
  'audioMedia',
  'voiceMedia',
  'gifMedia',
  'videoMedia',
  'documentMedia',
  'contactMedia',
  'pollMedia',
  'locationMedia',
  'stickerMedia',
  'imageMedia',
  'mediaContainer',
] as const satisfies readonly SelectorName[];

export type MediaMarker = (typeof MEDIA_MARKERS)[number];

/** m:ss or h:mm:ss, as WhatsApp prints a length. */
const DURATION = /^\d{1,2}(?::\d{2}){1,2}$/;
const QUOTE_LABELLED = selectors.quoteBlock.tiers[0].selector;
const GIF_LABEL = selectors.gifMedia.tiers[0].selector;
const STICKER = selectors.stickerMedia.tiers[0].selector;
const SLIDER = selectors.voiceDuration.tiers[0].selector;
const VIDEO_DURATION = selectors.videoDuration.tiers[0].selector;
const DOCUMENT_FILE_NAME = selectors.documentFileName.tiers[0].selector;
const CONTACT_NAME = selectors.contactName.tiers[0].selector;
const POLL_OPTION = selectors.pollOption.tiers[0].selector;

/**
 * The row's Media for the hook that matched. `quoteBlock` is the row's quote where one was found; a quote
 * known only by its label is recognised here too.
 */
export function readMedia(marker: MediaMarker, container: Element, quoteBlock: Element | undefined, log: TierLog): Media {
  switch (marker) {
    case 'audioMedia':
      return withDuration('audio', playerLength(container, quoteBlock, log));
    case 'voiceMedia':
      return withDuration('voice', playerLength(container, quoteBlock, log));
    case 'gifMedia':
      return { kind: 'gif' };
    case 'videoMedia':
      return withDuration('video', videoLength(container, quoteBlock, log));
    case 'documentMedia': {
      const fileName = documentFileName(container, quoteBlock, log);
      return fileName ? { kind: 'document', fileName } : { kind: 'document' };
    }
    case 'contactMedia': {
      const contactName = sharedContactName(container, quoteBlock, log);
      return contactName ? { kind: 'contact', contactName } : { kind: 'contact' };
    }
    case 'pollMedia': {
      const options = pollOptions(container, quoteBlock, log);
      return options ? { kind: 'poll', options } : { kind: 'poll' };
    }
    case 'locationMedia':
      return { kind: 'location' };
    case 'stickerMedia':
      return { kind: 'sticker' };
    case 'imageMedia':
      if (!ownElement(container, STICKER, quoteBlock)) return { kind: 'image' };
      log.record('stickerMedia', 1);
      return { kind: 'sticker' };
    case 'mediaContainer':
      if (!ownElement(container, GIF_LABEL, quoteBlock)) return { kind: 'other' };
      log.record('gifMedia', 1);
      return { kind: 'gif' };
  }
}

function withDuration(kind: 'audio' | 'voice' | 'video', duration: string | null): Media {
  return duration ? { kind, duration } : { kind };
}

/** The first element matching `selector` in the row that is not part of a quote. */
export function ownElement(container: Element, selector: string, quoteBlock: Element | undefined): Element | null {
  for (const element of container.querySelectorAll(selector)) {
    if (quoteBlock?.contains(element) || element.closest(QUOTE_LABELLED)) continue;
    return element;
  }
  return null;
}

/** The player's slider reads "0:00/0:37": position/length. */
function playerLength(container: Element, quoteBlock: Element | undefined, log: TierLog): string | null {
  const slider = ownElement(container, SLIDER, quoteBlock);
  if (!slider) return null;
  log.record('voiceDuration', 1);
  const length = slider.getAttribute('aria-valuetext')?.split('/').pop()?.trim();
  return length && DURATION.test(length) ? length : null;
}

/** The length printed after the video's camera badge. */
function videoLength(container: Element, quoteBlock: Element | undefined, log: TierLog): string | null {
  const element = ownElement(container, VIDEO_DURATION, quoteBlock);
  if (!element) return null;
  const length = collapseWhitespace(readVisibleText(element));
  if (!DURATION.test(length)) return null;
  log.record('videoDuration', 1);
  return length;
}

/** The whole name from the title: the text on screen may be shortened with an ellipsis. */
function documentFileName(container: Element, quoteBlock: Element | undefined, log: TierLog): string | null {
  const element = ownElement(container, DOCUMENT_FILE_NAME, quoteBlock);
  const name = collapseWhitespace(element?.getAttribute('title') ?? '');
  if (!name) return null;
  log.record('documentFileName', 1);
  return name;
}

/** A label read from the page, whitespace collapsed and bounded; empty when there is nothing to read. */
function boundedLabel(text: string): string {
  return collapseWhitespace(text).slice(0, MEDIA_LABEL_MAX).trim();
}

/** The card's name, whole from the title where the text on screen may be cut short. */
function sharedContactName(container: Element, quoteBlock: Element | undefined, log: TierLog): string | null {
  const element = ownElement(container, CONTACT_NAME, quoteBlock);
  if (!element) return null;
  const name = boundedLabel(element.getAttribute('title') || readVisibleText(element));
  if (!name) return null;
  log.record('contactName', 1);
  return name;
}

/**
 * Each option's text, in display order: the first directional span in its label, so the vote count beside it
 * is never taken. Null unless every option has a label and the count is one a poll can have.
 */
function pollOptions(container: Element, quoteBlock: Element | undefined, log: TierLog): string[] | null {
  const options: string[] = [];
  for (const option of container.querySelectorAll(POLL_OPTION)) {
    if (quoteBlock?.contains(option) || option.closest(QUOTE_LABELLED)) continue;
    const label = option.querySelector(POLL_OPTION_LABEL);
    const text = label ? boundedLabel(readVisibleText(label)) : '';
    if (!text) return null;
    options.push(text);
  }
  if (options.length === 0 || options.length > POLL_OPTIONS_MAX) return null;
  log.record('pollOption', 1);
  return options;
}
