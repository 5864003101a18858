/**
 * Every selector the WhatsApp adapter uses, named once, each as tiers ordered most stable first
 * (ranking in shared/research/messenger-dom.md: ids > data-pre-plain-text > hand-written classes > roles
 * and editor attributes > data-icon > aria-label (localized) > data-testid (comes and goes) > obfuscated
 * classes, which we never use).
 *
 * Each tier is one selector, not a list (the best-guess text fallback, the localized label tiers, one
 * selector per language, and the status-icon tiers, matched by name after one icon query, all off the hot
 * path, are the exceptions):
 * Chrome's fast paths (by tag, class or id) apply to single selectors only, and a list was about twenty
 * times slower over a 2,000-message pane.
 *
 * Each tier lists the fixtures it must match. selectors.test.ts enforces that, so a tier nobody can show
 * a page for does not creep in, and a fixture edit that silently drops a hook fails loudly.
 */

import { ENGLISH_ONLY_LABELS, labelSelector, labelsOf } from './locale-labels';

/**
 * Fixture file names, in fixtures/. One per DOM era and per interface language (labels in
 * locale-labels.ts), plus a made-up redesign that must not read as ok.
 */
export const FIXTURES = {
  group202605: '2026-05-group.html',
  oneToOne202605: '2026-05-one-to-one.html',
  bareOneToOne202604: '2026-04-bare-one-to-one.html',
  packedGroup202603: '2026-03-packed-group.html',
  packedGroup202412: '2024-12-packed-group.html',
  packedOneToOne202412: '2024-12-packed-one-to-one.html',
  ptBrGroup: '2026-05-pt-br-group.html',
  ptBrOneToOne: '2026-05-pt-br-one-to-one.html',
  esGroup: '2026-05-es-group.html',
  esOneToOne: '2026-05-es-one-to-one.html',
  deGroup: '2026-05-de-group.html',
  deOneToOne: '2026-05-de-one-to-one.html',
  mediaGroup202605: '2026-05-media-group.html',
  group202608: '2026-08-group.html',
  oneToOne202608: '2026-08-one-to-one.html',
  redesignUnknown: 'redesign-unknown.html',
} as const;

export type FixtureName = (typeof FIXTURES)[keyof typeof FIXTURES];

export interface SelectorTier {
  readonly selector: string;
  /** Fixtures this tier must match at least once. */
  readonly fixtures: readonly FixtureName[];
  /**
   * Matches pages in the languages of locale-labels.ts only (an aria-label, as a selector list): missing it
   * elsewhere is expected, not a sign of change.
   */
  readonly localized?: boolean;
  /**
   * The main hook of a known DOM era that lacks the tiers before it (2026-08: no message-in/out classes):
   * passing over those tiers there is expected, not a sign of change, so health notes leave it out.
   */
  readonly knownEra?: boolean;
  /** Set on icon tiers, which the reader matches by name after one query for all icons (ICON_ELEMENTS). */
  readonly icon?: { readonly name: string; readonly prefix: boolean };
  /**
   * Looked for only inside a row with nothing else to read (no text, no other marker), never over the whole
   * pane: a pane-wide query costs about a third of the bare walk, too much for a rare kind of message.
   */
  readonly inRow?: boolean;
}

export interface SelectorEntry {
  /** What the selector finds, in words used by health notes ("Read <purpose> with …"). */
  readonly purpose: string;
  readonly tiers: readonly SelectorTier[];
}

const {
  group202605: G,
  oneToOne202605: O,
  bareOneToOne202604: B,
  packedGroup202603: P,
  packedGroup202412: PG,
  packedOneToOne202412: PO,
  ptBrGroup: PTG,
  ptBrOneToOne: PTO,
  esGroup: ESG,
  esOneToOne: ESO,
  deGroup: DEG,
  deOneToOne: DEO,
  mediaGroup202605: M,
  group202608: G8,
  oneToOne202608: O8,
  redesignUnknown: R,
} = FIXTURES;
/** Today's DOM in other interface languages. */
const LOCALES = [PTG, PTO, ESG, ESO, DEG, DEO] as const;
const CURRENT = [G, O, B, ...LOCALES] as const;
const PACKED = [P, PG, PO] as const;
const ALL_ERAS = [G, O, B, ...LOCALES, ...PACKED] as const;
const GROUPS_2026 = [G, PTG, ESG, DEG] as const;
/** WhatsApp of 2026-08: no message-in/out classes; direction from icons and labels (direction.ts). */
const AUGUST_2026 = [G8, O8] as const;

/** Hand-written class names WhatsApp's own code uses; direction is read from them. */
export const INCOMING_CLASS = 'message-in';
export const OUTGOING_CLASS = 'message-out';

/**
 * Delivery status icons, drawn only on the owner's own messages: WhatsApp's 2026 names (pending clock, one tick,
 * two ticks; docs/research/whatsapp-media.md, "2026-08 era"), then the older ones.
 */
export const STATUS_ICON_NAMES = ['wds-ic-status-pending', 'wds-ic-delivered', 'wds-ic-read'] as const;
export const OLDER_STATUS_ICON_NAMES = ['msg-time', 'msg-check', 'msg-dblcheck'] as const;
/** The bubble's tail, drawn on the first bubble of a run only (names swap on right-to-left pages). */
export const TAIL_IN_ICON = 'tail-in';
export const TAIL_OUT_ICON = 'tail-out';
/** 2026-08: the drawn bubble of a message row; a notice's is `msg-notification-container`. */
export const MESSAGE_BUBBLE = 'div[data-testid="msg-container"]';

function iconNamesSelector(names: readonly string[]): string {
  return names.map((name) => `span[${ICON_ATTRIBUTE}="${name}"]`).join(', ');
}

/** The attribute that holds a message's id (packed `true_<chat>_<id>` until 2026-03, bare hex since 2026-04). */
export const MESSAGE_ID_ATTRIBUTE = 'data-id';
/** `[13:52, 22/03/2026] Name: `: time, date and the sender as WhatsApp copies it. Stable since 2019. */
export const METADATA_ATTRIBUTE = 'data-pre-plain-text';
/**
 * The unread divider's text sits in a live region (taken only from rows without a message id). A span: with a
 * tag Chromium passes over other elements without reading their attributes, a third of this query's cost.
 */
export const LIVE_REGION = 'span[aria-live="polite"]';
/** Icons rendered as font ligatures: their text is the icon's name, never content. */
export const ICON_ATTRIBUTE = 'data-icon';
export const ICON_LIGATURE_PREFIX = 'wds-ic-';
/** Every icon, found in one query and told apart by name: one query per icon would walk the pane each time. */
export const ICON_ELEMENTS = `span[${ICON_ATTRIBUTE}]`;

function iconTier(name: string, fixtures: readonly FixtureName[], prefix = false): SelectorTier {
  return { selector: `span[${ICON_ATTRIBUTE}${prefix ? '^=' : '='}"${name}"]`, fixtures, icon: { name, prefix } };
}

/** A tier as health notes name it: a localized tier by its English selector, not one per language. */
export function describeTier(tier: SelectorTier): string {
  return tier.localized ? tier.selector.split(', ')[0]! : tier.selector;
}

/** Whether an icon's name (its data-icon value) is the one an icon tier stands for. */
export function iconMatches(tier: SelectorTier, iconName: string): boolean {
  if (!tier.icon) return false;
  return tier.icon.prefix ? iconName.startsWith(tier.icon.name) : iconName === tier.icon.name;
}

/** The "Edited" label in a message's time block (editedMark): a span of its own beside the time. */
export const EDITED_LABEL = 'span[dir="auto"]';
/** A poll option's text inside its label (pollOption): the first directional span, never the count beside it. */
export const POLL_OPTION_LABEL = 'span[dir="auto"]';
/** The 2026-05 author block's name; quotes repeat it for the quoted message's author. */
const AUTHOR_SPAN = 'span[data-testid="author"]';
/** Before 2025: a screen-reader label "Name:" at the start of each bubble. */
const AUTHOR_LABEL = 'span[aria-label$=":"]';
/** The header's texts are spans: each is tested against the headerTitle and headerSubtitle tiers. */
export const HEADER_TEXT_ELEMENTS = 'span';
/** The composer tiers all sit in #main's footer; editables found there are tested against them. */
export const FOOTER_TAG = 'footer';
export const COMPOSER_CANDIDATES = '[contenteditable]';

export const whatsAppSelectors = {
  openChat: {
    purpose: 'the open chat',
    // #main has held the open chat since 2018; without it no chat is open.
    tiers: [{ selector: '#main', fixtures: [...ALL_ERAS, ...AUGUST_2026, R] }],
  },
  chatHeader: {
    purpose: 'the chat header',
    tiers: [{ selector: '#main header', fixtures: [...ALL_ERAS, ...AUGUST_2026, R] }],
  },
  headerTitle: {
    purpose: 'the chat name',
    tiers: [
      // First span whose text is not an icon ligature; the data-testid came back in 2026.
      { selector: 'header[data-testid="conversation-header"] span[dir="auto"]', fixtures: [...CURRENT, ...AUGUST_2026] },
      { selector: '#main header span[dir="auto"][title]', fixtures: [...ALL_ERAS, ...AUGUST_2026] },
    ],
  },
  headerSubtitle: {
    purpose: 'the chat subtitle',
    // A group's subtitle lists its members; a person's says "online" or "last seen …".
    tiers: [
      { selector: 'header[data-testid="conversation-header"] span[title]', fixtures: [G, O, ...LOCALES, ...AUGUST_2026] },
      { selector: '#main header span[title]', fixtures: [G, O, ...LOCALES, ...PACKED, ...AUGUST_2026] },
    ],
  },
  messageRow: {
    purpose: 'message rows',
    // Only asked whether any row exists: rows without an id (date separators, the unread divider) are not
    // messages, so the reader walks message containers instead.
    tiers: [{ selector: '#main [role="row"]', fixtures: [...ALL_ERAS, ...AUGUST_2026, R] }],
  },
  messagePane: {
    purpose: 'the message list',
    // The list history loads into (history.ts scrolls it); the live watcher observes it.
    tiers: [
      { selector: '#main [data-scrolltracepolicy="wa.web.conversation.messages"]', fixtures: [...ALL_ERAS, ...AUGUST_2026] },
      { selector: '#main [data-testid="conversation-panel-messages"]', fixtures: [G, O, B, P, ...LOCALES, ...AUGUST_2026] },
      { selector: '#main [role="application"]', fixtures: [...ALL_ERAS, ...AUGUST_2026] },
    ],
  },
  unreadDivider: {
    purpose: 'the unread messages divider',
    // No attribute marks it: a live region in a row without a message id, told apart by its localized
    // text ("2 unread messages", locale-labels.ts).
    tiers: [{ selector: `#main [role="row"] ${LIVE_REGION}`, fixtures: [G, O, O8] }],
  },
  messageContainer: {
    purpose: 'message ids',
    tiers: [{ selector: `[${MESSAGE_ID_ATTRIBUTE}]`, fixtures: [...ALL_ERAS, ...AUGUST_2026] }],
  },
  // Tiers after the first are read only on pages without any message-in/out class (direction.ts), per row and
  // outside quotes, most trusted first: a delivery status, then the tail or the owner's invisible label. Icons and
  // labels are found by pane-wide queries, never one query per row.
  outgoingBubble: {
    purpose: 'outgoing messages',
    tiers: [
      { selector: `.${OUTGOING_CLASS}`, fixtures: ALL_ERAS },
      { selector: iconNamesSelector(STATUS_ICON_NAMES), fixtures: AUGUST_2026, knownEra: true },
      { selector: iconNamesSelector(OLDER_STATUS_ICON_NAMES), fixtures: [...ALL_ERAS, M] },
      { selector: iconNamesSelector([TAIL_OUT_ICON]), fixtures: [...ALL_ERAS, ...AUGUST_2026], knownEra: true },
      // "You:" and its translations (locale-labels.ts), on the first and last bubble of a run. Found among the
      // author tier's "Name:" labels (one suffix query; this list of four cost more than a bare walk).
      { selector: labelSelector('span', 'aria-label', labelsOf('you')), fixtures: [G, O, B, PTG, PTO, P, PG, PO, ...AUGUST_2026], localized: true, knownEra: true },
    ],
  },
  incomingBubble: {
    purpose: 'incoming messages',
    tiers: [
      { selector: `.${INCOMING_CLASS}`, fixtures: ALL_ERAS },
      { selector: iconNamesSelector([TAIL_IN_ICON]), fixtures: [...ALL_ERAS, ...AUGUST_2026], knownEra: true },
      // The row's own author block (a group's run start); a quote's sits inside the quote and does not count.
      // Asked for only in rows that show no icon or label (a run's first bubble shows a tail too): one query there.
      { selector: `div[role=""] ${AUTHOR_SPAN}`, fixtures: [...GROUPS_2026, G8], knownEra: true },
    ],
  },
  continuedRun: {
    purpose: 'messages that continue a run',
    // 2026-08: a drawn bubble with no direction of its own (WhatsApp draws the tail on a run's first bubble
    // only) takes the direction of the message right above it (direction.ts).
    tiers: [{ selector: MESSAGE_BUBBLE, fixtures: AUGUST_2026, knownEra: true }],
  },
  messageMetadata: {
    purpose: 'message times and senders',
    tiers: [{ selector: `[${METADATA_ATTRIBUTE}]`, fixtures: [...ALL_ERAS, ...AUGUST_2026] }],
  },
  messageText: {
    purpose: 'message text',
    tiers: [
      // 2026: the class `selectable-text` went away and this test id came back.
      { selector: 'span[data-testid="selectable-text"]', fixtures: [...CURRENT, ...AUGUST_2026] },
      { selector: 'span.selectable-text.copyable-text', fixtures: PACKED },
    ],
  },
  messageTextGuess: {
    purpose: 'message text (best guess)',
    // Last resort only: the longest directional span outside the quote. Using it degrades health.
    tiers: [{ selector: 'span[dir="ltr"], span[dir="rtl"]', fixtures: [...ALL_ERAS, ...AUGUST_2026, R] }],
  },
  author: {
    purpose: 'group message authors',
    // 2026-05 author block; omitted on consecutive messages by the same person. Before 2025 every bubble
    // carried a screen-reader label "Name:" instead (the owner's "You:" too, ignored as outgoing); the reader
    // looks for it only on packed-id pages without author blocks, where nothing else would match it.
    tiers: [
      { selector: AUTHOR_SPAN, fixtures: [...GROUPS_2026, G8] },
      { selector: AUTHOR_LABEL, fixtures: [PG, PO] },
    ],
  },
  quoteBlock: {
    purpose: 'quoted messages',
    tiers: [
      // One selector per language (locale-labels.ts), as a list: only ever used with closest() on rare elements.
      { selector: labelSelector('div[role="button"]', 'aria-label', labelsOf('quotedMessage')), fixtures: [G, O, B, PTG, PTO, ESG, DEG, ...AUGUST_2026], localized: true },
      // Other languages: the outermost button around the quote text (found with closest()).
      { selector: 'div[role="button"]', fixtures: [G, O, B, P, PG, PO, ...AUGUST_2026] },
    ],
  },
  quoteText: {
    purpose: 'quoted text',
    tiers: [{ selector: 'span.quoted-mention', fixtures: [G, O, B, P, PG, PO, PTG, PTO, ESG, DEG, ...AUGUST_2026] }],
  },
  quoteAuthor: {
    purpose: 'quoted message authors',
    tiers: [
      { selector: AUTHOR_SPAN, fixtures: [G, O, PTG, PTO, ESG, DEG, ...AUGUST_2026] },
      { selector: 'div[role=""] span[dir="auto"]', fixtures: [G, O, B, P, PG, PO, ...AUGUST_2026] },
    ],
  },
  systemText: {
    purpose: 'system notices',
    tiers: [{ selector: 'span[dir="auto"]', fixtures: [G, O, P, PG, PTG, DEG, ...AUGUST_2026] }],
  },
  forwardedMarker: {
    purpose: 'forwarded markers',
    tiers: [
      iconTier('forward-refreshed', [G, O, PTG, PTO, ESG, DEG, DEO]),
      iconTier('forwarded', [P, PG]),
    ],
  },
  deletedMarker: {
    purpose: 'deleted-message markers',
    tiers: [iconTier('recalled', [G, O, PG, PTG, PTO, ESG, DEG, G8])],
  },
  imageMedia: {
    purpose: 'pictures',
    tiers: [
      // A picture not yet downloaded has no blob image; this label is looked for only in rows with nothing
      // else to read (see findLabelledMedia), to spare a pane-wide query on every div.
      { selector: labelSelector('div[role="button"]', 'aria-label', labelsOf('openPicture')), fixtures: [G, O, PG, PTG, ESG, DEG], localized: true },
      { selector: 'img[src^="blob:"]', fixtures: [G, O, P, PG, PTG, ESG, DEG, M] },
    ],
  },
  voiceMedia: {
    purpose: 'voice messages',
    tiers: [
      iconTier('audio-play', [G, PTG, ESO, DEG, M]),
      { selector: labelSelector('button', 'aria-label', labelsOf('playVoiceMessage')), fixtures: [G, P, PG, PTG, ESO, DEG, M], localized: true },
      // The microphone beside the player. Some players show the video's play icon (media-play) instead of
      // audio-play: this keeps such a voice note from reading as a video (voice is looked for first).
      // WhatsApp's 2026 player has no audio-play icon at all: this is then a voice note's language-neutral hook.
      iconTier('ptt-status', [M]),
      // A forwarded voice note shows this icon where the microphone and the sender's photo would be
      // (docs/research/whatsapp-media.md, row "audio").
      iconTier('ptt-file', [ESO]),
    ],
  },
  voiceDuration: {
    purpose: 'voice message durations',
    // aria-valuetext reads "0:00/0:37": position/length.
    tiers: [{ selector: '[role="slider"][aria-valuetext]', fixtures: [G, P, PG, PTG, ESO, DEG, M] }],
  },
  documentMedia: {
    purpose: 'documents',
    tiers: [iconTier('document', [B, M], true)],
  },
  // Media kinds beyond picture, voice note and document (docs/research/whatsapp-media.md says where each
  // hook comes from). Kinds that share a hook are told apart in media-kind.ts.
  audioMedia: {
    purpose: 'audio files',
    // A sent audio file plays in the voice note's player (audio-play icon, slider) but shows a headphones
    // icon where a voice note shows a microphone: this icon alone tells the two apart.
    tiers: [iconTier('audio-file', [M])],
  },
  gifMedia: {
    purpose: 'GIFs',
    tiers: [
      // A GIF is a <video> (mediaContainer) under a button labelled "Play GIF", English only (locale-labels.ts):
      // looked for only in rows with nothing else to read.
      { selector: labelSelector('div[role="button"]', 'aria-label', [ENGLISH_ONLY_LABELS.playGif]), fixtures: [M], localized: true },
      // Older bubbles carried a GIF badge icon.
      iconTier('media-gif', [M]),
    ],
  },
  videoMedia: {
    purpose: 'videos',
    // The camera badge beside the video's length, then the play button over its thumbnail. WhatsApp draws that
    // same play button on a text message's video link preview (docs/research/whatsapp-media.md), so it counts
    // only in a row with nothing else to read: a shared YouTube link stays a text message.
    tiers: [iconTier('msg-video', [M]), { selector: `span[${ICON_ATTRIBUTE}="media-play"]`, fixtures: [M], inRow: true }],
  },
  videoDuration: {
    purpose: 'video lengths',
    // The length follows the badge's wrapper, not the icon: span > (div > camera icon) + span "0:42" (WhatsApp's
    // 2026 code, docs/research/whatsapp-media.md). Asked only inside a row already known to be a video.
    tiers: [{ selector: `div:has(> span[${ICON_ATTRIBUTE}="msg-video"]) + span`, fixtures: [M] }],
  },
  documentFileName: {
    purpose: 'document file names',
    // The name beside the document's icon, whole in its title (the text may be cut short on screen).
    tiers: [{ selector: `span[${ICON_ATTRIBUTE}^="document"] + div span[title]`, fixtures: [B, M] }],
  },
  stickerMedia: {
    purpose: 'stickers',
    // The sticker's own wrapper, around its image (or a canvas, when animated). It tells a sticker from a photo
    // in an image row; alone, it is looked for only in rows with nothing else to read.
    tiers: [{ selector: 'span[data-testid="sticker-container"]', fixtures: [M], inRow: true }],
  },
  locationMedia: {
    purpose: 'locations',
    // The map preview links to Google Maps (`/maps?q=` or `/?q=` with the coordinates); no icon or attribute
    // of its own is known. Looked for only in rows without text, so a link someone typed is never a location.
    tiers: [{ selector: 'a[href^="https://maps.google.com/"]', fixtures: [M], inRow: true }],
  },
  contactMedia: {
    purpose: 'shared contacts',
    // The card of one shared contact. A test id on a div: over the whole pane that costs about a tenth of the
    // bare walk, and the card has no text span, so it is looked for in the row only.
    tiers: [{ selector: 'div[data-testid="vcard-msg"]', fixtures: [M], inRow: true }],
  },
  pollMedia: {
    purpose: 'polls',
    tiers: [
      // Beside "Select one or more" above an open poll's options; drawn nowhere else. A single-choice poll shows a
      // check-circle icon that other screens use too, so such a poll is known by its bubble only.
      iconTier('multi-select-icon-filled', [M]),
      // The bubble itself, ended polls too. A poll's question is text, so this row-only tier finds a poll only
      // when that text is missing (the same cost as the contact card above rules out a pane-wide query).
      { selector: 'div[data-testid="poll-bubble"]', fixtures: [M], inRow: true },
    ],
  },
  // Read in media-kind.ts, only inside a row already known to be a shared contact or a poll.
  contactName: {
    purpose: 'shared contact names',
    // The name, the card's one selectable text (a div, so never taken for message text).
    tiers: [{ selector: 'div[data-testid="vcard-msg"] div[data-testid="selectable-text"]', fixtures: [M] }],
  },
  pollOption: {
    purpose: 'poll options',
    // One label per option (numbered from 0), in display order, holding the option's text (POLL_OPTION_LABEL).
    // The vote count sits outside it and is never read; the checkbox's aria-label holds both, localized.
    tiers: [{ selector: '[data-testid^="poll-option-row-label-"]', fixtures: [M] }],
  },
  mediaContainer: {
    purpose: 'media of an unknown kind',
    // A video element is media for sure, but of no known kind unless a hook above says which: kind "other",
    // never a guess. Only in rows with nothing else to read: even a query by tag name over the whole pane
    // cost about a tenth of a read.
    tiers: [{ selector: 'video', fixtures: [M], inRow: true }],
  },
  editedMark: {
    purpose: 'edited marks',
    // "Edited" (localized) beside the time, in the bubble's last block after the metadata element. Told apart
    // from the time by its text (locale-labels.ts), and never part of the message text.
    tiers: [{ selector: `[${METADATA_ATTRIBUTE}] ~ div ${EDITED_LABEL}`, fixtures: [M] }],
  },
  composer: {
    purpose: 'the message box',
    // Always under #main footer: the chat search box is contenteditable too (data-tab="3").
    tiers: [
      { selector: '#main footer [contenteditable="true"][data-lexical-editor="true"]', fixtures: [...ALL_ERAS, ...AUGUST_2026] },
      { selector: '#main footer .lexical-rich-text-input [contenteditable="true"]', fixtures: [...ALL_ERAS, ...AUGUST_2026] },
      { selector: '#main footer [contenteditable="true"][data-tab="10"]', fixtures: [...ALL_ERAS, ...AUGUST_2026] },
    ],
  },
} as const satisfies Record<string, SelectorEntry>;

export type SelectorName = keyof typeof whatsAppSelectors;

export interface TierMatch<T extends Element = Element> {
  element: T;
  /** 1-based: 1 is the preferred tier. */
  tier: number;
}

/** The first element matched by the most stable tier that matches anything under `root`. */
export function queryFirstTier(root: ParentNode, entry: SelectorEntry): TierMatch | null {
  for (let index = 0; index < entry.tiers.length; index++) {
    const element = root.querySelector(entry.tiers[index]!.selector);
    if (element) return { element, tier: index + 1 };
  }
  return null;
}
