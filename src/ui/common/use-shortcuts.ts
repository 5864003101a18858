import { useEffect, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import type { UserFacingError } from '../../shared/errors';
import { t } from '../i18n';
import { shortcutsFrom, type BrowserCommand, type ShortcutInfo } from './shortcuts';
import type { ShortcutRemapping } from './ShortcutList';

/** Firefox's commands.update, where the page may remap a shortcut itself. */
export type UpdateCommand = (name: string, shortcut: string) => Promise<void>;

/**
 * The shortcuts as the browser reports them now, opening the browser's page to change them, and (where
 * `updateCommand` exists) changing one in place.
 */
export function useShortcuts(api: UiApi, listCommands: () => Promise<BrowserCommand[]>, updateCommand?: UpdateCommand, mac = false) {
  const [shortcuts, setShortcuts] = useState<ShortcutInfo[] | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    listCommands().then(
      (commands) => current && setShortcuts(shortcutsFrom(commands)),
      // Listing is informative only: without it the button to change them still works.
      () => current && setShortcuts([]),
    );
    return () => {
      current = false;
    };
  }, [listCommands, revision]);

  const openSettings = async (): Promise<boolean> => {
    setError(null);
    try {
      return (await api.request('ui->background:open-shortcut-settings', {})).opened;
    } catch (cause) {
      setError(toUserFacingError(cause));
      return false;
    }
  };

  const remapping: ShortcutRemapping | undefined = updateCommand
    ? {
        mac,
        async update(name, shortcut) {
          try {
            await updateCommand(name, shortcut);
          } catch (cause) {
            const reason = cause instanceof Error ? cause.message : '';
            return reason ? t('common_shortcutRefusedBecause', shortcut, reason) : t('common_shortcutRefused', shortcut);
          } finally {
            setRevision((value) => value + 1);
          }
          return null;
        },
      }
    : undefined;

  return { shortcuts, error, openSettings, remapping };
}
