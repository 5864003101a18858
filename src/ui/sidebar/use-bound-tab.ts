import { useEffect, useState } from 'preact/hooks';
import type { TabTracker } from './tab-tracker';

export interface BoundTab {
  /** undefined until known; null when there is no tab to work on. */
  tabId: number | null | undefined;
  /** Grows each time the bound tab navigates, so readers know to read again. */
  revision: number;
}

export function useBoundTab(tracker: TabTracker): BoundTab {
  const [bound, setBound] = useState<BoundTab>({ tabId: undefined, revision: 0 });
  useEffect(
    () =>
      tracker.subscribe(({ tabId }) => {
        setBound((previous) => ({ tabId, revision: previous.revision + 1 }));
      }),
    [tracker],
  );
  return bound;
}
