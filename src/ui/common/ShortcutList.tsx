import { useState } from 'preact/hooks';
import type { UserFacingError } from '../../shared/errors';
import { t } from '../i18n';
import { ErrorNotice } from './ErrorNotice';
import { ShortcutEditor } from './ShortcutEditor';
import { keysOf, remapHint, type ShortcutInfo } from './shortcuts';

/** Remapping in the page itself, where the browser allows it (Firefox's commands.update). */
export interface ShortcutRemapping {
  /** Resolves to null when saved, else the browser's reason in words. */
  update(name: string, shortcut: string): Promise<string | null>;
  mac: boolean;
}

interface Props {
  /** null while the browser is being asked. */
  shortcuts: ShortcutInfo[] | null;
  targetBrowser: 'chrome' | 'firefox';
  onOpenSettings: () => void;
  /** A failure to open the browser's shortcut page, shown beside the button. */
  error?: UserFacingError | null;
  /** The popup's footer: smaller, no long explanation. */
  compact?: boolean;
  remapping?: ShortcutRemapping;
}

/** Each shortcut with the keys the browser has now assigned, and the way to change them. */
export function ShortcutList({ shortcuts, targetBrowser, onOpenSettings, error, compact = false, remapping }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div class={`shortcuts${compact ? ' shortcuts-compact' : ''}`} data-testid="shortcut-list">
      {shortcuts === null ? (
        <p class="muted">{t('common_shortcutsReading')}</p>
      ) : shortcuts.length === 0 ? (
        <p class="muted">{t('common_shortcutsNone')}</p>
      ) : (
        <dl class="shortcut-rows">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.name} class="shortcut-row" data-testid="shortcut" data-command={shortcut.name}>
              <dt class="shortcut-description">{shortcut.description}</dt>
              <dd class="shortcut-keys">
                {shortcut.keys ? (
                  keysOf(shortcut.keys).map((key, index) => (
                    <span key={index}>
                      {index > 0 ? <span aria-hidden="true">+</span> : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))
                ) : (
                  <span class="muted">{t('common_shortcutNotSet')}</span>
                )}
                {remapping && editing !== shortcut.name ? (
                  <button
                    type="button"
                    class="button button-quiet"
                    data-testid="shortcut-change"
                    aria-label={t('common_shortcutChangeLabel', shortcut.description)}
                    onClick={() => setEditing(shortcut.name)}
                  >
                    {t('common_shortcutChange')}
                  </button>
                ) : null}
                {remapping && editing === shortcut.name ? (
                  <ShortcutEditor
                    description={shortcut.description}
                    mac={remapping.mac}
                    onSave={(keys) => remapping.update(shortcut.name, keys)}
                    onClose={() => setEditing(null)}
                  />
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {compact ? null : (
        <p class="muted">
          {remapHint(targetBrowser)} {t('common_shortcutsTakenNote')}
        </p>
      )}
      <button type="button" class={`button${compact ? ' button-quiet' : ''}`} data-testid="shortcut-settings" onClick={onOpenSettings}>
        {t('common_shortcutsChange')}
      </button>
      {error ? <ErrorNotice error={error} testId="shortcut-error" /> : null}
    </div>
  );
}
