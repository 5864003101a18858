import { useCallback, useEffect, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import type { ReplyTarget } from '../../shared/protocol';

/**
 * The recent messages from others in the chat open in `tabId`, for the "Reply to" picker. Read again when
 * the chat changes (`chatKey`, `revision`); a failure just leaves the list empty (replying to the chat as
 * a whole still works).
 */
export function useReplyTargets(api: UiApi, tabId: number | null, chatKey: string | undefined, revision: number) {
  const [targets, setTargets] = useState<ReplyTarget[]>([]);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((value) => value + 1), []);
  useEffect(() => {
    if (tabId === null) {
      setTargets([]);
      return;
    }
    let current = true;
    api
      .request('ui->background:list-reply-targets', { tabId })
      .then((answer) => current && setTargets(answer.messages))
      .catch(() => current && setTargets([]));
    return () => {
      current = false;
    };
  }, [api, tabId, chatKey, revision, tick]);
  return { targets, reload };
}
