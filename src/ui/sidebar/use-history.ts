import { useEffect, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import type { HistoryEntry } from '../../shared/protocol';

/** Earlier suggestions for the bound tab's chat; empty when there are none or they can't be read. */
export function useHistory(api: UiApi, tabId: number | null | undefined, chatKey: string | undefined, revision: number) {
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  useEffect(() => {
    let current = true;
    setEntries([]);
    if (typeof tabId !== 'number' || !chatKey) return;
    api.request('ui->background:get-history', { tabId }).then(
      (result) => {
        if (current) setEntries(result.entries.filter((entry) => entry.chatKey === chatKey));
      },
      () => {
        // History is a convenience: without it the sidebar still works.
      },
    );
    return () => {
      current = false;
    };
  }, [api, tabId, chatKey, revision]);
  return entries;
}
