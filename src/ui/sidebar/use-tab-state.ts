import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import type { TabState } from '../../shared/protocol';
import type { UserFacingError } from '../../shared/errors';

export interface TabStateResult {
  state: TabState | null;
  error: UserFacingError | null;
  loading: boolean;
  refresh(): void;
}

/** What the background knows about the bound tab (`ui->background:get-tab-state`), read again on `revision`. */
export function useTabState(api: UiApi, tabId: number | null | undefined, revision: number): TabStateResult {
  const [state, setState] = useState<TabState | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);

  const load = useCallback(
    async (clear: boolean) => {
      const mine = ++generation.current;
      if (clear) {
        setState(null);
        setError(null);
      }
      if (typeof tabId !== 'number') {
        setLoading(false);
        return;
      }
      setLoading(true);
      try {
        const next = await api.request('ui->background:get-tab-state', { tabId });
        if (mine !== generation.current) return;
        setState(next);
        setError(null);
      } catch (cause) {
        if (mine !== generation.current) return;
        setState(null);
        setError(toUserFacingError(cause));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [api, tabId],
  );

  useEffect(() => {
    void load(true);
    return () => {
      generation.current++;
    };
  }, [load, revision]);

  const refresh = useCallback(() => void load(false), [load]);
  return { state, error, loading, refresh };
}
