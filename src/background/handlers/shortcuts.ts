/**
 * Opens the browser's own page for remapping extension shortcuts. A web page, even an extension page,
 * cannot link to chrome://extensions/shortcuts, and Firefox's about:addons shortcut panel has its own
 * API; only the background can open either, so the popup and options page ask here.
 */
import type { Response } from '../../shared/protocol';
import { BackgroundError, userError } from '../errors';
import { wording } from '../../shared/wording';

/** What the browser offers: Firefox (137+) has commands.openShortcutSettings; Chrome opens a tab. */
export interface ShortcutSettingsOpener {
  openShortcutSettings?: () => Promise<void>;
  openTab(url: string): Promise<void>;
}

export const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

export function shortcutHandlers(opener: ShortcutSettingsOpener, targetBrowser: 'chrome' | 'firefox') {
  return {
    async 'ui->background:open-shortcut-settings'(): Promise<Response<'ui->background:open-shortcut-settings'>> {
      try {
        if (opener.openShortcutSettings) await opener.openShortcutSettings();
        else if (targetBrowser === 'chrome') await opener.openTab(CHROME_SHORTCUTS_URL);
        else throw new Error('no API');
        return { opened: true };
      } catch {
        throw new BackgroundError(
          userError(
            'config',
            wording('error_shortcutSettings'),
            targetBrowser === 'firefox' ? wording('error_shortcutSettingsFirefoxHint') : wording('error_shortcutSettingsChromeHint', CHROME_SHORTCUTS_URL),
          ),
        );
      }
    },
  };
}
