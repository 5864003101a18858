/**
 * WhatsApp Web's interface labels, per interface language, as data: the only place a localized string lives.
 * Selectors built from them (selectors.ts) are flagged `localized`: missing them on a page in a language not
 * listed here is expected, and the reader falls back to a structural tier without degrading health.
 *
 * English labels come from shared/research/messenger-dom.md. The others are WhatsApp's own translations where
 * its web client's string tables were found (docs/research/whatsapp-labels.md says which, and from when);
 * none was checked against the live site, so every use has a structural fallback, and a label missing here
 * costs precision (a quoted photo, a deleted message without its icon), never a wrong read. Add a language by
 * adding an entry; the fixtures for it go in fixtures/ (selectors.ts).
 */
export interface InterfaceLabels {
  /** aria-label of a reply's quote block. */
  readonly quotedMessage: string;
  /**
   * The placeholder text of a deleted message: someone else's, then the owner's own, then other wordings
   * WhatsApp has used (its own web translations differ from its chat exports, some with a full stop).
   */
  readonly deleted: readonly string[];
  /** The visible "Forwarded" line (the icon is the primary hook). */
  readonly forwarded: string;
  /** aria-label of a picture's button (a picture not yet downloaded has nothing else). */
  readonly openPicture: string;
  /** aria-label of a voice message's play button (older pages). */
  readonly playVoiceMessage: string;
  /** The "Edited" mark beside the time. */
  readonly edited: string;
  /** The owner's screen-reader label on outgoing bubbles, colon included. */
  readonly you: string;
  /**
   * Words WhatsApp puts before an unsaved contact's profile name in aria-labels ("Maybe Ravi"; its string
   * tables translate "Maybe {name}"). The visible name (with its "~" mark) is read first in every language.
   */
  readonly unsavedContactPrefixes: readonly string[];
  /**
   * The divider WhatsApp draws above the first unread message, one message and several, `{count}` standing
   * for the number. Text is all it has: no attribute marks it (shared/research/messenger-dom.md).
   */
  readonly unreadDivider: readonly [one: string, many: string];
}

export const INTERFACE_LABELS = {
  en: {
    quotedMessage: 'Quoted message',
    deleted: ['This message was deleted', 'You deleted this message'],
    forwarded: 'Forwarded',
    openPicture: 'Open picture',
    playVoiceMessage: 'Play voice message',
    edited: 'Edited',
    you: 'You:',
    unsavedContactPrefixes: ['Maybe'],
    unreadDivider: ['{count} unread message', '{count} unread messages'],
  },
  'pt-BR': {
    quotedMessage: 'Mensagem citada',
    deleted: ['Esta mensagem foi apagada', 'Você apagou esta mensagem', 'Mensagem apagada'],
    forwarded: 'Encaminhada',
    openPicture: 'Abrir imagem',
    playVoiceMessage: 'Reproduzir mensagem de voz',
    edited: 'Editada',
    you: 'Você:',
    unsavedContactPrefixes: ['Talvez'],
    unreadDivider: ['{count} mensagem não lida', '{count} mensagens não lidas'],
  },
  es: {
    quotedMessage: 'Mensaje citado',
    deleted: ['Se eliminó este mensaje', 'Eliminaste este mensaje', 'Eliminaste este mensaje.'],
    forwarded: 'Reenviado',
    openPicture: 'Abrir foto',
    playVoiceMessage: 'Reproducir mensaje de voz',
    edited: 'Editado',
    you: 'Tú:',
    unsavedContactPrefixes: ['Quizá'],
    unreadDivider: ['{count} mensaje no leído', '{count} mensajes no leídos'],
  },
  de: {
    quotedMessage: 'Zitierte Nachricht',
    deleted: [
      'Diese Nachricht wurde gelöscht',
      'Du hast diese Nachricht gelöscht',
      'Diese Nachricht wurde gelöscht.',
      'Du hast diese Nachricht gelöscht.',
    ],
    forwarded: 'Weitergeleitet',
    openPicture: 'Bild öffnen',
    playVoiceMessage: 'Sprachnachricht abspielen',
    edited: 'Bearbeitet',
    you: 'Du:',
    unsavedContactPrefixes: ['Vielleicht'],
    unreadDivider: ['{count} ungelesene Nachricht', '{count} ungelesene Nachrichten'],
  },
} as const satisfies Record<string, InterfaceLabels>;

export type InterfaceLanguage = keyof typeof INTERFACE_LABELS;

/**
 * Labels known in English only: no public source gave their translations, and a guessed translation could
 * match the wrong element. Every use has a language-neutral hook beside it (selectors.ts), so other
 * languages lose only the precision the label adds. Move one into InterfaceLabels once its translations
 * are known.
 */
export const ENGLISH_ONLY_LABELS = {
  /** aria-label of a GIF's button (shared/research/messenger-dom.md, docs/research/whatsapp-media.md). */
  playGif: 'Play GIF',
} as const;

const LANGUAGES = Object.values(INTERFACE_LABELS) as readonly InterfaceLabels[];

/** Every language's value of one label, English first, without repeats (Spanish and Portuguese share some). */
export function labelsOf(key: 'quotedMessage' | 'forwarded' | 'openPicture' | 'playVoiceMessage' | 'edited' | 'you'): string[] {
  return [...new Set(LANGUAGES.map((labels) => labels[key]))];
}

/** One selector list matching `element[attribute="<label>"]` for every language's label. */
export function labelSelector(element: string, attribute: string, labels: readonly string[]): string {
  return labels.map((label) => `${element}[${attribute}="${label.replace(/["\\]/g, '\\$&')}"]`).join(', ');
}

/** "This message was deleted" and the owner's own, in every language, for rows that lost their icon. */
export const DELETED_TEXTS: ReadonlySet<string> = new Set(LANGUAGES.flatMap((labels) => labels.deleted));

/** "Edited" beside a message's time, in every language (whole label text, compared exactly). */
export const EDITED_TEXTS: ReadonlySet<string> = new Set(labelsOf('edited'));

const UNSAVED_PREFIX = new RegExp(
  `^(?:${[...new Set(LANGUAGES.flatMap((labels): readonly string[] => labels.unsavedContactPrefixes))].join('|')})\\s+`,
  'u',
);

/** An aria-label's name without the unsaved-contact word ("Maybe Ravi" -> "Ravi"). */
export function withoutUnsavedPrefix(label: string): string {
  return label.replace(UNSAVED_PREFIX, '');
}

// A count in any grouping ("1,024", "1.024", "1 024").
const UNREAD_DIVIDER = new RegExp(
  `^(?:${LANGUAGES.flatMap((labels) => labels.unreadDivider)
    .map((template) => template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{count\\}', '\\d[\\d.,\u00a0\u202f ]*'))
    .join('|')})$`,
  'iu',
);

/** Whether a row's text is the unread divider ("3 unread messages") in a known language. */
export function isUnreadDividerText(text: string): boolean {
  return UNREAD_DIVIDER.test(text);
}
