import type { UiApi } from '../api';
import { ShortcutList } from '../common/ShortcutList';
import type { BrowserCommand } from '../common/shortcuts';
import { useShortcuts, type UpdateCommand } from '../common/use-shortcuts';

interface Props {
  api: UiApi;
  listCommands: () => Promise<BrowserCommand[]>;
  targetBrowser: 'chrome' | 'firefox';
  /** Firefox: remap in place with commands.update. */
  updateCommand?: UpdateCommand;
  mac?: boolean;
}

/** Options → Shortcuts: the keys the browser assigned now, and the browser's page to change them. */
export function ShortcutsSection({ api, listCommands, targetBrowser, updateCommand, mac }: Props) {
  const { shortcuts, error, openSettings, remapping } = useShortcuts(api, listCommands, updateCommand, mac);
  return (
    <ShortcutList
      shortcuts={shortcuts}
      targetBrowser={targetBrowser}
      error={error}
      remapping={remapping}
      onOpenSettings={() => void openSettings()}
    />
  );
}
