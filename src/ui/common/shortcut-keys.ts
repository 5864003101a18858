/**
 * Turns a key press into the shortcut string the WebExtension `commands` API takes ("Ctrl+Shift+U"), for
 * Firefox, where a page may remap Aside's shortcuts itself (commands.update). Chrome has no such API: its
 * users change shortcuts on chrome://extensions/shortcuts.
 */
import { t } from '../i18n';

export interface KeyPress {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** `code` values the commands API names, and its name for them. */
const NAMED_KEYS: Record<string, string> = {
  Comma: 'Comma',
  Period: 'Period',
  Space: 'Space',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Insert: 'Insert',
  Delete: 'Delete',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
};

function mainKey(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1]!;
  if (/^F([1-9]|1[0-2])$/.test(code)) return code;
  return NAMED_KEYS[code] ?? null;
}

export type ShortcutCapture =
  | { kind: 'shortcut'; shortcut: string }
  /** Only modifiers so far: keep listening. */
  | { kind: 'incomplete' }
  | { kind: 'invalid'; reason: string };

/**
 * The shortcut for a keydown. Uses `code` (the physical key), so a layout's shifted character does not
 * change the letter. On macOS, Ctrl is "MacCtrl" and ⌘ is "Command"; elsewhere ⌘/Windows cannot be used.
 */
export function shortcutFromKeyPress(press: KeyPress, mac = false): ShortcutCapture {
  if (['Alt', 'Control', 'Shift', 'Meta', 'OS', 'AltGraph'].includes(press.key)) return { kind: 'incomplete' };
  const key = mainKey(press.code);
  if (key === null) return { kind: 'invalid', reason: t('common_shortcutKeyUnsupported') };
  const modifiers: string[] = [];
  if (press.ctrlKey) modifiers.push(mac ? 'MacCtrl' : 'Ctrl');
  if (press.metaKey) {
    if (!mac) return { kind: 'invalid', reason: t('common_shortcutNoSuperKey') };
    modifiers.push('Command');
  }
  if (press.altKey) modifiers.push('Alt');
  const functionKey = /^F\d+$/.test(key);
  if (modifiers.length === 0 && !functionKey) {
    return { kind: 'invalid', reason: press.shiftKey ? t('common_shortcutShiftAlone') : t('common_shortcutNeedsModifier') };
  }
  if (press.shiftKey) modifiers.push('Shift');
  return { kind: 'shortcut', shortcut: [...modifiers, key].join('+') };
}
