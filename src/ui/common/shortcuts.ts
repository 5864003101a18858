/** The extension's keyboard shortcuts as the browser reports them (commands.getAll), ready to list. */
import { i18nKey, t, type MessageKey } from '../i18n';

/** What commands.getAll() yields per command (Chrome and Firefox agree on these fields). */
export interface BrowserCommand {
  name?: string;
  description?: string;
  shortcut?: string;
}

export interface ShortcutInfo {
  name: string;
  description: string;
  /** The keys now assigned; '' when none is (another extension or the browser took them). */
  keys: string;
}

/** Names the browser gives its built-in commands, which come without a description of ours. */
const BUILT_IN_DESCRIPTIONS: Record<string, MessageKey> = {
  _execute_action: i18nKey('common_shortcutOpenPopup'),
  _execute_sidebar_action: i18nKey('common_shortcutToggleSidebar'),
};

/** Known commands first, in a stable order, each with a description a user can read. */
export function shortcutsFrom(commands: readonly BrowserCommand[]): ShortcutInfo[] {
  return commands
    .filter((command): command is BrowserCommand & { name: string } => typeof command.name === 'string' && command.name !== '')
    .map((command) => {
      const builtIn = BUILT_IN_DESCRIPTIONS[command.name];
      return {
        name: command.name,
        description: command.description?.trim() || (builtIn ? t(builtIn) : command.name),
        keys: command.shortcut?.trim() ?? '',
      };
    })
    .filter((shortcut) => shortcut.name !== '_execute_action' || shortcut.keys !== '')
    .sort((a, b) => a.description.localeCompare(b.description));
}

/** Splits "Alt+Shift+S" (Chrome) or "Alt+Shift+S" / "⌥⇧S" (macOS) into keys for <kbd>. */
export function keysOf(shortcut: string): string[] {
  if (shortcut === '') return [];
  return shortcut.includes('+') ? shortcut.split('+').filter(Boolean) : [shortcut];
}

/** Where the user changes shortcuts, in words, per browser. */
export function remapHint(targetBrowser: 'chrome' | 'firefox'): string {
  return targetBrowser === 'firefox' ? t('common_shortcutsRemapFirefox') : t('common_shortcutsRemapChrome');
}
